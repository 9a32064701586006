// The --host options as a user meets them: `opsaudit probes`, help, and usage errors before anything connects.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { hostOptions } from '../src/cli/host-options.js';

const TSX = import.meta.resolve('tsx');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('opsaudit probes and scan --host', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-host-cli-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('probes prints the allowlist with what needs root', () => {
    const r = cli(['probes']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\[firewall\]\n {2}root {2}ufw status verbose/);
    assert.match(r.stdout, /openssl x509 -noout -subject -enddate -in <path>/);
    assert.match(r.stdout, /sshd -T/);
  });

  it('scan --help documents --host and --sudo', () => {
    const r = cli(['scan', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--host <target>/);
    assert.match(r.stdout, /--sudo/);
    assert.match(r.stdout, /Exit code 3/);
  });

  it('refuses bad --host options with exit 2 before connecting', () => {
    const cases: [string[], RegExp][] = [
      [["scan", "--host", "-oProxyCommand=id"], /cannot start with "-"/],
      [['scan', '--sudo'], /--sudo only applies with --host/],
      [['scan', '--host', 'web1', '--host', 'web1'], /given twice/],
      [['scan', '--host', 'web1', '--threshold', 'disk=5'], /expected NAME=NUMBER/],
      [['scan', '--host', 'web1', '--backup-dir', 'backups'], /absolute path/],
      [['scan', '--inventory', join(tmp, 'missing.ini')], /cannot be read \(ENOENT\)/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });

  it('reads an inventory with --limit and maps thresholds', () => {
    const inv = join(tmp, 'hosts.ini');
    writeFileSync(inv, '[web]\nweb1 ansible_host=203.0.113.10 ansible_user=deploy\n[db]\ndb1 ansible_port=2222\n');
    const { specs, host } = hostOptions({ inventory: inv, limit: 'web', threshold: ['disk-high=85', 'rpo-hours=48'], commandTimeout: '5' });
    assert.deepEqual(specs, [{ label: 'web1', local: false, user: 'deploy', host: '203.0.113.10', port: null }]);
    assert.deepEqual(host.thresholds, { diskHighPercent: 85, backupRpoHours: 48 });
    assert.equal(host.commandTimeoutMs, 5000);
  });
});
