// The built `opsaudit` command: the launcher loads the bundle through V8's code cache, and what the bundle
// loads later (native tree-sitter, PGlite as an ES module) still works from there.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = 'dist/opsaudit.mjs';

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
}

describe('built CLI (dist/opsaudit.mjs)', () => {
  before(() => {
    if (!existsSync(BIN) || !existsSync('dist/opsaudit.cjs')) {
      const b = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr);
    }
  });

  it('has a code cache that V8 accepts', () => {
    assert.ok(existsSync('dist/opsaudit.cjs.cache'), 'npm run build writes dist/opsaudit.cjs.cache');
    const r = run(['--version'], { ...process.env, OPSAUDIT_CODE_CACHE_REPORT: '1' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
    assert.match(r.stderr, /^code cache: accepted$/m);
  });

  it('scans the bundled example', () => {
    const r = run(['scan', 'examples/onespirit', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: unknown[] };
    assert.ok(report.findings.length > 0);
  });

  it('loads PGlite (an ES module) from code restored from the cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsaudit-launcher-'));
    try {
      const dump = join(dir, 'tiny.sql');
      writeFileSync(dump, 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n');
      const r = run(['verify-backup', dump, '--engine', 'embedded', '--format', 'json']);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.doesNotMatch(r.stdout, /not installed/);
      assert.match(r.stdout, /"restored"|restored/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
