// Probe: Docker containers — `docker ps --format '{{json .}}'` then `docker inspect` for health, restarts, policy.
import type { ContainerInfo, Probed } from '../../../facts/host.js';
import type { ProbeRunner } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

/** One line of `docker ps --format '{{json .}}'` (documented template fields). */
interface PsLine {
  ID?: string;
  Names?: string;
  Image?: string;
  State?: string;
  Status?: string;
  Labels?: string;
  CreatedAt?: string;
}

/** Parses `docker ps --format '{{json .}}'`: one JSON object per line; bad lines are skipped. */
export function parseDockerPs(text: string): ContainerInfo[] {
  const out: ContainerInfo[] = [];
  for (const line of lines(text)) {
    let j: PsLine;
    try {
      j = JSON.parse(line) as PsLine;
    } catch {
      continue;
    }
    if (!j.ID) continue;
    const labels = new Map<string, string>();
    for (const kv of (j.Labels ?? '').split(',')) {
      const i = kv.indexOf('=');
      if (i > 0) labels.set(kv.slice(0, i), kv.slice(i + 1));
    }
    const health = /\((healthy|unhealthy|health: starting)\)/.exec(j.Status ?? '')?.[1]?.replace('health: ', '') ?? null;
    out.push({
      id: j.ID,
      name: j.Names ?? j.ID.slice(0, 12),
      image: j.Image ?? '',
      state: (j.State ?? /^(Up|Exited|Restarting|Created|Paused|Dead)/i.exec(j.Status ?? '')?.[1] ?? 'unknown').toLowerCase().replace(/^up$/, 'running'),
      health,
      restartCount: null,
      restartPolicy: null,
      created: null,
      composeProject: labels.get('com.docker.compose.project') ?? null,
      composeService: labels.get('com.docker.compose.service') ?? null,
      composeWorkingDir: labels.get('com.docker.compose.project.working_dir') ?? null,
      oneoff: labels.get('com.docker.compose.oneoff') === 'True',
    });
  }
  return out;
}

/** The fields of `docker inspect` (Engine API ContainerInspect) that the rules read. */
interface InspectJson {
  Id?: string;
  Name?: string;
  Created?: string;
  RestartCount?: number;
  State?: { Status?: string; Health?: { Status?: string } | null };
  HostConfig?: { RestartPolicy?: { Name?: string } };
  Config?: { Image?: string; Labels?: Record<string, string> | null };
}

/** Merges `docker inspect` output (a JSON array) into the ps records, by id. */
export function applyInspect(containers: ContainerInfo[], text: string): ContainerInfo[] {
  let arr: InspectJson[];
  try {
    arr = JSON.parse(text) as InspectJson[];
  } catch {
    return containers;
  }
  if (!Array.isArray(arr)) return containers;
  const byId = new Map(arr.filter((x) => x.Id).map((x) => [x.Id as string, x]));
  return containers.map((c) => {
    const x = byId.get(c.id) ?? [...byId.values()].find((v) => v.Id?.startsWith(c.id));
    if (!x) return c;
    const labels = x.Config?.Labels ?? {};
    return {
      ...c,
      name: x.Name ? x.Name.replace(/^\//, '') : c.name,
      state: x.State?.Status ?? c.state,
      health: x.State?.Health?.Status ?? c.health,
      restartCount: typeof x.RestartCount === 'number' ? x.RestartCount : null,
      restartPolicy: x.HostConfig?.RestartPolicy?.Name || 'no',
      created: x.Created ?? null,
      composeProject: labels['com.docker.compose.project'] ?? c.composeProject,
      composeService: labels['com.docker.compose.service'] ?? c.composeService,
      composeWorkingDir: labels['com.docker.compose.project.working_dir'] ?? c.composeWorkingDir,
      oneoff: labels['com.docker.compose.oneoff'] === 'True' || c.oneoff,
    };
  });
}

/** Containers, or null when docker is not installed. */
export async function probeDocker(r: ProbeRunner): Promise<Probed<ContainerInfo[] | null>> {
  const ps = await r.run('docker-ps');
  if (ps.status === 'missing') return known(null, ps);
  if (ps.status !== 'ok') {
    const daemon = /Cannot connect to the Docker daemon|Is the docker daemon running/i.test(ps.stderr);
    return unknownResult(daemon ? `docker is installed but its daemon did not answer: ${ps.reason}` : `containers could not be listed: ${ps.reason}`, ps);
  }
  const containers = parseDockerPs(ps.stdout);
  if (containers.length === 0) return known([], ps);
  // Docker accepts many ids in one inspect call; its raw output (with Env) never becomes proof, only the fields read.
  const ins = await r.run('docker-inspect', [containers.map((c) => c.id)]);
  if (ins.status !== 'ok') return known(containers, ps, ins);
  // (a failed inspect keeps the ps data; restart counts and policies then stay null and their checks unknown)
  const merged = applyInspect(containers, ins.stdout);
  const summary = merged.map(
    (c) => `${c.name}\tstate=${c.state}\thealth=${c.health ?? 'none'}\trestarts=${c.restartCount ?? '?'}\trestart_policy=${c.restartPolicy ?? '?'}\tcreated=${c.created ?? '?'}`,
  );
  const inspectProof = ins.proof ? r.focus(ins.proof, summary, 'fields read from docker inspect') : null;
  if (ins.proof && inspectProof) r.replaceProof(ins.proof, inspectProof);
  return { ok: true, value: merged, proof: [ps.proof!, ...(inspectProof ? [inspectProof] : [])] };
}
