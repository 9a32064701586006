// Our header verdicts next to the MDN HTTP Observatory's (@mdn/mdn-http-observatory) on the same local nginx sites.
// They must agree, except where the table below says why they differ on purpose (docs/endpoint-probes.md explains
// each difference; the rules' `why` texts repeat it).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { auditAll } from '../../src/audit.js';
import type { Report } from '../../src/core/types/check.js';
import { labAvailable, startLab, type Lab, type SiteName } from '../endpoint-lab.js';

const run = promisify(execFile);

/** Our rule for each Observatory test that judges the same thing. */
const PAIRS: Record<string, string> = {
  'strict-transport-security': 'http/hsts-missing',
  'x-content-type-options': 'http/content-type-nosniff',
  'x-frame-options': 'http/x-frame-options',
  'referrer-policy': 'http/referrer-policy',
  'content-security-policy': 'http/csp-missing',
  redirection: 'http/no-https-redirect',
  cookies: 'http/cookie-flags',
};

type Verdict = 'pass' | 'fail';

/** Where the verdicts differ on purpose, by site and Observatory test: [ours, theirs, why]. */
const DIFFERENCES: Partial<Record<SiteName, Record<string, [Verdict, Verdict, string]>>> = {
  debug: {
    'referrer-policy': ['fail', 'pass', 'no header: the Observatory scores it neutral (browsers default to strict-origin-when-cross-origin); Django sends same-origin by default, so we report its absence (low)'],
  },
  partial: {
    'strict-transport-security': ['fail', 'pass', 'max-age=15768000: the Observatory passes six months; we ask for one year (HSTS preload minimum, OWASP)'],
    'referrer-policy': ['fail', 'pass', 'no header (see above)'],
    'content-security-policy': ['pass', 'fail', "script-src 'unsafe-inline': the Observatory grades the policy's strength; we check that a policy is enforced"],
  },
};

const SITES: SiteName[] = ['good', 'debug', 'partial'];

function ours(report: Report, rule: string): Verdict | 'unknown' {
  const checks = report.checks.filter((c) => c.rule === rule);
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'pass')) return 'pass';
  return 'unknown';
}

async function observatory(lab: Lab, site: SiteName): Promise<Record<string, { pass: boolean; result: string }> & { verified: boolean | null }> {
  const { stdout } = await run(process.execPath, ['test/e2e/observatory-runner.mjs', '127.0.0.1', String(lab.httpPort(site)), String(lab.httpsPort(site))], {
    // The Observatory verifies certificates (HSTS counts only with a trusted one): trust the lab CA the Node way.
    env: { ...process.env, NODE_EXTRA_CA_CERTS: lab.caPath },
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

describe('MDN HTTP Observatory vs opsaudit on the nginx lab', { skip: labAvailable() && process.env.OPSAUDIT_SKIP_LAB === '1' ? 'nginx lab not available' : false }, () => {
  let lab: Lab;
  before(async () => {
    const missing = labAvailable();
    if (missing) throw new Error(`the endpoint lab needs nginx and openssl: ${missing}`);
    lab = await startLab(SITES);
  });
  after(async () => {
    await lab?.stop();
  });

  for (const site of SITES) {
    it(`${site}: same header verdicts, apart from the documented differences`, async () => {
      const [theirs, report] = await Promise.all([
        observatory(lab, site),
        auditAll({ urls: [lab.url(site)], endpoints: { ca: [lab.ca], httpPort: lab.httpPort(site) } }),
      ]);
      assert.equal(theirs.verified, true, 'the Observatory must trust the lab certificate, or its HSTS verdict means nothing');
      const rows: string[] = [];
      for (const [test, rule] of Object.entries(PAIRS)) {
        const mine = ours(report, rule);
        const their: Verdict = theirs[test].pass ? 'pass' : 'fail';
        const expected = DIFFERENCES[site]?.[test];
        const want: [Verdict, Verdict] = expected ? [expected[0], expected[1]] : [their, their];
        if (mine !== want[0] || their !== want[1]) rows.push(`${test}: opsaudit ${mine} (${rule}), Observatory ${their} (${theirs[test].result}); expected ${want.join('/')}`);
      }
      assert.deepEqual(rows, [], `verdicts differ:\n${rows.join('\n')}`);
    });
  }
});
