// Every pg_dump format, made by a real pg_dump from a seeded PostgreSQL, restored into a throwaway cluster.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BackupVerification } from '../../../src/facts/backup.js';
import { verifyBackups } from '../../../src/collectors/backups/index.js';
import { pendingTeardowns } from '../../../src/collectors/backups/cleanup.js';
import { labDumps, labInstall, labTemp, leftovers, type LabDumps } from './lab.js';

const install = labInstall();

describe('verify-backup: every format restores into a throwaway cluster', { skip: install ? false : 'PostgreSQL is not installed' }, () => {
  let lab: LabDumps;
  let tempRoot: string;
  const byPath = new Map<string, BackupVerification>();

  before(async () => {
    lab = (await labDumps())!;
    tempRoot = labTemp('opsaudit-test-formats-');
    const paths = [lab.plain, lab.plainGz, lab.custom, lab.directory, lab.tar, lab.plainCreate, lab.customNamedSql];
    const r = await verifyBackups(paths, { tempRoot, engine: 'postgres', display: (p) => p, expectTables: ['auth_user', 'public.shop_order'], minRows: { shop_orderline: 6000 } });
    for (const v of r.verifications) byPath.set(v.path, v);
  });
  after(() => rmSync(tempRoot, { recursive: true, force: true }));

  const cases: [string, keyof LabDumps, BackupVerification['format']][] = [
    ['plain SQL', 'plain', 'plain'],
    ['gzip-compressed SQL (pg_dump -Z)', 'plainGz', 'plain-gzip'],
    ['custom (-Fc)', 'custom', 'custom'],
    ['directory (-Fd)', 'directory', 'directory'],
    ['tar (-Ft)', 'tar', 'tar'],
    ['plain with CREATE DATABASE and \\connect (-C)', 'plainCreate', 'plain'],
    ['custom archive named .sql (format from content)', 'customNamedSql', 'custom'],
  ];
  for (const [name, key, format] of cases) {
    it(`${name}: detected, restored, every table and row back`, () => {
      const v = byPath.get(lab[key] as string)!;
      assert.ok(v, `no verification for ${String(key)}`);
      assert.equal(v.format, format);
      assert.equal(v.restore.status, 'ok', v.restore.detail);
      assert.equal(v.engine?.name, 'postgres');
      assert.equal(v.compatibility.status, 'ok');
      const rows = Object.fromEntries(v.tables!.map((t) => [t.name, t.rows]));
      assert.deepEqual(rows, lab.rows);
      // Everything the dump defines came back (inline CHECK constraints make the restored count larger).
      for (const k of ['tables', 'indexes', 'constraints', 'sequences'] as const) assert.ok(v.restored![k] >= v.expected![k], `${k}: ${v.restored![k]} < ${v.expected![k]}`);
      assert.deepEqual(v.expected, { tables: 5, indexes: 3, constraints: 10, sequences: 5 });
      assert.deepEqual(v.extensions.map((e) => e.name), ['pg_trgm']);
      assert.deepEqual(v.roles.map((r) => r.name), ['app', 'readonly']);
      assert.match(v.sha256 ?? '', /^[0-9a-f]{64}$/);
      assert.ok(v.restore.durationMs !== null && v.restore.durationMs >= 0);
      if (format === 'plain' || format === 'plain-gzip') assert.equal(v.integrity?.status, 'ok', v.integrity?.detail);
      else assert.equal(v.toc?.status, 'ok', v.toc?.detail);
    });
  }

  it('records the sha256 of the file as stored', () => {
    for (const key of ['plain', 'plainGz', 'custom', 'tar'] as const) {
      const expected = createHash('sha256').update(readFileSync(lab[key])).digest('hex');
      assert.equal(byPath.get(lab[key])!.sha256, expected, key);
    }
  });

  it('quotes where the dump names its roles and extensions (file:line in the SQL)', () => {
    const v = byPath.get(lab.plain)!;
    const text = readFileSync(lab.plain, 'utf8').split('\n');
    for (const dep of [...v.roles, ...v.extensions]) {
      const p = dep.proof!;
      assert.equal(p.kind, 'file');
      if (p.kind === 'file') assert.equal(text[p.line! - 1], p.text, `${dep.name} proof is not the file's line`);
    }
  });

  it('skips the database-level statements of pg_dump -C and says so', () => {
    const v = byPath.get(lab.plainCreate)!;
    assert.ok(v.notes.some((n) => /skipped 3 database-level statement/.test(n)), v.notes.join('; '));
  });

  it('leaves no cluster, directory, process or teardown behind', () => {
    assert.deepEqual(leftovers(tempRoot), []);
    assert.equal(pendingTeardowns(), 0);
  });
});
