// The --url options: defaults, validation messages, and the CA file check.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { endpointOptions } from './endpoint-options.js';

describe('endpointOptions', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-endpoint-options-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('normalises URLs (https:// by default) and leaves unset thresholds to the defaults', () => {
    const r = endpointOptions({ url: ['app.example.com', 'http://api.example.com:8080/v1'] });
    assert.deepEqual(r.urls, ['https://app.example.com/', 'http://api.example.com:8080/v1']);
    assert.equal(r.endpoints.certHighDays, undefined);
    assert.deepEqual(r.endpoints.ca, []);
  });

  it('reads thresholds, paths and the per-URL time limit', () => {
    const r = endpointOptions({ url: ['https://a.example'], certDaysHigh: '21', certDaysCritical: '3', healthPath: '/healthz', errorPath: '/boom/', slowMs: '1500', probeTimeout: '2.5' });
    assert.deepEqual(
      { ...r.endpoints, ca: undefined },
      { ca: undefined, certHighDays: 21, certCriticalDays: 3, healthPath: '/healthz', errorPath: '/boom/', slowMs: 1500, budgetMs: 2500, requestTimeoutMs: 2500 },
    );
  });

  for (const [opts, message] of [
    [{ url: ['ftp://example.com'] }, /only http:\/\/ and https:\/\/ URLs/],
    [{ url: ['https://user:pw@example.com'] }, /leave credentials out/],
    [{ certDaysHigh: '30' }, /--cert-days-high only applies with --url/],
    [{ url: ['https://a.example'], certDaysHigh: '5', certDaysCritical: '7' }, /must not be more than --cert-days-high/],
    [{ url: ['https://a.example'], certDaysHigh: 'soon' }, /expected a whole number/],
    [{ url: ['https://a.example'], healthPath: 'health' }, /expected a path starting with \//],
    [{ url: ['https://a.example'], probeTimeout: '0.2' }, /at least 1 second/],
    [{ url: ['https://a.example'], ca: ['/nonexistent/ca.pem'] }, /--ca \/nonexistent\/ca\.pem: cannot be read \(ENOENT\)/],
  ] as const) {
    it(`rejects ${JSON.stringify(opts)}`, () => {
      assert.throws(() => endpointOptions(opts as Parameters<typeof endpointOptions>[0]), message);
    });
  }

  it('rejects a --ca file that is not a PEM certificate', () => {
    const file = join(tmp, 'key.pem');
    writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    assert.throws(() => endpointOptions({ url: ['https://a.example'], ca: [file] }), /not a PEM certificate file/);
  });
});
