// Backups accumulate forever: nothing deletes or rotates old dumps (seed 002 #12).
import { defineRule } from '../../core/define-rule.js';
import type { ShellCommand } from '../../facts/scripts.js';
import { allCommands, backupServices, dumpCommands } from './_dumps.js';

/** Commands that prune old backups. */
function prunes(c: ShellCommand): boolean {
  const n = c.effectiveName;
  const args = c.effectiveArgs;
  if (n === 'find') return args.some((a) => /^-(mtime|mmin|ctime|newer|atime)$/.test(a)) && args.some((a) => a === '-delete' || a === 'rm' || a === '-exec');
  if (n === 'restic') return args.includes('forget') || args.includes('prune');
  if (n === 'borg' || n === 'borgmatic') return args.includes('prune') || args.includes('compact') || n === 'borgmatic';
  if (n === 'rclone') return args.includes('delete') && args.some((a) => a.startsWith('--min-age'));
  if (n === 'tmpreaper' || n === 'tmpwatch' || n === 'logrotate' || n === 'savelog') return true;
  if (n === 'aws') return args.includes('rm') && args.includes('s3');
  // `ls -t backups | tail -n +8 | xargs rm`: an rm fed by a sorted listing in a pipeline.
  if ((n === 'rm' || n === 'xargs') && c.pipeline !== null && c.pipeline.index > 0) return true;
  return false;
}

export default defineRule({
  id: 'backup/no-retention',
  title: 'No retention policy for backups',
  category: 'backup',
  severity: 'medium',
  requires: ['shell', 'cron', 'compose'],
  why: 'Dumps pile up until the disk is full; then the database, the app and the next backup fail together. Without a policy nobody knows which backups must be kept.',
  fix: 'Prune after each successful backup, e.g. `find backups/ -name "db_backup_*.sql.gz" -mtime +30 -delete`, or use a backup tool with a keep policy (restic forget --keep-daily 7 --keep-weekly 4, pgBackRest retention).',
  references: [
    { title: 'PostgreSQL docs: Backup and Restore', url: 'https://www.postgresql.org/docs/current/backup.html' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'grep -nE "find .*-mtime .*-delete|forget|prune" {script}',
  messages: { noRetention: '{script} writes database dumps, and no script, cron job or backup service deletes old ones.' },
  check(facts, ctx) {
    const dumps = dumpCommands(facts);
    const services = backupServices(facts);
    if (dumps.length === 0 && services.length === 0) return ctx.notApplicable('no backup job in the repository');
    const managed = services.filter((s) => s.environment.some((e) => /(KEEP|RETENTION|MAX_AGE|PRUNE)/i.test(e.key.value)));
    const pruned = allCommands(facts).some(prunes) || managed.length > 0;
    const seen = new Set<string>();
    for (const d of dumps) {
      const where = d.script?.path ?? d.cronFile ?? d.command.loc.file;
      if (seen.has(where)) continue;
      seen.add(where);
      if (pruned) ctx.pass(where);
      else ctx.fail('noRetention', { at: d.command.loc, target: where, data: { script: where } });
    }
    for (const s of services) if (!dumps.length) pruned ? ctx.pass(s.name.value) : ctx.unknown(s.name.value, `backup service "${s.name.value}" may prune by its own defaults; no KEEP/RETENTION setting is visible`);
  },
});
