import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSystemdUnit } from './systemd.js';

const SERVICE = [
  '[Unit]',
  'Description=Nightly PostgreSQL backup',
  'After=docker.service',
  '',
  '[Service]',
  'Type=oneshot',
  'WorkingDirectory=/srv/app',
  'Environment=PGPASSWORD=from-env-file',
  '# dump through the compose service',
  'ExecStart=-/usr/bin/docker compose exec -T db pg_dump -U app app',
  'ExecStartPost=/bin/sh -c \'find /backups -mtime +14 -delete\'',
  'ExecStopPost=/usr/bin/curl -fsS \\',
  '    https://hc-ping.com/abc',
  '',
  '[Install]',
  'WantedBy=multi-user.target',
].join('\n');

describe('parseSystemdUnit', () => {
  const { unit, problems } = parseSystemdUnit('deploy/systemd/backup.service', SERVICE);
  it('reads sections and settings with value positions', () => {
    assert.deepEqual(problems, []);
    assert.equal(unit.type, 'service');
    assert.equal(unit.name, 'backup.service');
    const wd = unit.settings.find((s) => s.key === 'WorkingDirectory');
    assert.deepEqual(wd, { section: 'Service', key: 'WorkingDirectory', value: { value: '/srv/app', loc: { file: 'deploy/systemd/backup.service', line: 7, col: 18, endLine: 7, endCol: 26 } } });
    const post = unit.settings.find((s) => s.key === 'ExecStopPost');
    assert.equal(post?.value.value, '/usr/bin/curl -fsS  https://hc-ping.com/abc');
    assert.equal(post?.value.loc.endLine, 13);
    assert.equal(unit.activates, null);
  });
  it('parses Exec lines as commands, prefixes removed', () => {
    const dump = unit.commands.find((c) => c.effectiveName === 'pg_dump');
    assert.ok(dump);
    assert.equal(dump.container, 'db');
    assert.deepEqual(dump.loc, { file: 'deploy/systemd/backup.service', line: 10, col: 12, endLine: 10, endCol: 65 });
    const find = unit.commands.find((c) => c.name === 'find');
    assert.equal(find?.loc.line, 11);
    assert.deepEqual(find?.args, ['/backups', '-mtime', '+14', '-delete']);
    const curl = unit.commands.find((c) => c.name === '/usr/bin/curl');
    assert.equal(curl?.loc.line, 12);
    assert.equal(curl?.effectiveName, 'curl');
  });
  it('links a timer to its service', () => {
    const t = parseSystemdUnit('backup.timer', '[Timer]\nOnCalendar=*-*-* 02:30:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n');
    assert.equal(t.unit.activates, 'backup.service');
    assert.equal(t.unit.settings[0].value.value, '*-*-* 02:30:00');
    const u = parseSystemdUnit('nightly.timer', '[Timer]\nOnCalendar=daily\nUnit=pg-backup.service\n');
    assert.equal(u.unit.activates, 'pg-backup.service');
  });
  it('reports lines systemd would ignore', () => {
    const r = parseSystemdUnit('x.service', 'Description=no section\n[Service]\nExecStart /bin/true\n');
    assert.deepEqual(r.problems, [
      { line: 1, col: 1, message: '"Description" is outside of any [Section]' },
      { line: 3, col: 1, message: 'expected Key=Value, found "ExecStart /bin/true"' },
    ]);
  });

  it('keeps each word of a continued ExecStart on its own line', () => {
    const text = '[Service]\nExecStart=/srv/app/venv/bin/gunicorn app.wsgi:application \\\n    --workers 3 \\\n    --access-logfile /var/log/app/access.log\n';
    const { unit } = parseSystemdUnit('app.service', text);
    const words = unit.commands[0].argWords;
    const logfile = words.find((w) => w.value === '/var/log/app/access.log');
    assert.deepEqual([logfile?.loc.line, logfile?.loc.col], [4, 22]);
    assert.equal(words.find((w) => w.value === '--workers')?.loc.line, 3);
    assert.equal(unit.commands[0].loc.line, 2);
  });

  it('reports the continuation line of a forgotten backslash instead of reading it as a key', () => {
    const text = '[Service]\nExecStart=/srv/app/venv/bin/celery -A app beat --pidfile=/run/beat.pid\n    --schedule=/var/lib/beat/schedule\n';
    const r = parseSystemdUnit('beat.service', text);
    assert.deepEqual(r.problems, [{ line: 3, col: 5, message: 'expected Key=Value, found "--schedule=/var/lib/beat/schedule"' }]);
  });
});
