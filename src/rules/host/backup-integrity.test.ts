import { BACKUP_LIST, backupListing } from '../../collectors/host/testing/healthy-host.js';
import rule from './backup-integrity.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const gz = (newest: number, previous: number) =>
  backupListing([
    ['2026-02-01T02:30:41Z', newest, 'erp-2026-02-01.sql.gz'],
    ['2026-01-31T02:30:39Z', previous, 'erp-2026-01-31.sql.gz'],
  ]);
const GZIP = 'gzip -t /var/backups/erp/erp-2026-02-01.sql.gz';

testRule(rule, {
  good: [
    { name: 'custom-format dump passes pg_restore --list', outputs: {} },
    { name: 'gzip dump passes gzip -t', outputs: { [BACKUP_LIST]: gz(9_100_000, 9_050_000), [GZIP]: '' } },
  ],
  bad: [
    { name: 'zero-byte dump (pg_dump failed inside the pipe)', outputs: { [BACKUP_LIST]: gz(0, 9_050_000), [GZIP]: '' }, expect: [{ messageId: 'empty', command: BACKUP_LIST }] },
    { name: 'shrank to 3 % of the previous dump', outputs: { [BACKUP_LIST]: gz(273_000, 9_050_000), [GZIP]: '' }, expect: [{ messageId: 'shrunk', command: BACKUP_LIST, says: /3% of the previous one/ }] },
    {
      name: 'truncated gzip',
      outputs: { [BACKUP_LIST]: gz(9_100_000, 9_050_000), [GZIP]: { exit: 1, stderr: 'gzip: /var/backups/erp/erp-2026-02-01.sql.gz: unexpected end of file\n' } },
      expect: [{ messageId: 'corrupt', command: GZIP, says: /fails `gzip -t`/ }],
    },
    {
      name: 'pg_restore cannot read the dump',
      outputs: { 'pg_restore --list /var/backups/erp/erp-2026-02-01.dump': { exit: 1, stderr: 'pg_restore: error: could not read input file: end of file\n' } },
      expect: [{ messageId: 'corrupt', command: 'pg_restore --list /var/backups/erp/erp-2026-02-01.dump' }],
    },
  ],
  unknown: [UNREACHABLE, { name: 'pg_restore is not installed', outputs: { 'pg_restore --list /var/backups/erp/erp-2026-02-01.dump': null }, reason: /could not be tested: pg_restore is not installed/ }],
  notApplicable: [NO_HOST, { name: 'the backup directory is empty', outputs: { [BACKUP_LIST]: '' } }],
});
