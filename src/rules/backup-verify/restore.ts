// The decisive check: restoring the dump into a throwaway PostgreSQL with stop-on-error failed, at a known line or TOC entry.
import { dumpLineProof } from '../../core/proof.js';
import { defineRule } from '../../core/define-rule.js';
import type { Evidence } from '../../core/types/rule.js';
import { NOTHING_VERIFIED, evidence, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/restore',
  title: 'Backup does not restore',
  category: 'backup',
  severity: 'critical',
  requires: ['backups'],
  why: 'A backup is only as good as its last successful restore. This one stops with an error when restored into an empty PostgreSQL: in an incident the database could not be brought back from it.',
  fix: 'Fix the cause shown at the failing line or table-of-contents entry (a damaged file, a dump taken with the wrong options, a missing dependency), re-take the backup, and verify every new backup automatically.',
  references: [
    { title: 'PostgreSQL docs: Restoring the Dump (ON_ERROR_STOP)', url: 'https://www.postgresql.org/docs/current/backup-dump.html#BACKUP-DUMP-RESTORE' },
    { title: 'PostgreSQL docs: pg_restore --exit-on-error', url: 'https://www.postgresql.org/docs/current/app-pgrestore.html' },
  ],
  verify: 'opsaudit verify-backup {path}',
  messages: { failed: 'Restoring {path} failed: {detail}.' },
  escalation: 'the backup does not restore',
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      const r = v.restore;
      if (r.status === 'ok') ctx.pass(v.path, r.detail);
      else if (r.status === 'unknown') ctx.unknown(v.path, r.detail);
      else {
        const e = r.firstError;
        // The failing line of a plain dump first (quoted), then the restore command and its output.
        const line: Evidence | null = e && e.line !== null && e.text !== null ? dumpLineProof(v.path, e.line, e.text, v.linesQuotable) : null;
        const where = e?.tocEntry ? `failed at TOC entry ${e.tocEntry}` : 'restore failed';
        const ev = line ? { at: line, also: r.proof ? [r.proof] : [] } : evidence(v, r.proof, where);
        ctx.fail('failed', { ...ev, target: v.path, data: { path: v.path, detail: r.detail } });
      }
    }
  },
});
