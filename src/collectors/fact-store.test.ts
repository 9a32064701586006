import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectRepository } from './fact-store.js';

describe('repository discovery', () => {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-tracked-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('includes files git tracks although .gitignore matches them (a committed .env)', () => {
    writeFileSync(join(root, '.gitignore'), '.env\n*.log\n');
    writeFileSync(join(root, '.env'), 'SECRET_KEY=committed-by-mistake-123\n');
    writeFileSync(join(root, 'debug.log'), 'not tracked\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.gitignore');
    git('add', '-f', '.env');
    const store = collectRepository(root);
    const paths = store.facts.repo.files.map((f) => f.path);
    assert.ok(paths.includes('.env'), paths.join(', '));
    assert.ok(!paths.includes('debug.log'), 'an ignored, untracked file stays out');
    assert.ok(store.facts.repo.files.find((f) => f.path === '.env')?.kinds.includes('env'));
  });
});
