import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldError, parseCrontab } from './crontab.js';

const USER_CRONTAB = [
  '# m h dom mon dow command',
  'MAILTO=ops@example.com',
  'SHELL=/bin/bash',
  '',
  '30 2 * * * cd /srv/app && ./scripts/backup.sh >> /var/log/backup.log 2>&1',
  '*/15 * * * 1-5 /usr/local/bin/python /srv/app/manage.py clearsessions',
  '@daily docker compose -f /srv/app/docker-compose.prod.yml exec -T db pg_dump -U app app | gzip > /backups/app-$(date +\\%F).sql.gz',
  '0 4 * * sun  mail -s "weekly" root%Body line 1%line 2',
].join('\n');

describe('parseCrontab: user crontab', () => {
  const { entries, problems, format } = parseCrontab('deploy/crontab', USER_CRONTAB, 'auto');
  it('reads every entry without problems', () => {
    assert.deepEqual(problems, []);
    assert.equal(format, 'user');
    assert.deepEqual(
      entries.map((e) => [e.schedule, e.user, e.command.loc.line, e.command.loc.col]),
      [
        ['30 2 * * *', null, 5, 12],
        ['*/15 * * * 1-5', null, 6, 16],
        ['@daily', null, 7, 8],
        ['0 4 * * sun', null, 8, 14],
      ],
    );
  });
  it('keeps the command text, fields and environment in effect', () => {
    const [backup] = entries;
    assert.equal(backup.command.value, 'cd /srv/app && ./scripts/backup.sh >> /var/log/backup.log 2>&1');
    assert.deepEqual(backup.command.loc, { file: 'deploy/crontab', line: 5, col: 12, endLine: 5, endCol: 74 });
    assert.deepEqual(backup.fields, ['30', '2', '*', '*', '*']);
    assert.equal(backup.special, null);
    assert.equal(backup.env.MAILTO.value, 'ops@example.com');
    assert.deepEqual(backup.env.MAILTO.loc, { file: 'deploy/crontab', line: 2, col: 8, endLine: 2, endCol: 23 });
    assert.equal(backup.line.value, USER_CRONTAB.split('\n')[4]);
    assert.equal(backup.format, 'user');
    assert.equal(backup.formatGuessed, true);
  });
  it('parses the command as shell with positions in the crontab', () => {
    const [backup, , daily] = entries;
    const script = backup.commands.find((c) => c.name === './scripts/backup.sh');
    assert.ok(script);
    assert.equal(script.loc.line, 5);
    assert.equal(script.loc.col, 27);
    assert.deepEqual(script.redirects, ['>> /var/log/backup.log', '2>&1']);
    assert.equal(daily.special, '@daily');
    const dump = daily.commands.find((c) => c.effectiveName === 'pg_dump');
    assert.ok(dump);
    assert.equal(dump.container, 'db');
    assert.equal(dump.pipeline?.length, 2);
    const date = daily.commands.find((c) => c.name === 'date');
    assert.deepEqual(date?.args, ['+%F']);
  });
  it('splits the command at the first unescaped %', () => {
    const mail = entries[3];
    assert.equal(mail.command.value, 'mail -s "weekly" root');
    assert.equal(mail.stdin, 'Body line 1%line 2');
  });
});

describe('parseCrontab: system crontab', () => {
  const text = ['SHELL=/bin/sh', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '17 *\t* * *\troot    cd / && run-parts --report /etc/cron.hourly', '0 3 * * * postgres /usr/local/bin/pg_backup.sh', '@reboot root /opt/app/start.sh'].join('\n');
  it('reads the user column when told the format', () => {
    const { entries, problems } = parseCrontab('docker/cron.d/app', text, 'system');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      entries.map((e) => [e.schedule, e.user, e.command.value, e.command.loc.col]),
      [
        ['17 * * * *', 'root', 'cd / && run-parts --report /etc/cron.hourly', 20],
        ['0 3 * * *', 'postgres', '/usr/local/bin/pg_backup.sh', 20],
        ['@reboot', 'root', '/opt/app/start.sh', 14],
      ],
    );
    assert.equal(entries[0].formatGuessed, false);
  });
  it('infers the system format from well-known accounts', () => {
    const { format, entries } = parseCrontab('crontab', text, 'auto');
    assert.equal(format, 'system');
    assert.equal(entries[1].user, 'postgres');
    assert.equal(entries[1].formatGuessed, true);
  });
  it('keeps the user format when the sixth word is a command', () => {
    const { format, entries } = parseCrontab('crontab', '0 3 * * * python manage.py backup\n', 'auto');
    assert.equal(format, 'user');
    assert.equal(entries[0].command.value, 'python manage.py backup');
  });
});

describe('parseCrontab: invalid lines', () => {
  const text = ['61 * * * * /bin/true', '0 2 * * * ', '@fortnightly /x.sh', 'this is not cron', '0 0 31 2-1 * /x', '0 3 * * * echo "unterminated', '*/5 * * * * /ok.sh'].join('\n');
  const { entries, problems } = parseCrontab('crontab', text, 'user');
  it('reports each with its line and column', () => {
    assert.deepEqual(problems, [
      { line: 1, col: 1, message: 'minute 61 out of range 0-59' },
      { line: 2, col: 11, message: 'missing command' },
      { line: 3, col: 1, message: 'unknown schedule "@fortnightly"' },
      { line: 4, col: 1, message: 'not a cron entry or environment setting: "this"' },
      { line: 5, col: 8, message: 'reversed range "2-1" in month' },
      { line: 6, col: 16, message: 'command: syntax error near "\\""' },
    ]);
  });
  it('keeps the valid entries', () => {
    assert.deepEqual(entries.map((e) => e.command.loc.line), [6, 7]);
  });
  it('validates fields like cron does', () => {
    assert.equal(fieldError('*/5', 0), null);
    assert.equal(fieldError('1-5/2,30', 0), null);
    assert.equal(fieldError('mon-fri', 4), null);
    assert.equal(fieldError('JAN,dec', 3), null);
    assert.equal(fieldError('7', 4), null);
    assert.equal(fieldError('*/0', 0), 'step 0 in minute "*/0"');
    assert.equal(fieldError('L', 2), 'invalid day of month "L"');
    assert.equal(fieldError('24', 1), 'hour 24 out of range 0-23');
  });
});
