// --min-rows table=N: a table restored with fewer rows than the operator knows it must have.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, notRestored, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/min-rows',
  title: 'Restored table has fewer rows than expected',
  category: 'backup',
  severity: 'high',
  requires: ['backups'],
  why: 'A table restored nearly empty means data was lost before or during the dump (a truncated table, a dump of the wrong database, a filter): the backup would bring back an application without its data.',
  fix: 'Compare with production (`SELECT count(*)`), find when the rows disappeared, and keep the last good backup until a new one passes.',
  references: [
    { title: 'PostgreSQL docs: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide (test backups)', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'opsaudit verify-backup {path} --min-rows {table}={min}',
  messages: {
    tooFew: 'Table {table} restored from {path} has {rows} rows, fewer than the {min} expected.',
    missing: 'Table {table} expected to hold at least {min} rows is not in {path}.',
  },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    const withLimits = backups.filter((v) => Object.keys(v.minRows).length > 0);
    if (withLimits.length === 0) return ctx.notApplicable('no --min-rows given');
    for (const v of withLimits) {
      const why = notRestored(v);
      if (why) {
        ctx.unknown(v.path, why);
        continue;
      }
      const ev = evidence(v, v.tablesProof, `restored into ${v.engine?.where ?? 'a throwaway database'}`);
      for (const [table, min] of Object.entries(v.minRows)) {
        const t = v.tables!.find((x) => x.name === table || x.name === `public.${table}`);
        const target = `${v.path}#${table}`;
        if (!t) ctx.fail('missing', { ...ev, target, data: { path: v.path, table, min } });
        else if (t.rows < min) ctx.fail('tooFew', { ...ev, target, data: { path: v.path, table: t.name, rows: t.rows, min } });
        else ctx.pass(target, `${t.rows} rows (at least ${min})`);
      }
    }
  },
});
