// known_hosts lookups on files written by the real ssh-keygen (plain, hashed with -H, ports, wildcards, markers).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { blobKeyType, hostMatches, lookupName, parseKnownHosts, preferredHostKeyAlgorithms, verifyHostKey } from './known-hosts.js';

const dir = mkdtempSync(join(tmpdir(), 'opsaudit-kh-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function key(name: string, type = 'ed25519'): { line: string; blob: Buffer; type: string } {
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', join(dir, name)]);
  const [t, b64] = readFileSync(join(dir, `${name}.pub`), 'utf8').trim().split(' ');
  return { line: `${t} ${b64}`, blob: Buffer.from(b64, 'base64'), type: t };
}

const a = key('a');
const b = key('b');
const ecdsa = key('c', 'ecdsa');

describe('known_hosts', () => {
  it('names hosts as OpenSSH looks them up', () => {
    assert.equal(lookupName('web1', 22), 'web1');
    assert.equal(lookupName('127.0.0.1', 2222), '[127.0.0.1]:2222');
    assert.equal(blobKeyType(a.blob), 'ssh-ed25519');
  });

  it('accepts the key written for the host, plain and after ssh-keygen -H hashed it', () => {
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `web1.example.com,203.0.113.10 ${a.line}\n[127.0.0.1]:2222 ${b.line}\n`);
    let entries = parseKnownHosts(readFileSync(file, 'utf8'), file);
    assert.equal(verifyHostKey(entries, 'web1.example.com', 22, a.blob).ok, true);
    assert.equal(verifyHostKey(entries, '127.0.0.1', 2222, b.blob).ok, true);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashed = readFileSync(file, 'utf8');
    assert.match(hashed, /^\|1\|/m);
    assert.ok(!hashed.includes('web1.example.com'));
    entries = parseKnownHosts(hashed, file);
    assert.equal(verifyHostKey(entries, 'web1.example.com', 22, a.blob).ok, true);
    assert.equal(verifyHostKey(entries, '203.0.113.10', 22, a.blob).ok, true);
    assert.equal(verifyHostKey(entries, '127.0.0.1', 2222, b.blob).ok, true);
    assert.equal(verifyHostKey(entries, '127.0.0.1', 22, b.blob).ok, false, 'port 22 is a different name');
  });

  it('refuses a changed key and an unknown host, saying which', () => {
    const entries = parseKnownHosts(`web1 ${a.line}\n`, 'kh');
    const changed = verifyHostKey(entries, 'web1', 22, b.blob);
    assert.equal(changed.ok, false);
    assert.ok(!changed.ok && changed.kind === 'changed' && /HOST KEY MISMATCH for web1.*kh:1/.test(changed.message));
    const unknown = verifyHostKey(entries, 'web2', 22, a.blob);
    assert.ok(!unknown.ok && unknown.kind === 'unknown' && /not in known_hosts/.test(unknown.message));
  });

  it('honours wildcards, negation and @revoked', () => {
    assert.equal(hostMatches('*.example.com,!db.example.com', 'web.example.com'), true);
    assert.equal(hostMatches('*.example.com,!db.example.com', 'db.example.com'), false);
    assert.equal(hostMatches('web?', 'web1'), true);
    const entries = parseKnownHosts(`*.example.com ${a.line}\n@revoked * ${a.line}\n# comment\n\nbroken-line\n`, 'kh');
    const v = verifyHostKey(entries, 'web.example.com', 22, a.blob);
    assert.ok(!v.ok && v.kind === 'revoked');
  });

  it('offers the host key algorithms known_hosts has for the host', () => {
    const entries = parseKnownHosts(`web1 ${ecdsa.line}\nweb1 ssh-rsa AAAAB3NzaC1yc2E\nother ${a.line}\n`, 'kh');
    assert.deepEqual(preferredHostKeyAlgorithms(entries, 'web1', 22), [ecdsa.type, 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    assert.deepEqual(preferredHostKeyAlgorithms(entries, 'nope', 22), []);
  });
});
