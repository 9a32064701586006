// .pre-commit-hooks.yaml: a valid hook definition whose entry is this package's CLI, whose file filter picks ops files
// only, and which gates a commit the way the docs say.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
  description?: string;
}

const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; files: string[]; scripts: Record<string, string> };
const TSX = import.meta.resolve('tsx');
const MAIN = join(process.cwd(), 'src/cli/main.ts');

/** pre-commit matches `files` with Python's `re.search`; `(?i)` becomes the `i` flag in JavaScript. */
function filesRegex(hook: Hook): RegExp {
  const src = hook.files ?? '';
  return src.startsWith('(?i)') ? new RegExp(src.slice(4), 'i') : new RegExp(src);
}

describe('.pre-commit-hooks.yaml', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-hook-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('defines the opsaudit hook with the keys pre-commit requires', () => {
    assert.ok(Array.isArray(hooks) && hooks.length >= 1);
    for (const h of hooks) {
      for (const key of ['id', 'name', 'entry', 'language'] as const) assert.equal(typeof h[key], 'string', `${h.id}: ${key}`);
      assert.equal(h.language, 'node');
      assert.equal(h.pass_filenames, false, 'cross-file rules need the whole repository, not the changed files');
    }
    assert.equal(hooks[0].id, 'opsaudit');
  });

  it('runs the CLI this package installs (bin, built on install)', () => {
    const [command, sub] = hooks[0].entry.split(/\s+/);
    assert.equal(command, 'opsaudit');
    assert.equal(sub, 'scan');
    assert.equal(pkg.bin[command], 'dist/opsaudit.mjs');
    assert.ok(pkg.files.includes('dist'));
    assert.match(pkg.scripts.prepare, /bundle/, 'pre-commit installs the hook with npm, which builds dist/ through prepare');
  });

  it('triggers on ops files only', () => {
    const rx = filesRegex(hooks[0]);
    const ops = [
      'Dockerfile',
      'docker/Dockerfile.prod',
      'web.dockerfile',
      '.dockerignore',
      'docker-compose.yml',
      'deploy/compose.prod.yaml',
      '.env.prod.example',
      'config/production.env',
      'deploy/nginx/site.conf',
      'nginx.conf',
      'etc/nginx/sites-available/app',
      'myproject/settings.py',
      'config/settings/production.py',
      'myproject/urls.py',
      'myproject/wsgi.py',
      'manage.py',
      'gunicorn.conf.py',
      'requirements.txt',
      'requirements/prod.txt',
      'pyproject.toml',
      'scripts/backup.sh',
      'deploy/crontab',
      'deploy/app.service',
      'deploy/backup.timer',
      'deploy/logrotate.d/app',
      '.github/workflows/deploy.yml',
      '.opsaudit.yml',
    ];
    const other = ['README.md', 'src/app.js', 'myproject/views.py', 'tests/test_models.py', 'templates/base.html', 'static/site.css', 'docs/index.rst'];
    assert.deepEqual(ops.filter((p) => !rx.test(p)), [], 'ops files the hook would miss');
    assert.deepEqual(other.filter((p) => rx.test(p)), [], 'files that should not trigger the hook');
  });

  it('gates a commit: exit 1 on a high finding, 0 on a clean repository, nothing on stdout with --quiet', () => {
    const args = hooks[0].entry.split(/\s+/).slice(1);
    const run = (cwd: string) => spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'docker-compose.yml'), 'services:\n  redis:\n    image: redis:7.2-alpine\n    ports:\n      - "6379:6379"\n');
    const failed = run(bad);
    assert.equal(failed.status, 1, failed.stderr);
    assert.match(failed.stdout, /compose\/redis-without-password/);
    assert.equal(failed.stderr, '', '--quiet keeps stderr empty');
    const clean = join(tmp, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'README.md'), '# nothing to deploy yet\n');
    const passed = run(clean);
    assert.equal(passed.status, 0, passed.stderr);
  });
});
