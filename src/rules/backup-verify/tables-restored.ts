// After the restore: the tables are there (the expected ones, with data), not an empty shell or a schema-only dump.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, notRestored, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/tables-restored',
  title: 'Restored backup lacks tables or data',
  category: 'backup',
  severity: 'high',
  requires: ['backups'],
  why: 'A dump can restore cleanly and still be useless: taken from the wrong database, with --schema-only, or with a table filter that left the application\'s tables out.',
  fix: 'Check the dump command (database name, -s/--schema-only, -t/-T/-n filters) and pass --expect-tables with the tables the application cannot live without.',
  references: [
    { title: 'PostgreSQL docs: pg_dump options (-n, -t, -s)', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide (test backups)', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'opsaudit verify-backup {path} --expect-tables {tables}',
  messages: {
    noTables: '{path} restores, but holds no table at all.',
    missingTables: '{path} restores without the expected table(s) {tables}.',
    allEmpty: '{path} restores {count} table(s), all empty: a schema-only dump?',
  },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      const why = notRestored(v);
      if (why) {
        ctx.unknown(v.path, why);
        continue;
      }
      const tables = v.tables!;
      const ev = evidence(v, v.tablesProof, `restored into ${v.engine?.where ?? 'a throwaway database'}`);
      const names = new Set(tables.map((t) => t.name));
      const has = (want: string) => names.has(want) || names.has(`public.${want}`);
      const missing = v.expectTables.filter((t) => !has(t));
      if (tables.length === 0) ctx.fail('noTables', { ...ev, target: v.path, data: { path: v.path, tables: '' } });
      else if (missing.length > 0) ctx.fail('missingTables', { ...ev, target: v.path, data: { path: v.path, tables: missing.join(', ') } });
      else if (tables.every((t) => t.rows === 0)) ctx.fail('allEmpty', { ...ev, target: v.path, data: { path: v.path, count: tables.length, tables: tables.map((t) => t.name).join(',') } });
      else ctx.pass(v.path, `${tables.length} table(s), ${tables.reduce((n, t) => n + t.rows, 0)} rows${v.expectTables.length ? `; expected tables present: ${v.expectTables.join(', ')}` : ''}`);
    }
  },
});
