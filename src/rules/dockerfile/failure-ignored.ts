// A RUN step that swallows its own failure (`|| true`, `|| exit 0`, `; true`), so a broken build step ships.
import { defineRule } from '../../core/define-rule.js';
import type { DockerShellCommand } from '../../facts/dockerfile.js';
import { auditedDockerfiles, commandName, shorten, stageTarget } from './_stages.js';

/**
 * Guarded commands whose failure is expected and harmless (cleanup, probes, idempotent user creation):
 * `rm -f x || true` hides nothing that matters, `collectstatic || true` hides a broken image.
 */
const HARMLESS = new Set([
  'rm', 'rmdir', 'unlink', 'pkill', 'kill', 'killall', 'test', '[', '[[', 'grep', 'egrep', 'fgrep', 'which', 'command', 'type',
  'id', 'getent', 'ls', 'find', 'groupadd', 'useradd', 'addgroup', 'adduser', 'usermod', 'groupmod', 'userdel', 'groupdel',
  'mkdir', 'ln', 'true', 'false', 'echo', 'printf', 'update-alternatives', 'ldconfig', 'apt-mark', 'dpkg-query', 'stat',
]);
/** Sub-commands that only clean up. */
const HARMLESS_SUB: Record<string, Set<string>> = {
  'apt-get': new Set(['clean', 'autoremove', 'purge', 'remove', 'autoclean']),
  apt: new Set(['clean', 'autoremove', 'purge', 'remove']),
  apk: new Set(['del']),
  pip: new Set(['uninstall', 'cache']),
  pip3: new Set(['uninstall', 'cache']),
  npm: new Set(['cache']),
  yarn: new Set(['cache']),
};

/** The swallowing form of a command that follows `||` or ends the RUN after `;`, or null. */
function swallow(c: DockerShellCommand): string | null {
  const w = c.words.map((x) => x.value);
  if (c.prev === '||') {
    if (w.length === 1 && (w[0] === 'true' || w[0] === ':' || w[0] === '/bin/true')) return `|| ${w[0]}`;
    if (w[0] === 'exit' && (w[1] === '0' || w[1] === undefined)) return w[1] === '0' ? '|| exit 0' : null;
    if (w[0] === 'echo' || w[0] === 'printf') return `|| ${w[0]} ...`;
  }
  if ((c.prev === ';' || c.prev === '\n') && c.next === null && c.depth === 0 && ((w.length === 1 && (w[0] === 'true' || w[0] === ':')) || (w[0] === 'exit' && w[1] === '0')))
    return `; ${w.join(' ')}`;
  return null;
}

/** The and-or list guarded by the swallow at index `k` (the commands it runs after, back to the last `;`). */
function guarded(commands: DockerShellCommand[], k: number): DockerShellCommand[] {
  const out: DockerShellCommand[] = [];
  for (let j = k - 1; j >= 0; j--) {
    out.unshift(commands[j]);
    const p = commands[j].prev;
    if (p === null || p === ';' || p === '\n' || p === '&') break;
  }
  return out;
}

function harmless(c: DockerShellCommand): boolean {
  const name = commandName(c);
  if (!name) return true;
  if (HARMLESS.has(name.name)) return true;
  const sub = c.words.slice(name.index + 1).find((w) => !w.value.startsWith('-'))?.value;
  return sub !== undefined && (HARMLESS_SUB[name.name]?.has(sub) ?? false);
}

export default defineRule({
  id: 'dockerfile/failure-ignored',
  title: 'Build step ignores its own failure',
  category: 'deployment',
  severity: 'medium',
  requires: ['dockerfiles'],
  why: 'A RUN step ending in `|| true` (or `|| exit 0`, `; true`) always succeeds: when it breaks — collectstatic without settings, a failed download, a dependency that does not install — the build goes green and the broken image is deployed, with missing static files or packages discovered by users.',
  fix: 'Remove the `|| true` and let the build fail; if the step needs configuration at build time, provide it explicitly (a build-only settings module or a placeholder variable for that one RUN), or move the step to deployment (entrypoint / release command) where it can fail loudly.',
  references: [
    { title: 'Dockerfile reference: RUN (shell form and exit status)', url: 'https://docs.docker.com/reference/dockerfile/#run' },
    { title: 'Docker docs: Dockerfile best practices — RUN', url: 'https://docs.docker.com/build/building/best-practices/#run' },
  ],
  verify: 'docker build -f {file} .   # with the step broken on purpose, the build must fail',
  messages: {
    ignored: 'RUN {command} hides the failure of "{guarded}" with "{swallow}".',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      let failed = false;
      for (const stage of df.stages) {
        for (const instr of stage.instructions) {
          if (instr.keyword !== 'RUN') continue;
          const commands = instr.commands;
          for (let k = 0; k < commands.length; k++) {
            const form = swallow(commands[k]);
            if (!form) continue;
            const hidden = guarded(commands, k).filter((c) => !harmless(c));
            if (hidden.length === 0) continue;
            failed = true;
            ctx.fail('ignored', {
              at: commands[k].words[0] ?? instr.loc,
              data: {
                file: df.path,
                command: shorten(instr.args, 70),
                guarded: shorten(hidden.map((c) => c.words.map((w) => w.value).join(' ')).join(' && '), 60),
                swallow: form,
              },
              target: stageTarget(df, stage),
            });
          }
        }
      }
      if (!failed) ctx.pass(df.path);
    }
  },
});
