import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverFiles } from '../fact-store.js';
import { RepoCollectContext } from './context.js';
import { collectCrontabs, collectShellScripts } from './scripts.js';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function repo(tree: Record<string, string>): RepoCollectContext {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-scripts-'));
  temps.push(root);
  for (const [p, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return new RepoCollectContext(root, discoverFiles(root));
}

describe('collectShellScripts', () => {
  it('parses the example scripts without problems', () => {
    const ctx = repo({});
    for (const name of ['setup-prod.sh', 'manage-secrets.sh']) copyFileSync(new URL(`../../../examples/onespirit/${name}`, import.meta.url), join(ctx.root, name));
    const scripts = collectShellScripts(new RepoCollectContext(ctx.root, discoverFiles(ctx.root)));
    assert.deepEqual(scripts.map((s) => [s.path, s.errexit?.loc.line]), [['manage-secrets.sh', 20], ['setup-prod.sh', 10]]);
    assert.ok(scripts[1].commands.some((c) => c.effectiveName === 'pg_dump' && c.loc.line === 161));
  });

  it('finds extension-less scripts by their shebang and registers literal secrets', () => {
    const ctx = repo({
      'bin/backup': '#!/bin/sh\nset -eu\nexport PGPASSWORD="Sup3rS3cretPw"\nSECRET_NAME=django_secret_key\npg_dump -h db app > /backups/app.sql\n',
    });
    const [s] = collectShellScripts(ctx);
    assert.equal(s.path, 'bin/backup');
    assert.equal(s.errexit?.loc.line, 2);
    assert.ok(ctx.secretValues.has('Sup3rS3cretPw'));
    assert.ok(!ctx.secretValues.has('django_secret_key'));
  });

  it('reports a real syntax error with its line and keeps the script', () => {
    const ctx = repo({ 'deploy.sh': '#!/bin/bash\nset -e\ngit pull\nif [ -f .env ]; then\n  docker compose up -d\n' });
    const scripts = collectShellScripts(ctx);
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].commands.some((c) => c.name === 'git'));
    assert.equal(ctx.parseProblems.length, 1);
    const p = ctx.parseProblems[0];
    assert.equal(p.path, 'deploy.sh');
    assert.equal(p.as, 'shell');
    assert.equal(p.line, 6);
    assert.equal(ctx.issues[0].kind, 'shell');
  });
});

describe('collectCrontabs', () => {
  it('reads cron.d files with a user column and user crontabs without', () => {
    const ctx = repo({
      'docker/cron.d/backup': 'MAILTO=""\n0 2 * * * postgres /usr/local/bin/backup.sh >> /var/log/backup.log 2>&1\n',
      'deploy/crontab': '# installed with: crontab deploy/crontab\n30 3 * * * cd /srv/app && docker compose exec -T db pg_dump -U app app | gzip > /backups/db.sql.gz\n',
      'cron/README.md': 'Run `0 2 * * * x` to do things\n',
    });
    const entries = collectCrontabs(ctx);
    assert.deepEqual(ctx.parseProblems, []);
    assert.deepEqual(
      entries.map((e) => [e.path, e.format, e.user, e.schedule, e.command.loc.line, e.command.loc.col]),
      [
        ['deploy/crontab', 'user', null, '30 3 * * *', 2, 12],
        ['docker/cron.d/backup', 'system', 'postgres', '0 2 * * *', 2, 20],
      ],
    );
    assert.equal(entries[1].env.MAILTO.value, '');
    assert.ok(entries[0].commands.some((c) => c.effectiveName === 'pg_dump' && c.container === 'db'));
  });

  it('reports invalid lines with their position, skips files that are not crontabs', () => {
    const ctx = repo({
      'crontab': '0 2 * * * /ok.sh\n0 25 * * * /bad.sh\n',
      'cron/Makefile': 'all:\n\tinstall -m 644 crontab /etc/cron.d/app\n',
      'cron/entrypoint': '#!/bin/sh\ncron -f\n',
    });
    const entries = collectCrontabs(ctx);
    assert.deepEqual(entries.map((e) => e.command.value), ['/ok.sh']);
    assert.deepEqual(ctx.parseProblems, [{ path: 'crontab', line: 2, col: 3, message: 'hour 25 out of range 0-23', as: 'crontab' }]);
    assert.equal(ctx.issues[0].kind, 'cron');
  });
});
