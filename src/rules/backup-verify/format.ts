// The file named as a backup is no PostgreSQL dump at all (an error page saved by a failed download, a log, a zip).
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/format',
  title: 'Backup is not a PostgreSQL dump',
  category: 'backup',
  severity: 'high',
  requires: ['backups'],
  why: 'A backup that is not in a pg_dump format (plain SQL, custom, directory or tar) cannot be restored by psql or pg_restore: it only looks like a backup in a directory listing.',
  fix: 'Write dumps with pg_dump (`pg_dump -Fc -f db.dump`, or `pg_dump | gzip > db.sql.gz`) and check the copy that reaches the backup store (a failed download or upload leaves an error document under the backup\'s name).',
  references: [
    { title: 'PostgreSQL docs: pg_dump output formats', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
    { title: 'PostgreSQL docs: pg_restore', url: 'https://www.postgresql.org/docs/current/app-pgrestore.html' },
  ],
  verify: 'head -c 5 {path} | od -c   # a custom dump starts with PGDMP; a plain dump with "-- PostgreSQL database dump"',
  messages: { notADump: '{path} is not a PostgreSQL dump: it is {evidence}.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      const c = v.formatCheck;
      if (c.status === 'failed') ctx.fail('notADump', { ...evidence(v, c.proof, c.detail), target: v.path, data: { path: v.path, evidence: c.detail } });
      else if (c.status === 'ok') ctx.pass(v.path, `${v.format}: ${c.detail}`);
      else ctx.unknown(v.path, c.detail);
    }
  },
});
