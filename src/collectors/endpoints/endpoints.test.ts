// The probe plumbing without a server: certificate reading (signature algorithm from DER), Set-Cookie flags,
// .invalid names, error classification and URL checks.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseSetCookie } from './cookies.js';
import { normalizeUrl } from './index.js';
import { lookup, ProbeTimeout, toFailure } from './net.js';
import { describeCertificate, signatureAlgorithm } from './x509.js';

describe('x509', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsaudit-x509-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const make = (name: string, key: string[], md: string) => {
    execFileSync('openssl', ['req', '-x509', ...key, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', '/CN=app.example.com', '-days', '10', `-${md}`,
      '-addext', 'subjectAltName=DNS:app.example.com,DNS:www.app.example.com'], { cwd: dir, stdio: 'ignore' });
    return new X509Certificate(readFileSync(join(dir, `${name}.pem`)));
  };

  it('reads the signature algorithm, key and names of an RSA certificate signed with SHA-1', () => {
    const c = describeCertificate(make('rsa', ['-newkey', 'rsa:1024'], 'sha1'));
    assert.equal(c.signatureAlgorithm, 'sha1WithRSAEncryption');
    assert.deepEqual([c.keyType, c.keyBits, c.curve], ['rsa', 1024, null]);
    assert.deepEqual(c.san, ['DNS:app.example.com', 'DNS:www.app.example.com']);
    assert.equal(c.subject, 'CN=app.example.com');
    assert.equal(c.selfSigned, true);
    assert.match(c.notAfter, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('reads an EC P-384 certificate signed with SHA-384', () => {
    const c = describeCertificate(make('ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], 'sha384'));
    assert.equal(c.signatureAlgorithm, 'ecdsa-with-SHA384');
    assert.deepEqual([c.keyType, c.keyBits, c.curve], ['ec', 384, 'secp384r1']);
  });

  it('returns null for bytes that are not a certificate', () => {
    assert.equal(signatureAlgorithm(Buffer.from([0x30, 0x82, 0xff])), null);
    assert.equal(signatureAlgorithm(Buffer.from('not der')), null);
  });
});

describe('parseSetCookie', () => {
  it('keeps the flags and attributes, never the value', () => {
    const c = parseSetCookie('sessionid=s3cr3tv4lu3; expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly; Path=/; SameSite=Lax; Secure');
    assert.deepEqual(c, { name: 'sessionid', secure: true, httpOnly: true, sameSite: 'Lax', attributes: 'expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly; Path=/; SameSite=Lax; Secure' });
    assert.doesNotMatch(JSON.stringify(c), /s3cr3t/);
  });

  it('reads attribute names case-insensitively and rejects nameless cookies', () => {
    assert.deepEqual(parseSetCookie('csrftoken=abc; secure; samesite=None'), { name: 'csrftoken', secure: true, httpOnly: false, sameSite: 'None', attributes: 'secure; samesite=None' });
    assert.equal(parseSetCookie('=abc; Secure'), null);
    assert.equal(parseSetCookie('garbage'), null);
  });
});

describe('lookup and failures', () => {
  it('fails names under .invalid without asking DNS (RFC 6761)', async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup('app.example.invalid', {}, (e) => resolve(e)));
    assert.equal(err?.code, 'ENOTFOUND');
    assert.deepEqual(toFailure(err, 'app.example.invalid:443'), { kind: 'dns', reason: 'app.example.invalid:443: the name does not resolve (DNS ENOTFOUND)' });
  });

  it('classifies refusals, resets, time-outs and TLS errors', () => {
    const e = (code: string, message = code) => Object.assign(new Error(message), { code });
    assert.equal(toFailure(e('ECONNREFUSED'), 'h:1').kind, 'refused');
    assert.equal(toFailure(e('ECONNRESET'), 'h:1').kind, 'reset');
    assert.deepEqual(toFailure(new ProbeTimeout(1500, 'response'), 'https://h/'), { kind: 'timeout', reason: 'https://h/: no response within 1.5 s' });
    assert.deepEqual(toFailure(e('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', '80AC:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../ssl/record/rec_layer_s3.c:1586:'), 'h:443'), {
      kind: 'tls',
      reason: 'h:443: TLS handshake failed: tlsv1 alert protocol version',
    });
  });
});

describe('normalizeUrl', () => {
  it('defaults to https:// and drops the fragment', () => {
    assert.equal(normalizeUrl('app.example.com/shop#top').href, 'https://app.example.com/shop');
  });
  it('refuses other schemes and credentials', () => {
    assert.throws(() => normalizeUrl('ftp://example.com'), /only http:\/\/ and https:\/\//);
    assert.throws(() => normalizeUrl('https://u:p@example.com'), /leave credentials out/);
  });
});
