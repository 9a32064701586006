// Broken backups derived from real pg_dump output: each one a clear finding with its evidence, never a crash, and
// nothing left behind after the failed restores.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { verifyBackupReport } from '../../../src/cli/commands/verify-backup.js';
import { pendingTeardowns } from '../../../src/collectors/backups/cleanup.js';
import type { Finding, Report } from '../../../src/core/types/check.js';
import { labDumps, labInstall, labTemp, leftovers, type LabDumps } from './lab.js';

const install = labInstall();

const OPTS = { engine: 'postgres', rpo: '1000d', format: 'json' };

describe('verify-backup: broken backups', { skip: install ? false : 'PostgreSQL is not installed' }, () => {
  let lab: LabDumps;
  let tempRoot: string;
  let report: Report;

  const findings = (path: string): Finding[] => report.findings.filter((f) => f.target === path);
  const ruleIds = (path: string) => findings(path).map((f) => f.rule).sort();
  const check = (rule: string, path: string) => report.checks.find((c) => c.rule === rule && c.target === path);

  before(async () => {
    lab = (await labDumps())!;
    tempRoot = labTemp('opsaudit-test-broken-');
    const paths = [lab.truncatedPlain, lab.truncatedCustom, lab.corruptGzip, lab.truncatedGzip, lab.wrongFormat, lab.newerCustom, lab.newerPlain, lab.missingExtension, lab.empty];
    report = await verifyBackupReport(paths, OPTS, undefined, { tempRoot, display: (p) => p.slice(lab.dir.length + 1) });
  });
  after(() => rmSync(tempRoot, { recursive: true, force: true }));

  it('truncated plain dump: integrity fails at the COPY it ends in, and the restore fails at psql\'s line', () => {
    const path = 'broken/truncated.sql';
    assert.deepEqual(ruleIds(path), ['backup-verify/integrity', 'backup-verify/restore', 'backup-verify/roles-required']);
    const lines = readFileSync(lab.truncatedPlain, 'utf8').split('\n');
    const integrity = findings(path).find((f) => f.rule === 'backup-verify/integrity')!;
    const p = integrity.proof[0];
    assert.ok(p.kind === 'file' && p.line !== undefined);
    if (p.kind === 'file') {
      assert.match(p.text ?? '', /^COPY public\.shop_orderline /);
      assert.equal(lines[p.line! - 1], p.text);
    }
    const restore = findings(path).find((f) => f.rule === 'backup-verify/restore')!;
    const at = restore.proof[0];
    assert.ok(at.kind === 'file' && at.line !== undefined && lines[at.line - 1] === at.text, 'the restore error quotes the line psql named');
    assert.ok(restore.proof.some((x) => x.kind === 'command' && /ON_ERROR_STOP=1/.test(x.command) && /psql:<stdin>:\d+: ERROR/.test(x.output)));
    assert.equal(check('backup-verify/tables-restored', path)?.status, 'unknown');
  });

  it('truncated custom archive: the TOC still lists, the restore stops at the table whose data is cut', () => {
    const path = 'broken/truncated.dump';
    assert.equal(check('backup-verify/toc-listable', path)?.status, 'pass');
    const restore = findings(path).find((f) => f.rule === 'backup-verify/restore')!;
    assert.match(restore.description, /processing data for table "public\.shop_orderline"|TOC entry/);
    assert.ok(restore.proof.some((x) => x.kind === 'command' && x.command.includes('--exit-on-error')));
  });

  it('corrupted gzip: a checksum error, proven by the decompression, not a crash', () => {
    const path = 'broken/corrupt.sql.gz';
    assert.throws(() => gunzipSync(readFileSync(lab.corruptGzip)));
    const f = findings(path).find((x) => x.rule === 'backup-verify/integrity')!;
    assert.match(f.description, /gzip stream is corrupt/);
    assert.ok(findings(path).some((x) => x.rule === 'backup-verify/restore'), 'a restore fed a corrupt stream must fail');
  });

  it('truncated gzip: unexpected end of file', () => {
    const f = findings('broken/truncated.sql.gz').find((x) => x.rule === 'backup-verify/integrity')!;
    assert.match(f.description, /unexpected end of file/);
  });

  it('wrong format: says what the file is instead, quoting its first line', () => {
    const path = 'broken/download-error.dump';
    assert.deepEqual(ruleIds(path), ['backup-verify/format']);
    const f = findings(path)[0];
    assert.match(f.description, /not a PostgreSQL dump: it is an XML\/HTML document/);
    assert.deepEqual(f.proof[0], { kind: 'file', path, line: 1, text: '<?xml version="1.0" encoding="UTF-8"?>' });
    assert.equal(check('backup-verify/restore', path)?.status, 'unknown');
  });

  it('archive from a newer pg_restore format: version finding with pg_restore\'s own message; restore unknown', () => {
    const path = 'broken/newer.dump';
    assert.deepEqual(ruleIds(path), ['backup-verify/version-supported']);
    const f = findings(path)[0];
    assert.ok(f.proof.some((x) => x.kind === 'command' && /unsupported version \(1\.99\) in file header/.test(x.output)));
    assert.equal(check('backup-verify/restore', path)?.status, 'unknown');
    assert.equal(check('backup-verify/toc-listable', path)?.status, 'unknown');
  });

  it('plain dump claiming pg_dump 99: version finding quoting the header line', () => {
    const path = 'broken/newer.sql';
    const f = findings(path).find((x) => x.rule === 'backup-verify/version-supported')!;
    const p = f.proof[0];
    assert.ok(p.kind === 'file' && p.line !== undefined);
    if (p.kind === 'file') {
      assert.match(p.text ?? '', /^-- Dumped by pg_dump version 99\./);
      assert.equal(readFileSync(lab.newerPlain, 'utf8').split('\n')[p.line! - 1], p.text);
    }
    assert.equal(check('backup-verify/restore', path)?.status, 'unknown');
  });

  it('missing extension: reported as the restore host\'s gap (low), the backup not called broken', () => {
    const path = 'broken/missing-extension.sql';
    const f = findings(path).find((x) => x.rule === 'backup-verify/extensions-available')!;
    assert.equal(f.severity, 'low');
    assert.match(f.description, /creates extension\(s\) postgis/);
    const p = f.proof[0];
    assert.ok(p.kind === 'file' && /CREATE EXTENSION IF NOT EXISTS postgis/.test(p.text ?? ''));
    assert.ok(!ruleIds(path).includes('backup-verify/restore'));
    assert.equal(check('backup-verify/restore', path)?.status, 'unknown');
  });

  it('missing roles: a low finding naming them, quoting the first OWNER TO', () => {
    const f = findings('broken/truncated.sql').find((x) => x.rule === 'backup-verify/roles-required')!;
    assert.ok(f);
    assert.match(f.description, /role\(s\) app\b/);
    assert.match((f.proof[0] as { text?: string }).text ?? '', /OWNER TO app;$/);
  });

  it('empty file: critical, and nothing else pretends to have checked it', () => {
    const path = 'broken/empty.sql';
    assert.deepEqual(ruleIds(path), ['backup-verify/not-empty']);
    assert.equal(findings(path)[0].severity, 'critical');
    assert.equal(check('backup-verify/restore', path)?.status, 'unknown');
  });

  it('leaves no cluster, directory, process or teardown behind after failed restores', () => {
    assert.deepEqual(leftovers(tempRoot), []);
    assert.equal(pendingTeardowns(), 0);
  });
});
