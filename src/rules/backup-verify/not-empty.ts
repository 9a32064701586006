// A backup file of zero bytes: the job "succeeded" and wrote nothing (a full disk, a failed pipe, a wrong path).
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/not-empty',
  title: 'Backup file is empty',
  category: 'backup',
  severity: 'critical',
  requires: ['backups'],
  why: 'An empty dump restores nothing. It usually means the backup job failed silently: `pg_dump db | gzip > file` still creates the file when pg_dump dies, and a cron job without `set -o pipefail` reports success.',
  fix: 'Make the backup job fail loudly (`set -euo pipefail`, check pg_dump\'s exit status), alert on a failed or empty dump, and verify each new dump with `opsaudit verify-backup`.',
  references: [
    { title: 'PostgreSQL docs: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'PostgreSQL docs: pg_dump', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'test -s {path} && echo "not empty"',
  messages: { empty: '{path} is empty (0 bytes): there is nothing to restore.' },
  escalation: 'the newest backup is empty',
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      if (v.sizeBytes === 0) ctx.fail('empty', { at: { kind: 'file', path: v.path, note: '0 bytes' }, target: v.path, data: { path: v.path } });
      else ctx.pass(v.path, `${v.sizeBytes} bytes`);
    }
  },
});
