// HTML reporter: a self-contained, escaped page; opened in headless Chromium it shows the audit, logs no error and
// fetches nothing but itself. Also keeps the README screenshot (docs/screenshots/) current.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { auditRepository } from '../audit.js';
import type { Finding, Report } from '../core/types/check.js';
import { EMPTY_REPORT, SAMPLE_REPORT } from './fixtures/sample-report.js';
import { escapeHtml, renderHtml } from './html.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT_DIR = 'docs/screenshots';

const HOSTILE = '</code><script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \u001b[31m';

/** The sample report with repository text that would break out of the page if it were not escaped. */
const hostileReport: Report = {
  ...SAMPLE_REPORT,
  scope: `evil ${HOSTILE}`,
  findings: SAMPLE_REPORT.findings.map((f, i): Finding =>
    i === 0
      ? {
          ...f,
          description: `desc ${HOSTILE}`,
          proof: [{ kind: 'file', path: `x${HOSTILE}.yml`, line: 3, text: `KEY: ${HOSTILE}` }],
          references: [
            { title: `ref ${HOSTILE}`, url: 'javascript:alert(1)' },
            { title: 'ok', url: 'https://docs.djangoproject.com/"onmouseover="alert(1)' },
          ],
        }
      : f,
  ),
  notes: [`note ${HOSTILE}`],
};

describe('renderHtml', () => {
  const html = renderHtml(SAMPLE_REPORT);

  it('is one self-contained document: inline style, no script, nothing to fetch', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.doesNotMatch(html, /<script|<link|<iframe|<object|@import|url\(/i);
    assert.doesNotMatch(html, /\ssrc=/i);
    for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1], /^(#|https?:\/\/)/, `unexpected link ${m[1]}`);
  });

  it('has the sections of the seed reports', () => {
    for (const id of ['summary', 'scorecard', 'findings', 'strengths', 'not-checked', 'actions', 'escalation', 'notes']) assert.match(html, new RegExp(`<section id="${id}"`));
    assert.match(html, /Overall score <strong>3\.7\/10<\/strong>/);
    assert.match(html, /<h3 class="sev-heading sev-critical">Critical findings \(1\)<\/h3>/);
    assert.match(html, /<h3 class="sev-heading sev-critical">Must fix before production<\/h3>/);
    assert.equal(html.match(/<article class="finding/g)?.length, SAMPLE_REPORT.findings.length);
    assert.match(html, /<span class="ln">156<\/span><code>    command: redis-server/);
    assert.match(html, /HSTS is enabled — not found/);
    assert.match(html, /@media print\{/);
  });

  it('draws the scorecard as an inline SVG bar chart with one row per category', () => {
    const svg = /<svg class="bars"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    assert.equal(svg.match(/class="bar-label"/g)?.length, SAMPLE_REPORT.score.categories.length);
    assert.match(svg, /<rect [^>]*class="bar-pass"><title>Security hardening: 3 passed<\/title>/);
    assert.match(svg, /<text [^>]*class="bar-na">not applicable<\/text>/);
  });

  it('escapes everything that comes from the repository, and links only http(s) URLs', () => {
    const out = renderHtml(hostileReport);
    assert.doesNotMatch(out, /<script>|<img |onerror=alert\(1\)>|href="javascript/);
    assert.match(out, /&lt;\/code&gt;&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(out, /\\x1b\[31m/);
    assert.match(out, /ref &lt;\/code&gt;.* \(javascript:alert\(1\)\)/);
    assert.match(out, /href="https:\/\/docs\.djangoproject\.com\/&quot;onmouseover=&quot;alert\(1\)"/);
    assert.equal(escapeHtml(`<a href='x'>&amp;`), '&lt;a href=&#39;x&#39;&gt;&amp;amp;');
  });

  it('is deterministic and handles the empty report', () => {
    assert.equal(renderHtml(SAMPLE_REPORT), html);
    const empty = renderHtml(EMPTY_REPORT);
    assert.match(empty, /No findings to act on\./);
    assert.match(empty, /No check passed\./);
    assert.match(empty, /Nothing to fix\./);
  });

  it('lists accepted findings apart, marks baseline states and shows the fixed ones', () => {
    const report: Report = {
      ...SAMPLE_REPORT,
      findings: SAMPLE_REPORT.findings.map((f, i) => ({
        ...f,
        baseline: i === 2 ? ('new' as const) : ('unchanged' as const),
        ...(i === 1 ? { suppressed: { kind: 'config' as const, reason: 'internal network only', source: '.opsaudit.yml:4', expires: '2026-06-30' } } : {}),
      })),
      fixed: [{ id: 'OPS-009', rule: 'django/debug-enabled', title: 'DEBUG is on', severity: 'critical', description: 'DEBUG = True in prod.py', evidence: 'prod.py:3: DEBUG = True', fingerprint: 'f' }],
    };
    const out = renderHtml(report);
    const suppressed = /<section id="suppressed">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    assert.match(suppressed, /Accepted findings \(1\)/);
    assert.match(suppressed, /id="OPS-002"/);
    assert.match(suppressed, /internal network only <span class="muted">\(\.opsaudit\.yml at <code>\.opsaudit\.yml:4<\/code>, until 2026-06-30\)/);
    const findings = /<section id="findings">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    assert.doesNotMatch(findings, /id="OPS-002"/);
    assert.match(findings, /<span class="badge new">new<\/span>/);
    assert.match(out, /<section id="fixed">\n<h2>Fixed since baseline \(1\)<\/h2>/);
    assert.doesNotMatch(/<section id="actions">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '', /OPS-002/);
  });
});

describe('the HTML report in headless Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-html-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** Opens a page and records what the brief forbids: console errors, page errors, dialogs and any request but the file. */
  async function open(html: string, name: string) {
    const { chromium } = await import('playwright-core');
    const file = join(tmp, name);
    writeFileSync(file, html);
    const url = pathToFileURL(resolve(file)).href;
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1200, height: 1000 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    return { context, page, problems, requests, url };
  }

  it('shows the seed-002 example audit without errors or network requests, and saves the screenshot', { timeout: 90_000 }, async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser test`);
      return;
    }
    const report = auditRepository('examples/onespirit', { now: new Date('2026-01-01T00:00:00Z') });
    const { context, page, problems, requests, url } = await open(renderHtml(report), 'report.html');
    try {
      assert.equal(await page.title(), 'Production readiness audit: repository onespirit — 2026-01-01');
      assert.equal(await page.locator('h1').innerText(), 'Production readiness audit: repository onespirit');
      assert.match(await page.locator('.score-line').innerText(), new RegExp(`Overall score ${report.score.overall.toFixed(1)}/10`));
      assert.equal(await page.locator('article.finding').count(), report.findings.length);
      assert.equal(await page.locator('svg.bars .bar-label').count(), report.score.categories.length);
      assert.ok((await page.locator('#strengths li').count()) > 10);
      const first = report.findings[0];
      const proof = first.proof[0];
      assert.ok(proof.kind === 'file' && proof.line !== undefined);
      const article = page.locator(`article#${first.id}`);
      assert.match(await article.innerText(), new RegExp(`${proof.path}:${proof.line}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      // The chart is laid out: its bars have a size.
      const bar = await page.locator('svg.bars rect.bar-pass').first().boundingBox();
      assert.ok(bar && bar.width > 0 && bar.height > 0);
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, [url], 'the page must not fetch anything but itself');

      await page.screenshot({ path: join(tmp, 'report.png') });
      const y = await page.evaluate(() => (document.querySelector('#findings') as HTMLElement).getBoundingClientRect().top + window.scrollY);
      await page.screenshot({ path: join(tmp, 'report-findings.png'), clip: { x: 0, y, width: 1200, height: 900 }, fullPage: true });
      // Pixels vary with the installed fonts, so the committed screenshots are rewritten only on request (or when missing).
      for (const name of ['report.png', 'report-findings.png']) {
        const target = join(SCREENSHOT_DIR, name);
        if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(target)) {
          mkdirSync(SCREENSHOT_DIR, { recursive: true });
          copyFileSync(join(tmp, name), target);
        }
      }
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10_000, 'the print stylesheet produces a PDF');
    } finally {
      await context.close();
    }
  });

  it('renders hostile repository text as text: no script runs, no image loads', { timeout: 90_000 }, async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser test`);
      return;
    }
    const { context, page, problems, requests, url } = await open(renderHtml(hostileReport), 'hostile.html');
    try {
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, [url]);
      assert.equal(await page.locator('script, img').count(), 0);
      assert.match(await page.locator('article.finding').first().innerText(), /<script>alert\("x"\)<\/script><img src=x onerror=alert\(1\)>/);
    } finally {
      await context.close();
    }
  });
});
