// A Python image whose output is block-buffered (no PYTHONUNBUFFERED), so logs arrive late or die with the process.
import { defineRule } from '../../core/define-rule.js';
import type { DockerStage, DockerfileFacts } from '../../facts/dockerfile.js';
import { auditedDockerfiles, baseImageOf, commandName, composeEnvValue, evaluatedStages, parseImageRef, programIndex, stageChain, startupCommands, hasParseProblems } from './_stages.js';

const PYTHON_PROGRAMS = ['python', 'python3', 'pip', 'pip3', 'gunicorn', 'uvicorn', 'daphne', 'hypercorn', 'celery', 'uwsgi', 'uv', 'poetry', 'pipenv'];

/** Evidence that the stage runs Python: a python base image or Python tooling in its instructions. */
function pythonEvidence(df: DockerfileFacts, stage: DockerStage): string | null {
  const base = parseImageRef(baseImageOf(df, stage).from.value);
  if (/python|pypy/.test(base.repository.toLowerCase())) return `base image ${base.repository}`;
  for (const s of stageChain(df, stage))
    for (const instr of s.instructions)
      for (const c of instr.commands) {
        // The program run, not any word: `apt-get install python3` installs Python, it does not run it.
        const run = commandName(c);
        if (run && (PYTHON_PROGRAMS.includes(run.name) || /^python[\d.]+$/.test(run.name))) return `${instr.keyword} ${c.words[run.index].value}`;
        if (c.words.some((w) => /(^|\/)manage\.py$/.test(w.value))) return `${instr.keyword} ${c.words[0].value}`;
      }
  return null;
}

export default defineRule({
  id: 'dockerfile/pythonunbuffered-unset',
  title: 'Python output buffered in the container (PYTHONUNBUFFERED unset)',
  category: 'logging',
  severity: 'low',
  // Compose decides which stages are deployed and may supply user, healthcheck, environment or command.
  requires: ['dockerfiles', 'compose'],
  why: 'When stdout is not a terminal, Python block-buffers it: `print()` and stream output reach `docker logs` in bursts, late, or not at all when the container is killed — exactly the lines needed to understand a crash.',
  fix: 'Set `ENV PYTHONUNBUFFERED=1` in the final stage (or in the compose service environment), or start Python with `-u`.',
  references: [
    { title: 'Python docs: PYTHONUNBUFFERED', url: 'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONUNBUFFERED' },
    { title: 'Docker docs: view container logs (stdout/stderr)', url: 'https://docs.docker.com/engine/logging/' },
  ],
  verify: 'docker run --rm --entrypoint env <image built from {file}> | grep PYTHONUNBUFFERED   # expect PYTHONUNBUFFERED=1',
  messages: {
    unset: '{target} runs Python ({evidence}) without PYTHONUNBUFFERED set.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      const { stages, missing } = evaluatedStages(facts, df);
      for (const m of missing) ctx.unknown(`${df.path}#${m.target}`, `compose service ${m.build.service.name.value} builds target "${m.target}", which is no stage of ${df.path}`);
      // An absence in a file that could not be fully read is not evidence (the engine reports it unknown).
      if (hasParseProblems(facts, df)) continue;
      for (const e of stages) {
        const { stage, target } = e;
        const evidence = pythonEvidence(df, stage);
        if (!evidence) {
          ctx.notApplicable(`${target} does not run Python`);
          continue;
        }
        const env = stage.env.PYTHONUNBUFFERED;
        if (env && env.value !== '') {
          ctx.pass(target);
          continue;
        }
        const dashU = startupCommands(stage).some(({ command }) => {
          const i = programIndex(command, ['python', 'python3']);
          return i >= 0 && command.words.slice(i + 1).some((w) => /^-[A-Za-z]*u[A-Za-z]*$/.test(w.value) && !w.value.startsWith('--'));
        });
        if (dashU) {
          ctx.pass(`${target} (started with python -u)`);
          continue;
        }
        const fromCompose = e.builds.find((b) => (composeEnvValue(facts, b, 'PYTHONUNBUFFERED') ?? '') !== '');
        if (fromCompose) {
          ctx.pass(`${target} (compose service ${fromCompose.service.name.value} sets PYTHONUNBUFFERED)`);
          continue;
        }
        ctx.fail('unset', {
          at: { absentIn: df.path, note: `no PYTHONUNBUFFERED among ${df.lineCount} lines` },
          also: [stage.from],
          data: { target, evidence, file: df.path },
          target,
        });
      }
    }
  },
});
