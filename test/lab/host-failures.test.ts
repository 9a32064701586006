// Connection failures against a real sshd: wrong key, changed or unknown host key, closed port, a server that never
// answers, a command that hangs — each a clear message and never a pass; the CLI exits 3 when a host is not audited.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConnectError, connectSsh } from '../../src/collectors/host/transport.js';
import { parseHostSpec, resolveSshTarget } from '../../src/collectors/host/target.js';
import { collectHost } from '../../src/collectors/host/collect.js';
import { freePort, keygen, labDir, missingParts, startSshd, stopAll, type SshdLab } from './lab.js';

const missing = missingParts();
const skip = missing.length > 0 ? `lab parts not installed: ${missing.join(', ')} (see .ci/run)` : false;
const TSX = import.meta.resolve('tsx');

describe('host audit failures', { skip, timeout: 120_000 }, () => {
  let root = '';
  let sshd: SshdLab;
  let silent: Server;
  let silentPort = 0;

  const target = (port: number, over: { identity?: string[]; knownHosts?: string[] } = {}) =>
    resolveSshTarget(parseHostSpec(`root@127.0.0.1:${port}`), {
      identity: over.identity ?? [sshd.userKey],
      knownHosts: over.knownHosts ?? [sshd.knownHosts],
      sshConfigPath: '/nonexistent',
      home: root,
    });
  const connect = (port: number, over: Parameters<typeof target>[1] = {}, connectTimeoutMs = 10_000) => connectSsh(target(port, over), { connectTimeoutMs, agent: null });

  async function refusal(p: Promise<unknown>): Promise<ConnectError> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof ConnectError, `not a ConnectError: ${String(e)}`);
      return e;
    }
    assert.fail('the connection was accepted');
  }

  before(async () => {
    root = labDir();
    sshd = await startSshd(root);
    // Accepts TCP and never says a word: an SSH handshake against it can only time out.
    silentPort = await freePort();
    silent = createServer(() => {});
    await new Promise<void>((res) => silent.listen(silentPort, '127.0.0.1', res));
  });

  after(async () => {
    silent?.close();
    await stopAll(sshd ? [sshd.process] : [], [root]);
  });

  it('connects with the right key and known host', async () => {
    const t = await connect(sshd.port);
    const r = await t.exec(['id', '-u'], 10_000);
    t.close();
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /^\d+\n$/);
  });

  it('refuses authentication with a key the server does not know', async () => {
    keygen(join(root, 'stranger'));
    const e = await refusal(connect(sshd.port, { identity: [join(root, 'stranger')] }));
    assert.equal(e.kind, 'auth');
    assert.match(e.message, /authentication refused for root@127\.0\.0\.1:\d+ \(tried publickey\)/);
  });

  it('refuses a changed host key', async () => {
    const other = keygen(join(root, 'impostor')).split(' ');
    const kh = join(root, 'known_hosts_changed');
    writeFileSync(kh, `[127.0.0.1]:${sshd.port} ${other[0]} ${other[1]}\n`);
    const e = await refusal(connect(sshd.port, { knownHosts: [kh] }));
    assert.equal(e.kind, 'host-key');
    assert.match(e.message, /HOST KEY MISMATCH for \[127\.0\.0\.1\]:\d+/);
  });

  it('refuses an unknown host instead of trusting it', async () => {
    const kh = join(root, 'known_hosts_empty');
    writeFileSync(kh, '');
    const e = await refusal(connect(sshd.port, { knownHosts: [kh] }));
    assert.equal(e.kind, 'host-key');
    assert.match(e.message, /is not in known_hosts: opsaudit never trusts an unknown host key/);
  });

  it('reports a closed port', async () => {
    const e = await refusal(connect(await freePort()));
    assert.equal(e.kind, 'refused');
    assert.match(e.message, /connection refused by 127\.0\.0\.1:\d+/);
  });

  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const e = await refusal(connect(silentPort, {}, 800));
    assert.equal(e.kind, 'timeout');
    assert.match(e.message, /timed out connecting to 127\.0\.0\.1:\d+ after 800 ms/);
    assert.ok(Date.now() - started < 5000);
  });

  it('stops a command that hangs and says so', async () => {
    const t = await connect(sshd.port);
    const started = Date.now();
    const r = await t.exec(['sleep', '30'], 500);
    t.close();
    assert.equal(r.timedOut, true);
    assert.equal(r.exitCode, null);
    assert.ok(Date.now() - started < 5000);
  });

  it('a missing command is reported as not installed', async () => {
    const t = await connect(sshd.port);
    const r = await t.exec(['opsaudit-no-such-tool', '--version'], 10_000);
    t.close();
    assert.equal(r.notFound, true);
  });

  it('sends commands asked for together in one session, and splits their results back', async () => {
    const t = await connect(sshd.port);
    const [first] = await Promise.all([t.exec(['echo', 'first'], 10_000)]);
    const [a, b, c, d] = await Promise.all([
      t.exec(['sh', '-c', 'echo one; echo warn >&2; exit 4'], 10_000),
      t.exec(['opsaudit-no-such-tool'], 10_000),
      t.exec(['sleep', '30'], 1000),
      t.exec(['printf', '%s', 'last'], 10_000),
    ]);
    const [later] = await Promise.all([t.exec(['echo', 'later'], 10_000)]);
    t.close();
    assert.deepEqual([first.stdout, later.stdout], ['first\n', 'later\n']);
    assert.deepEqual([a.exitCode, a.stdout, a.stderr], [4, 'one\n', 'warn\n']);
    assert.equal(b.notFound, true);
    assert.equal(c.timedOut, true);
    assert.equal(c.exitCode, null);
    assert.deepEqual([d.exitCode, d.stdout], [0, 'last']);
    // One shell for everything, and a second one after the hung command's session was killed at its limit.
    assert.equal(t.sessionsOpened, 2);
  });

  it('falls back to one session per command when the login shell cannot run a batch', async () => {
    // A restricted account: the forced command runs one simple command line and refuses a shell or anything longer.
    const dir = join(root, 'restricted');
    const script = join(dir, 'only-simple.sh');
    mkdirSync(dir, { recursive: true });
    writeFileSync(script, '#!/bin/sh\ncase "$SSH_ORIGINAL_COMMAND" in *"\n"*|exec*) echo "only simple commands" >&2; exit 1;; esac\nexec sh -c "$SSH_ORIGINAL_COMMAND"\n');
    chmodSync(script, 0o755);
    const restricted = await startSshd(join(dir, 'sshd-root'), { userKey: sshd.userKey, forceCommand: script });
    try {
      const t = await connectSsh(
        resolveSshTarget(parseHostSpec(`root@127.0.0.1:${restricted.port}`), { identity: [sshd.userKey], knownHosts: [restricted.knownHosts], sshConfigPath: '/nonexistent', home: root }),
        { connectTimeoutMs: 10_000, agent: null },
      );
      const [a, b] = await Promise.all([t.exec(['echo', 'first'], 10_000), t.exec(['echo', 'second'], 10_000)]);
      const c = await t.exec(['echo', 'third'], 10_000);
      t.close();
      assert.deepEqual([a.stdout, b.stdout, c.stdout], ['first\n', 'second\n', 'third\n']);
      // The refused shell, then one session per command.
      assert.equal(t.sessionsOpened, 4);
    } finally {
      await stopAll([restricted.process], []);
    }
  });

  it('works in one session when the server allows only one (MaxSessions 1)', async () => {
    const single = await startSshd(join(root, 'one-session'), { userKey: sshd.userKey, maxSessions: 1 });
    try {
      const t = await connectSsh(
        resolveSshTarget(parseHostSpec(`root@127.0.0.1:${single.port}`), { identity: [sshd.userKey], knownHosts: [single.knownHosts], sshConfigPath: '/nonexistent', home: root }),
        { connectTimeoutMs: 10_000, agent: null },
      );
      // The first shell is busy, so the next batch asks for a second session, which the server refuses.
      const slow = t.exec(['sleep', '1'], 10_000);
      await new Promise((res) => setTimeout(res, 200));
      const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
      const results = await Promise.all(words.map((w) => t.exec(['echo', w], 10_000)));
      const again = await t.exec(['echo', 'again'], 10_000);
      t.close();
      assert.equal((await slow).exitCode, 0);
      assert.deepEqual(results.map((r) => r.stdout), words.map((w) => `${w}\n`));
      assert.equal(again.stdout, 'again\n');
    } finally {
      await stopAll([single.process], []);
    }
  });

  it('makes every probe unknown, with the reason, when the host cannot be reached', async () => {
    const port = await freePort();
    const { facts } = await collectHost(parseHostSpec(`root@127.0.0.1:${port}`), { ssh: { identity: [sshd.userKey], knownHosts: [sshd.knownHosts], sshConfigPath: '/nonexistent', agent: null } });
    assert.match(facts.failure ?? '', /connection refused/);
    assert.equal(facts.disks.ok, false);
    assert.equal(facts.commands.length, 0);
  });

  it('the CLI writes the report and exits 3 when a host could not be audited', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', TSX, 'src/cli/main.ts', 'scan', '--host', `root@127.0.0.1:${sshd.port}`, '--identity', join(root, 'stranger'), '--known-hosts', sshd.knownHosts, '--ssh-config', '/nonexistent', '--format', 'json', '--quiet'],
      { encoding: 'utf8', env: { ...process.env, SSH_AUTH_SOCK: '', NO_COLOR: '1' } },
    );
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /could not be audited: authentication refused/);
    const report = JSON.parse(r.stdout) as { health_check: { error: string }; checks: { status: string }[] };
    assert.match(report.health_check.error, /authentication refused/);
    assert.ok(report.checks.every((c) => c.status === 'unknown'));
  });
});
