// A dump made by a newer pg_dump than any PostgreSQL available to restore it: the restore host must be upgraded first.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/version-supported',
  title: 'No PostgreSQL here can read the backup',
  category: 'dr',
  severity: 'medium',
  requires: ['backups'],
  why: 'pg_restore refuses archives written by a newer pg_dump, and a newer pg_dump\'s SQL may use settings an older server rejects. A restore host with an older PostgreSQL than the backups cannot restore them when it matters.',
  fix: 'Install PostgreSQL client and server programs of the dump\'s major version (or newer) where backups are verified and restored, or verify against a matching server with --scratch-dsn.',
  references: [
    { title: 'PostgreSQL docs: pg_dump (dumps load into newer servers, not older ones)', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
    { title: 'PostgreSQL docs: Upgrading a PostgreSQL Cluster', url: 'https://www.postgresql.org/docs/current/upgrading.html' },
  ],
  verify: 'pg_restore --version; head -n 8 {path} | grep "Dumped by"   # pg_restore must be at least that version',
  messages: { tooNew: '{path} cannot be restored with the PostgreSQL available here: {detail}.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      const c = v.compatibility;
      if (c.status === 'failed') ctx.fail('tooNew', { ...evidence(v, c.proof, `made by pg_dump ${v.dumpedBy ?? '(version unknown)'}`), target: v.path, data: { path: v.path, detail: c.detail } });
      else if (c.status === 'ok') ctx.pass(v.path, c.detail);
      else ctx.unknown(v.path, c.detail);
    }
  },
});
