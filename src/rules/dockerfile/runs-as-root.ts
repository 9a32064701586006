// The image's final stage runs its process as root (no USER, or a last USER of root/0).
import { defineRule } from '../../core/define-rule.js';
import type { DockerStage, DockerfileFacts } from '../../facts/dockerfile.js';
import type { Facts } from '../../facts/index.js';
import {
  auditedDockerfiles,
  baseImageOf,
  evaluatedStages,
  parseImageRef,
  programIndex,
  runCommands,
  stageChain,
  startupCommands,
  type EvaluatedStage,
  hasParseProblems,
} from './_stages.js';

const DROPPERS = ['gosu', 'su-exec', 'setpriv', 'runuser', 's6-setuidgid', 'chpst', 'setuidgid'];
/** Official images whose own entrypoint starts the server as an unprivileged user. */
const SELF_DROPPING = new Set(['postgres', 'redis', 'mysql', 'mariadb', 'mongo', 'rabbitmq', 'memcached', 'elasticsearch']);
/** Proxies whose master process needs root to bind ports below 1024 but whose workers drop privileges. */
const PROXIES = new Set(['nginx', 'httpd', 'caddy', 'traefik', 'haproxy', 'openresty', 'nginx-proxy', 'nginx-unprivileged']);

function isRoot(user: string): boolean {
  return /^(root|0)(:.*)?$/.test(user.trim());
}

function knownNonRootBase(image: string): boolean {
  return /-unprivileged\b|(^|\/)bitnami\/|cgr\.dev\/chainguard\/|distroless\/.*:.*nonroot|:nonroot\b/.test(image);
}

/** Why the container is not root after all although no USER says so, or null. */
function privilegeDrop(facts: Facts, df: DockerfileFacts, stage: DockerStage): string | null {
  const startup = startupCommands(stage);
  for (const { command } of startup) {
    const i = programIndex(command, DROPPERS);
    if (i >= 0) return `the start command drops privileges with ${command.words[i].value}`;
  }
  // An entrypoint script that calls gosu/su-exec (when the shell collector saw the script).
  const scriptWords = startup.map((s) => s.command.words[0]?.value ?? '').filter((w) => w.includes('/') || /\.sh$/.test(w));
  for (const word of scriptWords) {
    const base = word.slice(word.lastIndexOf('/') + 1);
    const script = facts.shell.find((s) => s.path === base || s.path.endsWith(`/${base}`));
    const drop = script?.commands.find((c) => DROPPERS.includes(c.name));
    if (script && drop) return `its entrypoint script ${script.path} drops privileges with ${drop.name}`;
  }
  // gosu/su-exec installed and an entrypoint script that cannot be read: the usual pattern of dropping in the script.
  const installsDropper = stageChain(df, stage)
    .flatMap((s) => runCommands(s))
    .some(({ command }) => command.words.some((w) => w.value === 'gosu' || w.value === 'su-exec'));
  const copiesDropper = stageChain(df, stage)
    .flatMap((s) => s.instructions)
    .some((i) => i.keyword === 'COPY' && i.flags.some((f) => f.name === 'from' && /gosu|su-exec/.test(f.value ?? '')));
  if ((installsDropper || copiesDropper) && scriptWords.length > 0 && stage.entrypoint)
    return `gosu/su-exec is installed and the ENTRYPOINT script ${scriptWords[0]} is where images drop privileges`;
  return null;
}

function composeUser(e: EvaluatedStage): { user: string; service: string } | null {
  for (const b of e.builds) {
    const node = b.service.keys.user;
    if (node && (typeof node.value === 'string' || typeof node.value === 'number')) return { user: String(node.value), service: b.service.name.value };
  }
  return null;
}

export default defineRule({
  id: 'dockerfile/runs-as-root',
  title: 'Container runs as root',
  category: 'security',
  severity: 'high',
  // Compose decides which stages are deployed and may supply user, healthcheck, environment or command.
  requires: ['dockerfiles', 'compose'],
  why: 'A process running as root inside the container turns any remote code execution in the application (a vulnerable dependency, a template injection) into root in the container, with write access to the code and an easier path to a container escape.',
  fix: 'Create an unprivileged user in the final stage (`RUN useradd --system --uid 10001 app`), give it only the directories it writes to, and end the stage with `USER app` (or drop privileges in the entrypoint with gosu/su-exec).',
  references: [
    { title: 'Docker docs: Dockerfile best practices — USER', url: 'https://docs.docker.com/build/building/best-practices/#user' },
    { title: 'OWASP Docker Security Cheat Sheet — set a user', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'CIS Docker Benchmark 4.1: ensure a user for the container has been created', url: 'https://www.cisecurity.org/benchmark/docker' },
  ],
  verify: 'docker run --rm --entrypoint id <image built from {file}>   # expect a uid other than 0',
  messages: {
    noUser: '{target} has no USER instruction, so the container runs as root (base image {base}).',
    rootUser: '{target} ends with USER {user}: the container runs as root.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    for (const df of audited) {
      const { stages, missing } = evaluatedStages(facts, df);
      for (const m of missing) ctx.unknown(`${df.path}#${m.target}`, `compose service ${m.build.service.name.value} builds target "${m.target}", which is no stage of ${df.path}`);
      // An absence in a file that could not be fully read is not evidence (the engine reports it unknown).
      if (hasParseProblems(facts, df)) continue;
      for (const e of stages) {
        const { stage, target } = e;
        const data = { target, file: df.path };
        const fromCompose = composeUser(e);
        if (fromCompose && !isRoot(fromCompose.user)) {
          ctx.pass(`${target} (compose service ${fromCompose.service} runs it as ${fromCompose.user})`);
          continue;
        }
        const base = baseImageOf(df, stage);
        const image = parseImageRef(base.from.value);
        const user = stage.user;
        if (user && user.value.includes('$')) {
          ctx.unknown(target, `USER ${user.value} cannot be resolved from the Dockerfile (set by a build argument or the environment)`);
          continue;
        }
        if (user && !isRoot(user.value)) {
          ctx.pass(target);
          continue;
        }
        const drop = privilegeDrop(facts, df, stage);
        if (drop) {
          ctx.pass(`${target} (${drop})`);
          continue;
        }
        if (!user) {
          if (base.fromUnresolved.length > 0) {
            ctx.unknown(target, `the base image ${base.from.value} cannot be resolved, so its default user is unknown`);
            continue;
          }
          if (knownNonRootBase(base.from.value)) {
            ctx.pass(`${target} (base image ${base.from.value} runs as a non-root user)`);
            continue;
          }
          if (SELF_DROPPING.has(image.name) && !stageChain(df, stage).some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT'))) {
            ctx.pass(`${target} (the ${image.name} image's entrypoint starts the server as an unprivileged user)`);
            continue;
          }
        }
        const severity = PROXIES.has(image.name) ? 'medium' : undefined;
        if (user) {
          ctx.fail('rootUser', { at: user, data: { ...data, user: user.value }, target, severity });
        } else {
          ctx.fail('noUser', {
            at: { absentIn: df.path, note: `no USER instruction among ${df.lineCount} lines (stage ${stage.name?.value ?? stage.index})` },
            also: [stage.from],
            data: { ...data, base: base.from.value },
            target,
            severity,
          });
        }
      }
    }
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
  },
});
