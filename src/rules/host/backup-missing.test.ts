import rule from './backup-missing.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const NO_BACKUP_CRON = { 'find /etc/cron.d -maxdepth 1 -type f': '/etc/cron.d/e2scrub_all\n' };

testRule(rule, {
  good: [
    { name: 'nightly pg_dump in /etc/cron.d', outputs: {} },
    {
      name: 'a systemd timer runs the backup',
      outputs: {
        ...NO_BACKUP_CRON,
        'systemctl list-timers --all --plain --no-legend --no-pager': 'Mon 2026-02-02 02:00:00 UTC 14h left Sun 2026-02-01 02:00:00 UTC 10h ago erp-backup.timer erp-backup.service\n',
      },
    },
    { name: "in the user's crontab", outputs: { ...NO_BACKUP_CRON, 'crontab -l': '# m h dom mon dow command\n0 3 * * * /home/deploy/backup_erp.sh >> /home/deploy/backup.log 2>&1\n' } },
  ],
  bad: [
    {
      name: 'no backup anywhere',
      outputs: NO_BACKUP_CRON,
      expect: [{ messageId: 'none', command: 'crontab -l', severity: 'critical' }],
    },
  ],
  unknown: [
    UNREACHABLE,
    {
      name: 'no backup timer and /etc/cron.d unreadable',
      outputs: { 'find /etc/cron.d -maxdepth 1 -type f': { exit: 1, stderr: "find: '/etc/cron.d': Permission denied\n" }, 'crontab -l': { exit: 1, stderr: 'no crontab for deploy\n' } },
      reason: /some could not: permission denied/i,
    },
  ],
  notApplicable: [NO_HOST],
});
