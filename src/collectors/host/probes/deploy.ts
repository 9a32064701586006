// Probe: when the deployed code last changed — the git reflog of the deploy checkout, or container creation time.
import type { ContainerInfo, DeployInfo, Probed, ServiceState } from '../../../facts/host.js';
import type { ProbeRunner, RunOutcome } from '../runner.js';
import { known, proofsOf, unknownResult } from './result.js';

/** Parses the last line of .git/logs/HEAD ("<old> <new> Name <mail> 1717171717 +0200\tpull: Fast-forward"). */
export function parseReflogLine(text: string): { time: string; message: string } | null {
  const m = /^[0-9a-f]{40,64} [0-9a-f]{40,64} .*? (\d{9,11}) [+-]\d{4}\t?(.*)$/m.exec(text.trim());
  return m ? { time: new Date(Number(m[1]) * 1000).toISOString(), message: m[2] } : null;
}

export interface DeployOptions {
  /** --deploy-dir values (checkouts of the app). */
  dirs: readonly string[];
}

export async function probeDeploy(
  r: ProbeRunner,
  options: DeployOptions,
  services: Probed<ServiceState[]>,
  containers: Probed<ContainerInfo[] | null>,
  systemd: boolean,
): Promise<Probed<DeployInfo | null>> {
  const outcomes: RunOutcome[] = [];
  const dirs = [...options.dirs];
  // The app server's systemd WorkingDirectory is where it was deployed.
  if (dirs.length === 0 && systemd && services.ok) {
    for (const s of services.value.filter((x) => x.role === 'app-server' && x.source === 'systemd')) {
      const o = await r.run('systemctl-show', [s.name]);
      outcomes.push(o);
      const wd = /^WorkingDirectory=(\/\S+)/m.exec(o.stdout)?.[1];
      if (wd && !dirs.includes(wd)) dirs.push(wd);
    }
  }
  if (containers.ok && containers.value) for (const c of containers.value) if (c.composeWorkingDir && !dirs.includes(c.composeWorkingDir)) dirs.push(c.composeWorkingDir);
  const found: { info: DeployInfo; proof: RunOutcome | null }[] = [];
  for (const d of dirs) {
    const o = await r.run('git-reflog-head', [`${d.replace(/\/$/, '')}/.git/logs/HEAD`]);
    outcomes.push(o);
    const parsed = o.status === 'ok' ? parseReflogLine(o.stdout) : null;
    if (parsed) found.push({ info: { time: parsed.time, source: `git reflog of ${d} (${parsed.message})` }, proof: o });
  }
  if (containers.ok && containers.value) {
    const app = containers.value.filter((c) => c.created && c.composeService);
    const newest = app.sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))[0];
    if (newest?.created) found.push({ info: { time: new Date(newest.created).toISOString(), source: `container ${newest.name} created` }, proof: null });
  }
  const best = found.sort((a, b) => b.info.time.localeCompare(a.info.time))[0];
  if (best) return { ok: true, value: best.info, proof: [...proofsOf(best.proof), ...(best.proof ? [] : containers.proof)] };
  if (dirs.length === 0) return known(null, ...outcomes);
  return unknownResult(`no deploy time found in ${dirs.join(', ')}: ${outcomes.map((o) => o.reason).filter(Boolean).join('; ') || 'no git reflog'}`, ...outcomes);
}
