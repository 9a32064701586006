import { BACKUP_LIST, backupListing } from '../../collectors/host/testing/healthy-host.js';
import rule from './backup-stale.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

testRule(rule, {
  good: [
    { name: 'newest dump from 02:30 today', outputs: {} },
    { name: 'a configured directory', backupDirs: ['/var/backups/erp'], outputs: { 'find /etc/cron.d -maxdepth 1 -type f': '' } },
  ],
  bad: [
    {
      name: 'newest backup five days old (seed 000)',
      outputs: { [BACKUP_LIST]: backupListing([['2026-01-27T02:30:41Z', 48_000_000, 'erp-2026-01-27.dump']]), 'pg_restore --list /var/backups/erp/erp-2026-01-27.dump': 'TOC\n' },
      expect: [{ messageId: 'stale', command: BACKUP_LIST, severity: 'critical', says: /is 129 hours old .* the RPO is 24 hours/ }],
    },
    {
      name: '30 hours old is high',
      outputs: { [BACKUP_LIST]: backupListing([['2026-01-31T06:00:00Z', 48_000_000, 'erp-2026-01-31.dump']]), 'pg_restore --list /var/backups/erp/erp-2026-01-31.dump': 'TOC\n' },
      expect: [{ messageId: 'stale', command: BACKUP_LIST, severity: 'high' }],
    },
    { name: 'the directory is empty', outputs: { [BACKUP_LIST]: '' }, expect: [{ messageId: 'empty', command: BACKUP_LIST }] },
  ],
  unknown: [
    UNREACHABLE,
    { name: 'the directory does not exist', outputs: { [BACKUP_LIST]: { exit: 1, stderr: "find: '/var/backups/erp': No such file or directory\n" } }, reason: /could not be listed/ },
    {
      name: 'a backup script whose target directory is not visible in the cron line',
      outputs: { 'find /etc/cron.d -maxdepth 1 -type f': '', 'crontab -l': '0 3 * * * /home/deploy/backup_erp.sh\n' },
      reason: /pass --backup-dir/,
    },
  ],
  notApplicable: [NO_HOST, { name: 'no backup job at all (backup-missing reports it)', outputs: { 'find /etc/cron.d -maxdepth 1 -type f': '' } }],
});
