// `opsaudit verify-backup` as a user runs it: exit codes, JSON with the restore summary, and cleanup when the run is
// interrupted in the middle of a restore (Ctrl-C on a throwaway cluster, SIGTERM on a scratch database).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCluster, type Cluster } from '../../../src/collectors/backups/cluster.js';
import { labDumps, labInstall, labTemp, leftovers, serverState, type LabDumps } from './lab.js';

const MAIN = join(process.cwd(), 'src/cli/main.ts');
const TSX = import.meta.resolve('tsx');
const install = labInstall();

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, 'verify-backup', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

/** A real dump made slow: pg_sleep right after the header, so a signal lands while psql is restoring. */
function slowDump(lab: LabDumps, dir: string): string {
  const text = readFileSync(lab.plain, 'utf8').replace('SET statement_timeout = 0;\n', 'SET statement_timeout = 0;\nSELECT pg_sleep(120);\n');
  const path = join(dir, 'slow.sql');
  writeFileSync(path, text);
  return path;
}

/** Runs the CLI, waits until `ready()` holds, sends `signal`, and returns how it ended. */
async function interrupt(args: string[], env: NodeJS.ProcessEnv, ready: () => boolean, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, 'verify-backup', ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, sig) => res({ code, signal: sig })));
  for (let i = 0; i < 600 && !ready(); i++) await sleep(100);
  assert.ok(ready(), 'the restore never started');
  await sleep(500);
  child.kill(signal);
  return ended;
}

describe('opsaudit verify-backup (CLI)', { skip: install ? false : 'PostgreSQL is not installed' }, () => {
  let lab: LabDumps;
  let tmp: string;
  before(async () => {
    lab = (await labDumps())!;
    tmp = labTemp('opsaudit-test-cli-');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('--help shows the options and examples', () => {
    const r = cli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--scratch-dsn/);
    assert.match(r.stdout, /Examples:/);
  });

  it('bad input is a usage error (exit 2)', () => {
    const missing = cli([join(tmp, 'missing.dump')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or directory/);
    const rpo = cli([lab.plain, '--rpo', 'soon']);
    assert.equal(rpo.code, 2);
    assert.match(rpo.stderr, /--rpo soon: not a duration/);
  });

  it('a folder: verifies the newest, compares with the previous, JSON with the restore summary; exit 1 on a high finding', () => {
    const out = join(tmp, 'series.json');
    const r = cli([lab.shrunkDir, '--format', 'json', '--output', out, '--quiet', '--expect-tables', 'auth_user', '--min-rows', 'shop_product=200'], { TMPDIR: tmp });
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(report.backups.length, 1);
    const [row] = report.backups;
    assert.match(row.path, /shop-2024-03-02\.sql$/);
    assert.equal(row.result, 'restored');
    assert.equal(row.tables, 5);
    assert.match(row.sha256, /^[0-9a-f]{64}$/);
    assert.ok(typeof row.restore_seconds === 'number');
    assert.deepEqual(report.findings.map((f: { rule: string }) => f.rule).sort(), ['backup-verify/roles-required', 'backup-verify/size-drop']);
    assert.ok(report.checks.some((c: { rule: string; status: string }) => c.rule === 'backup-verify/min-rows' && c.status === 'pass'));
    assert.deepEqual(leftovers(tmp), []);
  });

  it('the terminal report shows the restore summary table', () => {
    const r = cli([lab.custom, '--fail-on', 'critical'], { TMPDIR: tmp });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Restore summary\n\s+Backup\s+Format\s+Engine\s+Result/);
    assert.match(r.stdout, /shop\.dump\s+custom\s+postgres 15[.\d]*\s+restored\s+5\s+8705/);
  });

  it('Ctrl-C during a restore stops the throwaway cluster and removes its directory', async () => {
    const root = labTemp('opsaudit-test-sigint-');
    try {
      const dump = slowDump(lab, root);
      const started = () => readdirSync(root).some((n) => n.startsWith('opsaudit-pg-') && existsSync(join(root, n, 'data', 'postmaster.pid')));
      const end = await interrupt([dump, '--quiet'], { TMPDIR: root }, started, 'SIGINT');
      assert.ok(end.signal === 'SIGINT' || end.code !== 0, JSON.stringify(end));
      assert.deepEqual(leftovers(root), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('SIGTERM during a scratch-database restore drops the scratch database', async () => {
    const root = labTemp('opsaudit-test-sigterm-');
    let server: Cluster | undefined;
    try {
      server = await startCluster(install!, { tempRoot: root });
      const clean = serverState(server);
      const dump = slowDump(lab, root);
      const dsn = `postgres://postgres:${encodeURIComponent(server.conn.env.PGPASSWORD)}@127.0.0.1:${server.port}/postgres`;
      const scratchExists = () => serverState(server!).databases.some((d) => d.startsWith('opsaudit_verify_'));
      const end = await interrupt([dump, '--engine', 'dsn', '--quiet'], { OPSAUDIT_SCRATCH_DSN: dsn }, scratchExists, 'SIGTERM');
      assert.ok(end.signal === 'SIGTERM' || end.code !== 0, JSON.stringify(end));
      assert.deepEqual(serverState(server), clean);
    } finally {
      server?.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
