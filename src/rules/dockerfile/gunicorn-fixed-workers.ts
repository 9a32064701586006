// Gunicorn started with a literal worker count that nothing at deploy time can change.
import { defineRule } from '../../core/define-rule.js';
import { gunicornIndex, optionValue } from './_gunicorn.js';
import { auditedDockerfiles, evaluatedStages, startupCommands } from './_stages.js';

export default defineRule({
  id: 'dockerfile/gunicorn-fixed-workers',
  title: 'Gunicorn worker count fixed in the image',
  category: 'deployment',
  severity: 'medium',
  // Compose decides which stages are deployed and may supply user, healthcheck, environment or command.
  requires: ['dockerfiles', 'compose'],
  why: 'A literal `--workers N` on the command line overrides WEB_CONCURRENCY, GUNICORN_CMD_ARGS and the config file: the same image runs N workers on a 1-CPU VPS (memory exhaustion, OOM kills) and on a 16-CPU host (idle capacity), and changing it needs a rebuild.',
  fix: 'Drop `--workers` from the command and set WEB_CONCURRENCY per environment (Gunicorn reads it when --workers is absent), or use `--workers ${GUNICORN_WORKERS:-4}` in a shell-form command, or a gunicorn.conf.py that computes workers from the environment / CPU count.',
  references: [
    { title: 'Gunicorn docs: settings — workers (WEB_CONCURRENCY)', url: 'https://docs.gunicorn.org/en/stable/settings.html#workers' },
    { title: 'Gunicorn docs: design — how many workers', url: 'https://docs.gunicorn.org/en/stable/design.html#how-many-workers' },
  ],
  verify: 'docker compose exec {service} ps -eo args | grep -c "[g]unicorn"   # matches the workers you configured for this host',
  messages: {
    fixed: '{target} starts gunicorn with a fixed {option} {workers} that no environment variable can change.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      const { stages, missing } = evaluatedStages(facts, df);
      for (const m of missing) ctx.unknown(`${df.path}#${m.target}`, `compose service ${m.build.service.name.value} builds target "${m.target}", which is no stage of ${df.path}`);
      for (const e of stages) {
        const { stage, target } = e;
        const runs = startupCommands(stage).filter(({ command }) => gunicornIndex(command) >= 0);
        if (runs.length === 0) {
          ctx.notApplicable(`${target} does not start gunicorn in its CMD/ENTRYPOINT`);
          continue;
        }
        const overridden = e.builds.length > 0 && e.builds.every((b) => b.service.command !== null);
        if (overridden) {
          ctx.pass(`${target} (the CMD is replaced by the command of compose service ${e.builds.map((b) => b.service.name.value).join(', ')})`);
          continue;
        }
        let failed = false;
        for (const { command } of runs) {
          const workers = optionValue(command, gunicornIndex(command), '--workers', '-w');
          if (!workers || !/^\d+$/.test(workers.value)) continue;
          failed = true;
          const service = e.builds[0]?.service.name.value ?? 'web';
          ctx.fail('fixed', { at: workers.at, data: { target, option: workers.at.value.startsWith('--') ? '--workers' : '-w', workers: workers.value, service, file: df.path }, target });
        }
        if (!failed) ctx.pass(target);
      }
    }
  },
});
