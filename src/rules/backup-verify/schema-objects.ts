// Indexes, constraints and sequences in the dump all came back: a restore that lost them is slow and unsafe.
import { defineRule } from '../../core/define-rule.js';
import type { ObjectCounts } from '../../facts/backup.js';
import { NOTHING_VERIFIED, evidence, notRestored, verifiedBackups } from './_verified.js';

const KINDS: (keyof ObjectCounts)[] = ['tables', 'indexes', 'constraints', 'sequences'];

export default defineRule({
  id: 'backup-verify/schema-objects',
  title: 'Restore lost indexes, constraints or sequences',
  category: 'backup',
  severity: 'high',
  requires: ['backups'],
  why: 'Without its indexes a restored database is too slow to serve; without constraints it accepts duplicates and orphans; without sequences inserts fail. They are created after the data, so a restore stopped or filtered late loses exactly these.',
  fix: 'Restore with stop-on-error and without section filters (`--section`, `-L` lists), and re-take the dump if its table of contents lacks post-data entries.',
  references: [
    { title: 'PostgreSQL docs: pg_restore --section (pre-data, data, post-data)', url: 'https://www.postgresql.org/docs/current/app-pgrestore.html' },
    { title: 'PostgreSQL docs: pg_dump', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'pg_restore --list {path} | grep -cE " (INDEX|CONSTRAINT|FK CONSTRAINT|SEQUENCE) "',
  messages: { lost: 'Restoring {path} brought back {restored} {kind}, but the dump defines {expected}.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      const why = notRestored(v);
      if (why || !v.restored) {
        ctx.unknown(v.path, why ?? 'not checked: no inventory of the restored database');
        continue;
      }
      if (!v.expected) {
        ctx.unknown(v.path, `not checked: what ${v.path} defines could not be read`);
        continue;
      }
      const lost = KINDS.filter((k) => v.restored![k] < v.expected![k]);
      if (lost.length === 0) {
        ctx.pass(v.path, KINDS.map((k) => `${v.restored![k]} ${k}`).join(', '));
        continue;
      }
      for (const k of lost)
        ctx.fail('lost', {
          ...evidence(v, v.tablesProof, `${v.restored[k]} of ${v.expected[k]} ${k} restored`),
          target: `${v.path}#${k}`,
          data: { path: v.path, kind: k, restored: v.restored[k], expected: v.expected[k] },
        });
    }
  },
});
