// The local transport: no shell, C locale, missing commands and timeouts reported, never thrown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LocalTransport } from './transport.js';

describe('LocalTransport', () => {
  const t = new LocalTransport();

  it('runs an argument vector without a shell', async () => {
    const r = await t.exec(['printf', '%s|', '$(id)', 'a b', '*'], 10_000);
    assert.equal(r.exitCode, 0);
    assert.equal(r.stdout, '$(id)|a b|*|');
  });

  it('runs in the C locale with the sbin directories on PATH', async () => {
    const r = await t.exec(['sh', '-c', 'echo "$LC_ALL $PATH"'], 10_000);
    assert.match(r.stdout, /^C .*:\/usr\/sbin:\/sbin\n$/);
  });

  it('reports a missing command', async () => {
    const r = await t.exec(['opsaudit-no-such-tool'], 10_000);
    assert.equal(r.notFound, true);
    assert.equal(r.exitCode, 127);
  });

  it('kills a command at its time limit', async () => {
    const started = Date.now();
    const r = await t.exec(['sleep', '30'], 300);
    assert.equal(r.timedOut, true);
    assert.equal(r.exitCode, null);
    assert.ok(Date.now() - started < 5000);
  });
});
