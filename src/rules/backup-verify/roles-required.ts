// The dump names roles (OWNER TO, GRANT) it does not create: pg_dump never dumps roles, a new server lacks them.
import { defineRule } from '../../core/define-rule.js';
import type { Evidence } from '../../core/types/rule.js';
import type { BackupProof } from '../../facts/backup.js';
import { NOTHING_VERIFIED, evidence, mergeProofs, verifiedBackups } from './_verified.js';

/** The first reference leads; a few more follow, command output of the same command merged into one proof. */
function withMore(e: { at: Evidence; also: Evidence[] }, more: BackupProof[]): { at: Evidence; also: Evidence[] } {
  return { at: e.at, also: mergeProofs([...(e.also as BackupProof[]), ...more]) };
}

export default defineRule({
  id: 'backup-verify/roles-required',
  title: 'Backup needs database roles it does not contain',
  category: 'dr',
  severity: 'low',
  requires: ['backups'],
  why: 'pg_dump dumps one database, never the cluster\'s roles. On a fresh server the restore stops at the first "OWNER TO" or "GRANT" naming a missing role (with ON_ERROR_STOP), or leaves objects owned by the wrong user and privileges missing.',
  fix: 'Keep the roles with the backups (`pg_dumpall --roles-only > roles.sql`, restored first), or document restoring with `pg_restore --no-owner --no-privileges` and re-granting. opsaudit created the roles in its throwaway cluster to test the rest.',
  references: [
    { title: 'PostgreSQL docs: pg_dumpall --roles-only', url: 'https://www.postgresql.org/docs/current/app-pg-dumpall.html' },
    { title: 'PostgreSQL docs: Restoring the Dump (roles must exist)', url: 'https://www.postgresql.org/docs/current/backup-dump.html#BACKUP-DUMP-RESTORE' },
  ],
  verify: 'psql -c "SELECT rolname FROM pg_roles WHERE rolname IN ({roleList})"   # on the restore target',
  messages: { roles: '{path} assigns objects or privileges to role(s) {roles}, which it does not create: a restore on a new server needs them first.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      if (v.roles.length > 0) {
        const names = v.roles.map((r) => r.name).join(', ');
        ctx.fail('roles', {
          ...withMore(evidence(v, v.roles[0].proof, `names role(s) ${names}`), v.roles.slice(1, 3).flatMap((r) => (r.proof ? [r.proof] : []))),
          target: v.path,
          data: { path: v.path, roles: names, roleList: v.roles.map((r) => `'${r.name}'`).join(', ') },
        });
      } else if (v.formatCheck.status === 'ok' && v.integrity?.status !== 'unknown' && (v.format === 'plain' || v.format === 'plain-gzip' || v.toc?.status === 'ok'))
        ctx.pass(v.path, 'the dump names no role besides postgres and PUBLIC');
      else ctx.unknown(v.path, `not checked: the SQL of ${v.path} could not be read`);
    }
  },
});
