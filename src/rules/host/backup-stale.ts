// Rule: the newest file in the backup directory is older than the RPO (24 h by default), or there is none.
import { defineRule } from '../../core/define-rule.js';
import { backupJobs } from './_backup.js';
import { eachHost, focus, need, target } from './_shared.js';

export default defineRule({
  id: 'host/backup-stale',
  title: 'The newest backup is older than the recovery point objective',
  category: 'backup',
  severity: 'critical',
  requires: ['host'],
  why: 'If the server fails now, everything written since the newest backup is lost. A backup job that silently stopped (full disk, changed password, expired credentials) looks scheduled but protects nothing.',
  fix: 'Find why the job stopped (cron mail, `journalctl -u cron`, the script log), fix it, run it once by hand, and alert when the newest backup is older than the RPO.',
  references: [
    { title: 'PostgreSQL: Backup and Restore', url: 'https://www.postgresql.org/docs/current/backup.html' },
    { title: 'NIST SP 800-34: Contingency Planning (RPO)', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'ls -lt {dir} | head -3   # newest file from the last {rpo} hours',
  messages: {
    stale: 'The newest backup on {host} is {age} hours old ({file}, {date}); the RPO is {rpo} hours.',
    empty: 'The backup directory {dir} on {host} contains no backup file.',
  },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const where = target(h, 'backup age');
      if (h.backups.ok && h.backups.value === null) {
        const jobs = backupJobs(h);
        const job = jobs?.cron[0]?.line ?? jobs?.timers[0]?.unit;
        if (job) return ctx.unknown(where, `a backup job exists (${job}) but its directory could not be determined; pass --backup-dir`);
        return ctx.notApplicable(`no backup job or directory on ${h.name} (host/backup-missing reports it)`);
      }
      const b = need(ctx, h, h.backups, 'backup age');
      if (!b) return;
      const rpo = h.thresholds.backupRpoHours;
      const newest = b.files[0];
      if (!newest) return ctx.fail('empty', { at: b.listing, target: where, data: { host: h.name, dir: b.dir, rpo } });
      const age = (Date.parse(h.auditedAt) - Date.parse(newest.modified)) / 3_600_000;
      if (age <= rpo) return ctx.pass(where, `${Math.round(age)} h old: ${newest.path}`);
      const line = b.listing.output.split('\n').find((l) => l.endsWith(newest.path)) ?? newest.path;
      ctx.fail('stale', {
        at: focus(b.listing, [line]),
        target: where,
        severity: age > 3 * rpo ? 'critical' : 'high',
        data: { host: h.name, age: Math.round(age), file: newest.path, date: newest.modified.slice(0, 16).replace('T', ' '), rpo, dir: b.dir },
      });
    });
  },
});
