import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverFiles } from '../fact-store.js';
import { RepoCollectContext } from './context.js';
import { collectLogrotate } from './logrotate.js';
import { collectSystemdUnits } from './systemd.js';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function repo(tree: Record<string, string>): RepoCollectContext {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-systemd-'));
  temps.push(root);
  for (const [p, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return new RepoCollectContext(root, discoverFiles(root));
}

describe('collectSystemdUnits', () => {
  it('reads services and timers, reports invalid lines with their position', () => {
    const ctx = repo({
      'deploy/gunicorn.service': '[Unit]\nDescription=gunicorn\n\n[Service]\nUser=www-data\nExecStart=/srv/app/.venv/bin/gunicorn --workers 3 app.wsgi\n',
      'deploy/backup.timer': '[Timer]\nOnCalendar=daily\n',
      'deploy/broken.service': '[Service]\nExecStart /bin/true\n',
    });
    const units = collectSystemdUnits(ctx);
    assert.deepEqual(units.map((u) => [u.path, u.type, u.activates]), [
      ['deploy/backup.timer', 'timer', 'backup.service'],
      ['deploy/broken.service', 'service', null],
      ['deploy/gunicorn.service', 'service', null],
    ]);
    assert.equal(units[2].commands[0].effectiveName, 'gunicorn');
    assert.deepEqual(ctx.parseProblems, [
      { path: 'deploy/broken.service', line: 2, col: 1, message: 'expected Key=Value, found "ExecStart /bin/true" (systemd ignores this line)', as: 'systemd unit' },
    ]);
    // systemd loads the rest of the unit: the rules reading units are not made unknown by one bad line.
    assert.deepEqual(ctx.issues, []);
  });
});

describe('collectLogrotate', () => {
  it('reads logrotate.d files and skips documentation', () => {
    const ctx = repo({
      'deploy/logrotate.d/app': '/srv/app/logs/*.log {\n  daily\n  rotate 7\n}\n',
      'docs/logrotate.md': '# How we rotate logs\n',
    });
    const configs = collectLogrotate(ctx);
    assert.deepEqual(configs.map((c) => [c.path, c.stanzas[0].directives.map((d) => d.name)]), [['deploy/logrotate.d/app', ['daily', 'rotate']]]);
    assert.deepEqual(ctx.parseProblems, []);
  });
});
