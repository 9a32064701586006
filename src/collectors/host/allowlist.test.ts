// The allowlist stays read-only and parameters cannot smuggle anything into a command.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS, ParamError, buildArgv, listCommands, templateText } from './allowlist.js';

/** Programs the allowlist may use; adding one is a reviewed change of this list. */
const READ_ONLY_PROGRAMS = [
  'apt', 'cat', 'crontab', 'df', 'docker', 'fail2ban-client', 'find', 'gzip', 'id', 'ip', 'iptables', 'journalctl', 'nft', 'nproc', 'openssl',
  'pg_restore', 'ps', 'ss', 'sshd', 'sudo', 'systemctl', 'tail', 'timedatectl', 'ufw', 'uname',
];

describe('allowlist', () => {
  it('uses only the reviewed read-only programs', () => {
    const programs = [...new Set(listCommands().map((c) => c.argv[0] as string))].sort();
    assert.deepEqual(programs, [...READ_ONLY_PROGRAMS].sort());
  });

  it('has no writing option or subcommand anywhere', () => {
    const WRITES = /^(-delete|-exec|-execdir|-ok|-fprint.*|-fls|--write.*|-w|>|>>|rm|mv|cp|tee|install|remove|purge|start|stop|restart|reload|enable|disable|kill|set.*|--vacuum.*|--rotate|prune|exec|run|-c)$/;
    for (const c of listCommands()) {
      for (const a of c.argv) if (typeof a === 'string') assert.ok(!WRITES.test(a), `${c.id}: "${a}" may write`);
    }
    assert.deepEqual(COMMANDS['apt-upgradable'].argv, ['apt', 'list', '--upgradable']);
    assert.deepEqual(COMMANDS['sudo-check'].argv, ['sudo', '-n', 'true']);
  });

  it('fills parameters as single arguments', () => {
    assert.deepEqual(buildArgv('cat-file', ['/etc/cron.d/erp backup']), ['cat', '/etc/cron.d/erp backup']);
    assert.deepEqual(buildArgv('docker-inspect', [['a'.repeat(64), 'b'.repeat(12)]]), ['docker', 'inspect', 'a'.repeat(64), 'b'.repeat(12)]);
    assert.deepEqual(buildArgv('systemctl-show', ['postgresql@15-main.service']).slice(-1), ['postgresql@15-main.service']);
  });

  it('refuses parameters that are not what their type says', () => {
    const bad: [Parameters<typeof buildArgv>[0], string | string[]][] = [
      ['cat-file', 'relative/path'],
      ['cat-file', '/etc/../etc/shadow'],
      ['cat-file', '/tmp/$(id)'],
      ['cat-file', '/tmp/a;b'],
      ['cat-file', '/tmp/a\nb'],
      ['cat-file', "/tmp/it's"],
      ['cat-file', '-/x'],
      ['systemctl-show', 'nginx; id'],
      ['systemctl-show', '--all'],
      ['docker-inspect', ['--format={{.Config.Env}}']],
      ['docker-inspect', ['ABCDEF012345']],
    ];
    for (const [id, v] of bad) assert.throws(() => buildArgv(id, [v]), ParamError, `${id} accepted ${JSON.stringify(v)}`);
    assert.throws(() => buildArgv('cat-file'), /missing/);
    assert.throws(() => buildArgv('df', ['/x']), /too many/);
    assert.throws(() => buildArgv('docker-inspect', [[]]), /empty/);
  });

  it('shows templates with their placeholders', () => {
    assert.equal(templateText(COMMANDS['cert-read']), 'openssl x509 -noout -subject -enddate -in <path>');
    assert.equal(templateText(COMMANDS['docker-inspect']), 'docker inspect <container>...');
  });
});
