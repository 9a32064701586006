// The container writes its logs to files (gunicorn --access-logfile /path, `> /path.log`) that nothing rotates.
import { defineRule } from '../../core/define-rule.js';
import type { Located } from '../../core/types/located.js';
import type { DockerStage } from '../../facts/dockerfile.js';
import type { Evidence } from '../../core/types/rule.js';
import { gunicornIndex, optionValue } from './_gunicorn.js';
import { auditedDockerfiles, evaluatedStages, startupCommands, type EvaluatedStage } from './_stages.js';

const GUNICORN_FILE_OPTIONS = ['--access-logfile', '--error-logfile', '--log-file'];
/** Targets that are streams, not files. */
const STREAM = /^(-|\/dev\/(stdout|stderr|null|fd\/[12])|\/proc\/(self|1)\/fd\/[12])$/;
const LOGROTATE_FILE = /logrotate/i;

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** Log files the stage's start command writes: gunicorn options and shell redirections. */
function logFiles(stage: DockerStage): { path: string; at: Located<string> }[] {
  const out: { path: string; at: Located<string> }[] = [];
  for (const { command } of startupCommands(stage)) {
    const g = gunicornIndex(command);
    if (g >= 0) {
      for (const opt of GUNICORN_FILE_OPTIONS) {
        const v = optionValue(command, g, opt, null);
        if (v && !STREAM.test(v.value) && !v.value.includes('$')) out.push({ path: v.value, at: v.at });
      }
    }
    for (const r of command.redirects) {
      if (!/>/.test(r.op) || r.op.endsWith('&')) continue;
      const t = r.target.value;
      if (t === '' || STREAM.test(t) || t.includes('$') || !/\.(log|out|err|txt)$|(^|\/)logs?\//.test(t)) continue;
      out.push({ path: t, at: r.target });
    }
  }
  // GUNICORN_CMD_ARGS in the image environment applies whenever gunicorn starts.
  const cmdArgs = stage.env.GUNICORN_CMD_ARGS;
  if (cmdArgs) {
    const m = /--(access-logfile|error-logfile|log-file)[= ](\S+)/g;
    for (const hit of cmdArgs.value.matchAll(m)) if (!STREAM.test(hit[2])) out.push({ path: hit[2], at: cmdArgs.at });
  }
  return out;
}

/** Where the log directory goes: a compose volume or a VOLUME instruction covering it (more evidence). */
function logStorage(e: EvaluatedStage, dir: string): Evidence[] {
  const out: Evidence[] = [];
  for (const b of e.builds) {
    for (const v of b.service.volumes) if (dir === v.target || dir.startsWith(`${v.target.replace(/\/$/, '')}/`)) out.push(v.raw);
  }
  for (const instr of e.stage.instructions) {
    if (instr.keyword !== 'VOLUME') continue;
    const paths = instr.execForm ?? instr.expanded.split(/\s+/);
    if (paths.some((p) => dir === p || dir.startsWith(`${p.replace(/\/$/, '')}/`))) out.push(instr.loc);
  }
  return out;
}

export default defineRule({
  id: 'dockerfile/log-files-without-rotation',
  title: 'Container logs written to files without rotation',
  category: 'logging',
  severity: 'medium',
  // Compose decides which stages are deployed and may supply user, healthcheck, environment or command.
  requires: ['dockerfiles', 'compose'],
  why: 'Log files inside the container (or on a mounted directory) grow until the disk is full — then PostgreSQL, uploads and the app fail together. They also bypass `docker logs` and the logging driver, so the rotation configured there does not apply and the lines are missing where operators look.',
  fix: 'Log to stdout/stderr (`--access-logfile - --error-logfile -` for gunicorn) and set rotation on the Docker logging driver (`logging: options: max-size: "10m", max-file: "5"`); if files are required, add a logrotate config for them (with copytruncate or a USR1 to gunicorn).',
  references: [
    { title: 'Gunicorn docs: settings — accesslog / errorlog', url: 'https://docs.gunicorn.org/en/stable/settings.html#accesslog' },
    { title: 'Docker docs: configure logging drivers (json-file max-size)', url: 'https://docs.docker.com/engine/logging/configure/' },
    { title: 'The Twelve-Factor App: logs as event streams', url: 'https://12factor.net/logs' },
  ],
  verify: 'docker compose exec {service} sh -c "ls -la {dir}"   # no growing log files; docker compose logs {service} shows the requests',
  messages: {
    files: '{target} writes logs to {files} inside the container with no rotation in the repository.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    const logrotate = facts.repo.files.find((f) => f.kinds.includes('logrotate') || LOGROTATE_FILE.test(f.path));
    for (const df of audited) {
      const { stages, missing } = evaluatedStages(facts, df);
      for (const m of missing) ctx.unknown(`${df.path}#${m.target}`, `compose service ${m.build.service.name.value} builds target "${m.target}", which is no stage of ${df.path}`);
      for (const e of stages) {
        const { stage, target } = e;
        if (!stage.cmd && !stage.entrypoint && !stage.env.GUNICORN_CMD_ARGS) {
          ctx.notApplicable(`${target} has no CMD or ENTRYPOINT (the command comes from elsewhere)`);
          continue;
        }
        const files = logFiles(stage);
        if (files.length === 0) {
          ctx.pass(target);
          continue;
        }
        if (logrotate) {
          ctx.unknown(target, `${target} writes logs to ${files.map((f) => f.path).join(', ')}; ${logrotate.path} may rotate them (its paths are not checked here)`);
          continue;
        }
        const dir = dirOf(files[0].path) || files[0].path;
        ctx.fail('files', {
          at: files[0].at,
          also: logStorage(e, dir),
          data: { target, files: [...new Set(files.map((f) => f.path))].join(', '), dir, service: e.builds[0]?.service.name.value ?? 'web', file: df.path },
          target,
        });
      }
    }
  },
});
