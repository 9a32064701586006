// `pg_dump | gzip > file` without pipefail: a failed dump still leaves a valid (empty or truncated) archive.
import { defineRule } from '../../core/define-rule.js';
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';
import { backupJob, optionInEffect, sameScope } from './_flow.js';

/**
 * The script checks the pipeline's statuses (`rc=${PIPESTATUS[0]}`, `exit "${PIPESTATUS[0]}"`) or the dump's
 * completion marker itself. (`[ "${PIPESTATUS[0]}" -ne 0 ]` tests are not modelled as commands by the shell facts.)
 */
function checkedOtherwise(scope: ShellCommand[], script: ShellScript | null): boolean {
  return scope.some((o) => /PIPESTATUS|pipestatus|dump complete/i.test(o.text)) || (script?.assignments ?? []).some((a) => /PIPESTATUS|pipestatus/.test(a.value?.raw ?? ''));
}

export default defineRule({
  id: 'backup/pipe-without-pipefail',
  title: 'pg_dump is piped without pipefail',
  category: 'backup',
  severity: 'medium',
  requires: ['shell', 'cron'],
  why: "A pipeline's exit status is its last command's: when pg_dump fails (authentication, disk, a lock timeout, the container is down), gzip still exits 0 and writes a valid, empty or truncated archive. The script reports success, retention rotates out the good backups, and the problem is found on the day of the restore.",
  fix: 'Add `set -o pipefail` (with `set -eu`) near the top of the bash script, or check `${PIPESTATUS[0]}` after the pipeline; in a crontab line run `bash -o pipefail -c "..."`. Better still, avoid the pipe: `pg_dump -Fc -f file.dump` compresses by itself.',
  references: [
    { title: 'GNU Bash manual: Pipelines (pipefail)', url: 'https://www.gnu.org/software/bash/manual/html_node/Pipelines.html' },
    { title: 'GNU Bash manual: The Set Builtin', url: 'https://www.gnu.org/software/bash/manual/html_node/The-Set-Builtin.html' },
    { title: 'PostgreSQL docs: pg_dump (custom format)', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'Stop the database and run {where}   # expect a non-zero exit status instead of a new backup file',
  messages: {
    noPipefail: 'pg_dump in {where} is piped into {next} without `set -o pipefail`: a failed dump still produces a valid-looking backup and exit status 0.',
  },
  check(facts, ctx) {
    const job = backupJob(facts);
    const piped = job.dumps.filter((d) => d.command.pipeline !== null && d.command.pipeline.index < d.command.pipeline.length - 1);
    if (piped.length === 0) return ctx.notApplicable(job.dumps.length > 0 ? 'no pg_dump output is piped into another command' : 'no pg_dump in scripts or crontabs');
    for (const d of piped) {
      const c = d.command;
      const where = d.script?.path ?? d.cronFile ?? c.loc.file;
      const target = `${where}:${c.loc.line}`;
      const entry = d.script ? null : facts.cron.find((e) => e.commands.includes(c));
      const scope = d.script ? sameScope(d.script, c) : (entry?.commands ?? [c]);
      const stage = scope.find((o) => o.pipeline && c.pipeline && o.pipeline.loc.line === c.pipeline.loc.line && o.pipeline.loc.col === c.pipeline.loc.col && o.pipeline.index === c.pipeline.index + 1);
      let on = false;
      if (d.script) {
        if (c.shellString) {
          // The pipeline runs in an inner `sh -c` / `bash -c` shell: only an option set inside that string applies.
          const s = c.shellString;
          on = d.script.options.some((o) => o.name === 'pipefail' && o.enabled && o.at.loc.line >= s.line && o.at.loc.line <= s.endLine && o.at.loc.line <= c.loc.line);
        } else {
          on = optionInEffect(d.script, c, 'pipefail')?.enabled === true;
        }
      } else {
        on = scope.some((o) => o.effectiveName === 'set' && o.effectiveArgs.includes('pipefail') && o.loc.col < c.loc.col) || /\bpipefail\b/.test(entry?.command.value ?? '');
      }
      if (on || checkedOtherwise(scope, d.script)) {
        ctx.pass(target, on ? 'pipefail is set' : 'the pipeline status is checked');
        continue;
      }
      ctx.fail('noPipefail', { at: c.loc, target, data: { where, next: stage?.effectiveName ?? 'another command' } });
    }
  },
});
