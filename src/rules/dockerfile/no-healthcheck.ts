// A long-running service image without a HEALTHCHECK (in the Dockerfile or the compose service that runs it).
import { defineRule } from '../../core/define-rule.js';
import type { DockerStage } from '../../facts/dockerfile.js';
import { auditedDockerfiles, commandName, evaluatedStages, startupCommands, hasParseProblems } from './_stages.js';

/** manage.py / django-admin commands that run once and exit. */
const ONE_SHOT_MANAGE = new Set(['migrate', 'collectstatic', 'test', 'check', 'makemigrations', 'compilemessages', 'loaddata', 'dumpdata', 'createsuperuser', 'shell', 'dbshell', 'compress']);
const ONE_SHOT_PROGRAMS = new Set(['pytest', 'tox', 'alembic', 'pg_dump', 'psql', 'true', 'echo', 'ls', 'cat', 'sh', 'bash']);
/** Kubernetes ignores HEALTHCHECK: probes live in the manifests. */
const K8S = /(^|\/)(k8s|kubernetes|helm|kustomize)\/.*\.ya?ml$|(^|\/)(Chart\.ya?ml|kustomization\.ya?ml)$/i;

/** True when the stage's start command clearly runs once and exits (a migration or test image). */
function oneShot(stage: DockerStage): string | null {
  const startup = startupCommands(stage);
  if (startup.length === 0) return null;
  const last = startup[startup.length - 1].command;
  const name = commandName(last);
  if (!name) return null;
  const words = last.words.slice(name.index).map((w) => w.value);
  const manage = words.findIndex((w) => w.endsWith('manage.py') || w === 'django-admin');
  if (manage >= 0) {
    const sub = words.slice(manage + 1).find((w) => !w.startsWith('-'));
    if (sub && ONE_SHOT_MANAGE.has(sub)) return `its command runs "manage.py ${sub}" once and exits`;
    return null;
  }
  // `sh -c "..."` was already split into its commands; a bare `sh`/`bash` is an interactive shell.
  if (ONE_SHOT_PROGRAMS.has(name.name)) return `its command is "${words.join(' ')}", which runs once`;
  return null;
}

export default defineRule({
  id: 'dockerfile/no-healthcheck',
  title: 'Service image without a health check',
  category: 'monitoring',
  severity: 'low',
  // Compose decides which stages are deployed and may supply user, healthcheck, environment or command.
  requires: ['dockerfiles', 'compose'],
  why: 'Without a health check Docker only knows whether the process exists: a Gunicorn master with hung workers, or an app that lost its database, stays "running", `depends_on: condition: service_healthy` cannot wait for it, and nothing alerts.',
  fix: 'Add `HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://localhost:8000/health/ || exit 1` (against a cheap endpoint), or a `healthcheck:` on the compose service that runs the image.',
  references: [
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
    { title: 'Compose file reference: healthcheck', url: 'https://docs.docker.com/reference/compose-file/services/#healthcheck' },
    { title: 'CIS Docker Benchmark 4.6: add HEALTHCHECK instructions to the container image', url: 'https://www.cisecurity.org/benchmark/docker' },
  ],
  verify: 'docker inspect --format "{{json .State.Health}}" <container>   # expect a Status of "healthy"',
  messages: {
    missing: '{target} defines no HEALTHCHECK{compose}.',
    disabled: '{target} disables the health check with HEALTHCHECK NONE{compose}.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    const k8s = facts.repo.files.find((f) => K8S.test(f.path));
    if (k8s && facts.compose.length === 0) {
      if (audited.length > 0) ctx.notApplicable(`the images are deployed to Kubernetes (${k8s.path}), which ignores HEALTHCHECK and uses probes`);
      return;
    }
    for (const df of audited) {
      const { stages, missing } = evaluatedStages(facts, df);
      for (const m of missing) ctx.unknown(`${df.path}#${m.target}`, `compose service ${m.build.service.name.value} builds target "${m.target}", which is no stage of ${df.path}`);
      // An absence in a file that could not be fully read is not evidence (the engine reports it unknown).
      if (hasParseProblems(facts, df)) continue;
      for (const e of stages) {
        const { stage, target } = e;
        const hc = stage.healthcheck;
        const disabled = hc !== null && hc.args.trim().toUpperCase() === 'NONE';
        if (hc && !disabled) {
          ctx.pass(target);
          continue;
        }
        const composeCheck = e.builds.find((b) => b.service.healthcheck && !b.service.healthcheck.disabled);
        if (composeCheck) {
          ctx.pass(`${target} (compose service ${composeCheck.service.name.value} in ${composeCheck.service.file} defines a healthcheck)`);
          continue;
        }
        const once = oneShot(stage);
        if (once) {
          ctx.notApplicable(`${target} is not a long-running service: ${once}`);
          continue;
        }
        const services = e.builds.map((b) => b.service.name.value);
        const compose = services.length > 0 ? ` and compose service ${services.join(', ')} defines none either` : '';
        if (hc && disabled) {
          ctx.fail('disabled', { at: hc.loc, data: { target, compose }, target });
        } else {
          ctx.fail('missing', {
            at: { absentIn: df.path, note: `no HEALTHCHECK among ${df.lineCount} lines${compose ? ` (${compose.trim()})` : ''}` },
            data: { target, compose },
            target,
          });
        }
      }
    }
  },
});
