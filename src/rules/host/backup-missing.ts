// Rule: nothing on the server makes backups — no backup cron line, no backup timer, no backup directory.
import { defineRule } from '../../core/define-rule.js';
import { backupJobs } from './_backup.js';
import { eachHost, target } from './_shared.js';

export default defineRule({
  id: 'host/backup-missing',
  title: 'No backup job runs on the server',
  category: 'backup',
  severity: 'critical',
  requires: ['host'],
  why: 'Without a scheduled backup, a dropped table, a bad migration, ransomware or a lost disk means all data is gone — there is nothing to restore from.',
  fix: 'Schedule a nightly `pg_dump -Fc` (cron or a systemd timer) to a directory that is copied off the server, keep several generations, and test a restore regularly.',
  references: [
    { title: 'PostgreSQL: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'PostgreSQL: pg_dump', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'crontab -l; ls /etc/cron.d; systemctl list-timers   # a job running pg_dump or the backup script',
  messages: { none: 'No backup job was found on {host}: no crontab line or systemd timer runs a backup, and no --backup-dir was given.' },
  escalation: 'The backup system is completely missing.',
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const where = target(h, 'backup job');
      if (h.backups.ok && h.backups.value) return ctx.pass(where, `backups in ${h.backups.value.dir} (${h.backups.value.origin})`);
      const jobs = backupJobs(h);
      if (!jobs) return ctx.unknown(where, `crontabs and timers could not be read: ${h.cron.ok ? '' : h.cron.reason}`);
      if (jobs.cron.length > 0) return ctx.pass(where, `cron: ${jobs.cron[0].line}`);
      if (jobs.timers.length > 0) return ctx.pass(where, `systemd timer ${jobs.timers[0].unit}`);
      if (!h.cron.ok) return ctx.unknown(where, `no backup timer, and the crontabs could not be read: ${h.cron.reason}`);
      if (h.cron.value.unreadable.length > 0) return ctx.unknown(where, `no backup job in the crontabs that could be read, but some could not: ${h.cron.value.unreadable.join('; ')}`);
      if (!h.timers.ok) return ctx.unknown(where, `no backup cron line, and the timers could not be read: ${h.timers.reason}`);
      const [first, ...rest] = [...h.cron.proof, ...h.timers.proof];
      if (!first) return ctx.unknown(where, 'no command evidence of the crontabs was kept');
      ctx.fail('none', { at: first, also: rest, target: where, data: { host: h.name } });
    });
  },
});
