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
});
