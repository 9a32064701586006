// Acceptance for --url: the whole pipeline against the real nginx lab — repository and URLs in one report, every
// format showing the http/tls proof, health_check.ssl from the probe, unknown (never pass) for unreachable URLs, a
// bounded time per URL, and the CLI.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { auditAll } from '../../src/audit.js';
import { collectEndpoints } from '../../src/collectors/endpoints/index.js';
import type { Report } from '../../src/core/types/check.js';
import { render } from '../../src/report/index.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { RULES } from '../../src/rules/index.js';
import { labAvailable, SLOW_MS, startLab, type Lab } from '../endpoint-lab.js';
import { assertProofTruthful } from '../rule-tester.js';

const run = promisify(execFile);
const TSX = import.meta.resolve('tsx');
const NOW = new Date('2026-01-01T00:00:00Z');

/** The CLI in a child process, asynchronously: the lab's upstream app lives in this process and must keep answering. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', TSX, join(process.cwd(), 'src/cli/main.ts'), ...args], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function rulesOf(report: Report): string[] {
  return [...new Set(report.findings.map((f) => `${f.rule}:${f.message_id}`))].sort();
}

describe('endpoint probes end to end (nginx lab)', { skip: labAvailable() && process.env.OPSAUDIT_SKIP_LAB === '1' ? 'nginx lab not available' : false }, () => {
  let lab: Lab;
  before(async () => {
    const missing = labAvailable();
    if (missing) throw new Error(`the endpoint lab needs nginx and openssl: ${missing}`);
    lab = await startLab(['good', 'debug', 'expired', 'expiring', 'selfsigned', 'wronghost', 'legacy', 'slow']);
  });
  after(async () => {
    await lab?.stop();
  });

  it('audits a repository and a URL in one report, and every format shows the http and tls proof', async () => {
    const report = await auditAll({
      repo: 'examples/onespirit',
      urls: [lab.url('debug')],
      endpoints: { ca: [lab.ca], httpPort: lab.httpPort('debug'), errorPath: '/boom/' },
      now: NOW,
    });
    assert.match(report.scope, /^repository onespirit \+ https:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(report.findings.some((f) => f.proof[0]?.kind === 'file'), 'repository findings are there');
    assertProofTruthful(report, 'examples/onespirit');
    const debug = report.findings.filter((f) => f.rule === 'http/debug-page');
    assert.deepEqual(debug.map((f) => f.message_id).sort(), ['technical404', 'technical500']);
    assert.ok(debug.every((f) => f.severity === 'critical'));
    const page404 = debug.find((f) => f.message_id === 'technical404')!;
    const proof = page404.proof[0];
    assert.ok(proof.kind === 'http' && proof.status === 404 && /DEBUG = True/.test(proof.excerpt), JSON.stringify(proof));
    assert.match(proof.kind === 'http' ? proof.excerpt : '', /Using the URLconf defined in config\.urls/);
    const page500 = debug.find((f) => f.message_id === 'technical500')!;
    assert.doesNotMatch(JSON.stringify(page500.proof), /SECRET_KEY|division by zero/, 'settings and exception values are never quoted');

    const terminal = renderTerminal(report, { color: false });
    assert.match(terminal, /GET https:\/\/127\.0\.0\.1:\d+\/boom\/ -> 500/);
    assert.match(terminal, /\| You’re seeing this error because you have DEBUG = True/);
    assert.match(terminal, /\| server: nginx\/\d/);
    assert.match(terminal, /  TLS certificate: valid, expires \d{4}-\d{2}-\d{2}\n/);
    const markdown = renderMarkdown(report);
    assert.match(markdown, /\*\*Location\*\*: `GET https:\/\/127\.0\.0\.1:\d+\/boom\/` → 500/);
    assert.match(markdown, /```http\nHTTP 404\ncontent-type: text\/html; charset=utf-8\n\nPage not found \(404\)/);
    const html = render('html', report, { color: false, rules: RULES });
    assert.match(html, /<code>GET https:\/\/127\.0\.0\.1:\d+\/boom\/<\/code> → 500/);
    const sarif = JSON.parse(render('sarif', report, { color: false, rules: RULES })) as { runs: { results: { ruleId: string; properties: { evidence: string } }[] }[] };
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'http/debug-page' && /^GET https:\/\/127\.0\.0\.1:\d+\/boom\/ -> 500$/.test(r.properties.evidence)));
    const json = JSON.parse(renderJson(report)) as Report;
    assert.ok(json.findings.some((f) => f.proof.some((p) => p.kind === 'http' && p.url.endsWith('/boom/'))));
    assert.deepEqual((json.health_check?.ssl as { valid: boolean }).valid, true);
  });

  it('URL-only: TLS findings per certificate, health_check.ssl from the probe, and no repository rule runs', async () => {
    const urls = ['expired', 'expiring', 'selfsigned', 'wronghost'].map((s) => lab.url(s as 'expired'));
    const report = await auditAll({ urls, endpoints: { ca: [lab.ca] }, now: NOW });
    assert.ok(report.checks.every((c) => /^(tls|http)\//.test(c.rule)), 'only endpoint rules run without a repository');
    for (const want of ['tls/certificate-expiry:expired', 'tls/certificate-expiry:critical', 'tls/self-signed-certificate:selfSigned', 'tls/hostname-mismatch:mismatch'])
      assert.ok(rulesOf(report).includes(want), `${want} missing: ${rulesOf(report).join(', ')}`);
    const tls = report.findings.find((f) => f.rule === 'tls/hostname-mismatch')!.proof[0];
    assert.ok(tls.kind === 'tls');
    assert.deepEqual(Object.keys(tls).sort(), ['cipher', 'fingerprint256', 'host', 'issuer', 'kind', 'not_after', 'not_before', 'port', 'protocol', 'san', 'subject']);
    assert.deepEqual(tls.san, ['DNS:other.example']);
    const ssl = report.health_check?.ssl as { valid: boolean; expires: string; endpoints: { valid: boolean; problems: string[] }[] };
    assert.equal(ssl.valid, false);
    assert.match(ssl.expires, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(
      ssl.endpoints.map((e) => e.problems),
      [['expired'], [], ['chain: DEPTH_ZERO_SELF_SIGNED_CERT'], ['not valid for 127.0.0.1']],
    );
    const markdown = renderMarkdown(report);
    assert.match(markdown, /TLS certificate of `127\.0\.0\.1:\d+`/);
    assert.match(markdown, /- \*\*TLS certificate\*\*: NOT valid, expires \d{4}-\d{2}-\d{2}/);
  });

  it('refused, silent and unresolvable URLs make every rule unknown with the reason, quickly', async () => {
    const started = Date.now();
    const report = await auditAll({ urls: [lab.refusedUrl, lab.silentUrl, lab.dnsUrl], endpoints: { requestTimeoutMs: 400 }, now: NOW });
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.equal(report.findings.length, 0);
    assert.ok(report.checks.every((c) => c.status === 'unknown' && c.reason), report.checks.filter((c) => c.status !== 'unknown').map((c) => c.rule).join(', '));
    const reasons = new Set(report.checks.map((c) => c.reason));
    assert.ok([...reasons].some((r) => /connection refused/.test(r ?? '')));
    assert.ok([...reasons].some((r) => /no TLS handshake within 0\.4 s/.test(r ?? '')));
    assert.ok([...reasons].some((r) => /app\.opsaudit\.invalid:443: the name does not resolve \(DNS ENOTFOUND\)/.test(r ?? '')));
    assert.equal((report.health_check?.ssl as { valid: null }).valid, null, 'unknown is not valid and not invalid');
  });

  it('bounds the total time of one URL: steps beyond the budget are reported, not waited for', async () => {
    const budgetMs = SLOW_MS + 300;
    const started = Date.now();
    const store = await collectEndpoints([lab.url('slow')], { ca: [lab.ca], httpPort: lab.httpPort('slow'), budgetMs });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < budgetMs + 500, `took ${elapsed} ms for a ${budgetMs} ms budget`);
    const e = store.facts.endpoints![0];
    const failures = [e.health, e.admin].flatMap((f) => f?.hops ?? []).map((x) => x.error?.kind);
    assert.ok(failures.includes('budget') || failures.includes('timeout'), JSON.stringify(failures));
  });

  it('legacy server: TLS 1.0/1.1 accepted, weak key and SHA-1 signature, no TLS 1.3', async () => {
    const report = await auditAll({ urls: [lab.url('legacy')], endpoints: { ca: [lab.ca], httpPort: lab.httpPort('legacy') }, now: NOW });
    for (const want of ['tls/legacy-protocols:accepted', 'tls/weak-key:small', 'tls/weak-signature:weak', 'tls/no-tls13:notOffered'])
      assert.ok(rulesOf(report).includes(want), `${want} missing: ${rulesOf(report).join(', ')}`);
    const legacy = report.findings.find((f) => f.rule === 'tls/legacy-protocols')!;
    assert.ok(legacy.proof[0].kind === 'tls' && legacy.proof[0].protocol === 'TLSv1', JSON.stringify(legacy.proof[0]));
  });

  it('CLI: --url alone, --fail-on, and a usage error', async () => {
    // Concurrently: each child needs a second or more to start under tsx.
    const [ok, expired, usage] = await Promise.all([
      cli(['scan', '--url', lab.url('good'), '--ca', lab.caPath, '--format', 'json', '-q']),
      cli(['scan', '--url', lab.url('expired'), '--ca', lab.caPath, '--fail-on', 'critical', '--cert-days-high', '21']),
      cli(['scan', '--url', 'ftp://example.com']),
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    const report = JSON.parse(ok.stdout) as Report;
    assert.ok(report.checks.length > 0 && report.checks.every((c) => /^(tls|http)\//.test(c.rule)));
    assert.ok(!report.findings.some((f) => f.severity === 'critical' || f.severity === 'high'), report.findings.map((f) => f.description).join(' | '));

    assert.equal(expired.code, 1, expired.stderr);
    assert.match(expired.stdout, /The certificate of 127\.0\.0\.1:\d+ expired on \d{4}-\d{2}-\d{2} \(3 days ago\)/);
    assert.match(expired.stdout, /127\.0\.0\.1:\d+ TLS certificate CN=127\.0\.0\.1, issuer CN=opsaudit lab CA/);

    assert.equal(usage.code, 2, usage.stderr);
    assert.match(usage.stderr, /only http:\/\/ and https:\/\/ URLs/);
  });
});
