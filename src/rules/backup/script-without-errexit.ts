// A backup script that carries on after a failed pg_dump: no `set -e` and no check of the dump's status.
import { defineRule } from '../../core/define-rule.js';
import type { ShellCommand } from '../../facts/scripts.js';
import { backupJob, deletesFiles, offsiteKind, optionInEffect, scopeWithCalls } from './_flow.js';

export default defineRule({
  id: 'backup/script-without-errexit',
  title: 'Backup script continues after a failed dump',
  category: 'backup',
  severity: 'medium',
  requires: ['shell'],
  why: 'Without `set -e` (or an explicit status check), a failed pg_dump is just one more line of output: the script goes on to compress, upload and prune, reports success, and may delete the last good backups while keeping an empty one.',
  fix: 'Start the script with `set -euo pipefail` (bash), or test the dump explicitly: `pg_dump -Fc app -f "$FILE" || { echo "backup failed" >&2; exit 1; }`. Never end a dump with `|| true`.',
  references: [
    { title: 'GNU Bash manual: The Set Builtin (-e)', url: 'https://www.gnu.org/software/bash/manual/html_node/The-Set-Builtin.html' },
    { title: 'PostgreSQL docs: pg_dump — exit status', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'Stop the database and run {script}   # expect a non-zero exit status and no "backup complete" message',
  messages: {
    noErrexit: '{script} has no `set -e` and does not check the exit status of pg_dump (line {line}); a failed dump goes unnoticed{then}.',
    ignored: 'pg_dump in {script} ignores its own failure (`{orElse}`): a failed dump goes unnoticed{then}.',
  },
  check(facts, ctx) {
    const job = backupJob(facts);
    const dumps = job.dumps.filter((d) => d.script !== null);
    if (dumps.length === 0) return ctx.notApplicable(job.dumps.length > 0 ? 'pg_dump only runs from crontab lines' : 'no backup script with pg_dump');
    const seen = new Set<string>();
    for (const d of dumps) {
      const script = d.script!;
      if (seen.has(script.path)) continue;
      const c = d.command;
      const scope = scopeWithCalls(script, c);
      const after = scope.filter((o) => o.loc.line > c.loc.line);
      const destructive = after.find((o) => deletesFiles(o));
      const upload = after.find((o) => offsiteKind(o) !== null);
      const then = destructive ? ' and the script then deletes files' : upload ? ' and the script then uploads the result' : '';
      const severity = destructive || upload ? 'medium' : 'low';
      const data = { script: script.path, line: c.loc.line, then, orElse: c.orElse ?? '|| true' };
      if (c.failureIgnored) {
        seen.add(script.path);
        ctx.fail('ignored', { at: c.loc, target: script.path, severity, data });
        continue;
      }
      // Nothing runs after the dump in its scope: its exit status is the script's, and cron sees the failure.
      if (after.length === 0 && c.inFunction === null) continue;
      const errexit = optionInEffect(script, c, 'errexit')?.enabled === true;
      const next = scope.find((o) => o.loc.line > c.loc.line || (o.loc.line === c.loc.line && o.loc.col > c.loc.col));
      const checked = c.inCondition || (next !== undefined && /\$\?|\$\{\?\}/.test(next.text)) || (c.pipeline !== null && scope.some((o: ShellCommand) => /PIPESTATUS/.test(o.text)));
      if (errexit || checked) continue;
      seen.add(script.path);
      ctx.fail('noErrexit', { at: c.loc, target: script.path, severity, data });
    }
    for (const d of dumps) if (!seen.has(d.script!.path)) {
      seen.add(d.script!.path);
      ctx.pass(d.script!.path, 'set -e is in effect or the dump status is checked');
    }
  },
});
