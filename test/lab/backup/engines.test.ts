// The other two engines: a scratch database on a server the user names (--scratch-dsn), and the embedded PGlite
// engine with no PostgreSQL programs reachable (the search path restricted the way the product honours it).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { verifyBackupReport } from '../../../src/cli/commands/verify-backup.js';
import { findPostgres } from '../../../src/collectors/backups/binaries.js';
import { pendingTeardowns } from '../../../src/collectors/backups/cleanup.js';
import { startCluster, type Cluster } from '../../../src/collectors/backups/cluster.js';
import type { Report } from '../../../src/core/types/check.js';
import { labDumps, labInstall, labTemp, leftovers, serverState, type LabDumps } from './lab.js';

const install = labInstall();

describe('verify-backup --engine dsn: a scratch database on the user\'s server', { skip: install ? false : 'PostgreSQL is not installed' }, () => {
  let lab: LabDumps;
  let tempRoot: string;
  let server: Cluster;
  let before_: ReturnType<typeof serverState>;
  let report: Report;
  let password: string;
  let teardownsBefore: number;

  before(async () => {
    lab = (await labDumps())!;
    tempRoot = labTemp('opsaudit-test-dsn-');
    // A fresh server: the dump's roles app and readonly do not exist there (and must not be created).
    server = await startCluster(install!, { tempRoot });
    teardownsBefore = pendingTeardowns();
    before_ = serverState(server);
    password = server.conn.env.PGPASSWORD;
    const dsn = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.port}/postgres?sslmode=disable`;
    report = await verifyBackupReport([lab.plainCreate, lab.custom, lab.truncatedPlain], { engine: 'dsn', scratchDsn: dsn, rpo: '1000d', format: 'json' }, undefined, {
      display: (p) => p.slice(lab.dir.length + 1),
    });
  });
  after(() => {
    server?.stop();
    rmSync(tempRoot, { recursive: true, force: true });
  });

  it('restores plain (with -C statements) and custom dumps without creating roles on the server', () => {
    const rows = report.backups!;
    assert.deepEqual(
      rows.map((b) => [b.path, b.result, b.engine?.split(' ')[0], b.tables, b.rows]),
      [
        ['shop-create.sql', 'restored', 'dsn', 5, 8705],
        ['shop.dump', 'restored', 'dsn', 5, 8705],
        ['broken/truncated.sql', 'failed', 'dsn', null, null],
      ],
    );
    assert.ok(report.notes.some((n) => /shop-create\.sql: skipped the OWNER TO \/ GRANT statements naming role\(s\) app, readonly/.test(n)), report.notes.join('\n'));
    assert.ok(report.notes.some((n) => /shop\.dump: restored with --no-owner --no-privileges/.test(n)), report.notes.join('\n'));
    assert.ok(report.findings.some((f) => f.rule === 'backup-verify/restore' && f.target === 'broken/truncated.sql'));
  });

  it('drops every scratch database, also after the failed restore, and leaves roles alone', () => {
    assert.deepEqual(serverState(server), before_);
    assert.equal(pendingTeardowns(), teardownsBefore);
  });

  it('never shows the scratch server\'s password', () => {
    assert.ok(!JSON.stringify(report).includes(password));
  });
});

describe('verify-backup embedded engine (PGlite) with no PostgreSQL reachable', { skip: install ? false : 'PostgreSQL is not installed (needed to make the dumps)' }, () => {
  let lab: LabDumps;
  let tempRoot: string;
  let report: Report;
  const check = (rule: string, path: string) => report.checks.find((c) => c.rule === rule && c.target === path);

  before(async () => {
    lab = (await labDumps())!;
    tempRoot = labTemp('opsaudit-test-embedded-');
    const paths = [lab.plainGz, lab.truncatedPlain, lab.missingExtension, lab.custom];
    report = await verifyBackupReport(paths, { engine: 'auto', pgBin: '/nonexistent/opsaudit-no-postgres', rpo: '1000d', format: 'json' }, undefined, {
      tempRoot,
      display: (p) => p.slice(lab.dir.length + 1),
    });
  });
  after(() => rmSync(tempRoot, { recursive: true, force: true }));

  it('the restricted search path really hides PostgreSQL (also through OPSAUDIT_PG_PATH)', () => {
    assert.deepEqual(findPostgres({ pgPath: ['/nonexistent/opsaudit-no-postgres'] }), []);
    const saved = process.env.OPSAUDIT_PG_PATH;
    process.env.OPSAUDIT_PG_PATH = '/nonexistent/opsaudit-no-postgres';
    try {
      assert.deepEqual(findPostgres(), []);
    } finally {
      if (saved === undefined) delete process.env.OPSAUDIT_PG_PATH;
      else process.env.OPSAUDIT_PG_PATH = saved;
    }
  });

  it('restores gzip-compressed SQL in process, with every table and row', () => {
    const rows = report.backups!;
    for (const path of ['shop.sql.gz']) {
      const b = rows.find((x) => x.path === path)!;
      assert.equal(b.result, 'restored', b.detail);
      assert.match(b.engine ?? '', /^embedded 1\d/);
      assert.equal(b.tables, 5);
      assert.equal(b.rows, Object.values(lab.rows).reduce((a, n) => a + n, 0));
    }
    assert.equal(check('backup-verify/schema-objects', 'shop.sql.gz')?.status, 'pass');
  });

  it('stops at the first error of a truncated dump, at the COPY whose data is cut', () => {
    const f = report.findings.find((x) => x.rule === 'backup-verify/restore' && x.target === 'broken/truncated.sql')!;
    assert.ok(f, 'restore finding');
    const p = f.proof[0];
    assert.ok(p.kind === 'file' && /^COPY public\.shop_orderline /.test(p.text ?? ''), JSON.stringify(p));
  });

  it('an extension PGlite lacks is unknown with the reason, not a broken backup', () => {
    const path = 'broken/missing-extension.sql';
    assert.ok(!report.findings.some((x) => x.target === path && (x.rule === 'backup-verify/restore' || x.rule === 'backup-verify/extensions-available')));
    assert.match(check('backup-verify/extensions-available', path)?.reason ?? '', /embedded engine does not bundle extension\(s\) postgis/);
    assert.equal(check('backup-verify/restore', path)?.status, 'unknown');
  });

  it('an archive needs pg_restore: unknown with what to install, not a failure', () => {
    const c = check('backup-verify/restore', 'shop.dump');
    assert.equal(c?.status, 'unknown');
    assert.match(c?.reason ?? '', /no PostgreSQL .* found .*embedded engine restores plain SQL dumps only/);
    assert.ok(!report.findings.some((x) => x.target === 'shop.dump' && x.severity !== 'low'));
  });

  it('leaves nothing behind', () => {
    assert.deepEqual(leftovers(tempRoot), []);
    assert.equal(pendingTeardowns(), 0);
  });
});
