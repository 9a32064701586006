// Host specs and their resolution through an ssh client config (Host blocks, HostName, User, Port, IdentityFile).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { HostSpecError, parseHostSpec, resolveSshTarget } from './target.js';

const home = mkdtempSync(join(tmpdir(), 'opsaudit-home-'));
after(() => rmSync(home, { recursive: true, force: true }));

describe('parseHostSpec', () => {
  it('reads user@server:port, IPv6 and local', () => {
    assert.deepEqual(parseHostSpec('deploy@web1.example.com:2222'), { label: 'deploy@web1.example.com:2222', local: false, user: 'deploy', host: 'web1.example.com', port: 2222 });
    assert.deepEqual(parseHostSpec('web1'), { label: 'web1', local: false, user: null, host: 'web1', port: null });
    assert.equal(parseHostSpec('root@[::1]:2200').host, '::1');
    assert.equal(parseHostSpec('local').local, true);
  });

  it('refuses what ssh could misread', () => {
    for (const bad of ['-oProxyCommand=id', 'a@b@c', 'host:99999', 'user@', 'a b', 'host/path']) assert.throws(() => parseHostSpec(bad), HostSpecError, bad);
  });
});

describe('resolveSshTarget', () => {
  const config = join(home, 'config');
  writeFileSync(
    config,
    [
      'Host web1',
      '  HostName 203.0.113.10',
      '  User deploy',
      '  Port 2222',
      '  IdentityFile ~/.ssh/web1_ed25519',
      '  IdentitiesOnly yes',
      '  UserKnownHostsFile ~/.ssh/known_hosts_prod',
      '',
      'Host bastion-*',
      '  ConnectTimeout 5',
      '',
      'Match exec "touch /tmp/opsaudit-must-not-run"',
      '  User evil',
      '',
      'Host *',
      '  User fallback',
      '',
    ].join('\n'),
  );

  it('applies Host blocks like ssh does', () => {
    const t = resolveSshTarget(parseHostSpec('web1'), { sshConfigPath: config, home });
    assert.equal(t.hostname, '203.0.113.10');
    assert.equal(t.user, 'deploy');
    assert.equal(t.port, 2222);
    assert.deepEqual(t.identityFiles, [join(home, '.ssh/web1_ed25519')]);
    assert.equal(t.knownHostsFiles[0], join(home, '.ssh/known_hosts_prod'));
  });

  it('lets the command line win over the config', () => {
    const t = resolveSshTarget(parseHostSpec('admin@web1:22'), { sshConfigPath: config, home, identity: ['/keys/ci'] });
    assert.equal(t.user, 'admin');
    assert.equal(t.port, 22);
    assert.equal(t.identityFiles[0], '/keys/ci');
  });

  it('falls back to the defaults and never runs Match exec', () => {
    const t = resolveSshTarget(parseHostSpec('bastion-1'), { sshConfigPath: config, home });
    assert.equal(t.user, 'fallback');
    assert.equal(t.port, 22);
    assert.equal(t.connectTimeoutMs, 5000);
    assert.ok(t.identityFiles.includes(join(home, '.ssh/id_ed25519')));
    assert.ok(t.knownHostsFiles.includes(join(home, '.ssh/known_hosts')));
    assert.ok(t.knownHostsFiles.includes('/etc/ssh/ssh_known_hosts'));
    assert.equal(existsSync('/tmp/opsaudit-must-not-run'), false, 'Match exec was run');
  });
});
