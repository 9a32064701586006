// The table-driven tester for endpoint rules (tls/*, http/*): the counterpart of test/rule-tester.ts for rules that
// read live probes instead of files. Each case names a site of the real nginx lab (test/endpoint-lab.ts); the tester
// probes it with the real collectors, runs the one rule and asserts statuses, message ids, severities and proof kinds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collectEndpoints, type EndpointCollectOptions } from '../src/collectors/endpoints/index.js';
import { runRule } from '../src/core/engine.js';
import { buildReport } from '../src/core/report.js';
import type { Report } from '../src/core/types/check.js';
import type { AnyRule, Rule } from '../src/core/types/rule.js';
import type { Severity } from '../src/core/types/severity.js';
import type { EndpointSettings, FactStore } from '../src/facts/index.js';
import { labAvailable, startLab, type Lab, type SiteName } from './endpoint-lab.js';

export interface EndpointCase {
  name: string;
  /** The lab site to probe (its https:// URL unless `scheme` says http). */
  site?: SiteName;
  scheme?: 'https' | 'http';
  /** Instead of a site: a loopback port that refuses, one that never answers, or a name that never resolves. */
  special?: 'refused' | 'silent' | 'dns';
  /** Probe no URL at all (a repository-only scan). */
  none?: boolean;
  /** Path of the probed URL (default /). */
  path?: string;
  options?: Partial<EndpointSettings>;
  /** Trust the lab CA (as --ca does); false probes like a client that has never heard of it. Default true. */
  trustLabCa?: boolean;
}

export interface ExpectedFinding<M extends string> {
  messageId: M;
  severity?: Severity;
  /** Kind of the first proof item; defaults to tls for tls/* rules and http otherwise. */
  proof?: 'http' | 'tls';
}

export interface EndpointBadCase<M extends string> extends EndpointCase {
  expect: ExpectedFinding<M>[];
}

export interface EndpointUnknownCase extends EndpointCase {
  reason: RegExp;
}

export interface EndpointRuleCases<M extends string> {
  good: EndpointCase[];
  bad: EndpointBadCase<M>[];
  unknown?: EndpointUnknownCase[];
  notApplicable?: EndpointCase[];
}

/** How long the silent port is waited for: short, so the time-out path stays fast. */
const SILENT_TIMEOUT_MS = 300;

function urlOf(lab: Lab, c: EndpointCase): string[] {
  if (c.none) return [];
  if (c.special === 'refused') return [lab.refusedUrl];
  if (c.special === 'silent') return [lab.silentUrl];
  if (c.special === 'dns') return [lab.dnsUrl];
  if (!c.site) throw new Error(`case "${c.name}" names no site`);
  if (c.scheme === 'http') return [`http://127.0.0.1:${lab.httpPort(c.site)}${c.path ?? '/'}`];
  return [lab.url(c.site, c.path ?? '/')];
}

/** Probes what a case names, with the lab CA trusted and the site's http:// companion as the plain-HTTP port. */
export async function probeCase(lab: Lab, c: EndpointCase): Promise<FactStore> {
  const options: EndpointCollectOptions = {
    ca: c.trustLabCa === false ? undefined : [lab.ca],
    httpPort: c.site ? lab.httpPort(c.site) : undefined,
    requestTimeoutMs: c.special === 'silent' ? SILENT_TIMEOUT_MS : undefined,
    ...c.options,
  };
  return collectEndpoints(urlOf(lab, c), options);
}

/** Runs one rule over a case and returns the report (proof built, masked). */
export async function runEndpointRule(rule: AnyRule, lab: Lab, c: EndpointCase): Promise<Report> {
  const store = await probeCase(lab, c);
  return buildReport(runRule(rule, store), store, { scope: 'test', server: null, now: new Date(0) });
}

function describeChecks(report: Report): string {
  return report.checks.map((c) => `${c.status} ${c.target}${c.reason ? ` (${c.reason})` : ''}`).join('; ');
}

/** Registers node:test cases for an endpoint rule against the nginx lab. */
export function testRule<M extends string>(rule: Rule<M>, cases: EndpointRuleCases<M>): void {
  const all: EndpointCase[] = [...cases.good, ...cases.bad, ...(cases.unknown ?? []), ...(cases.notApplicable ?? [])];
  const sites = [...new Set(all.flatMap((c) => (c.site ? [c.site] : [])))];
  const missing = labAvailable();
  describe(rule.id, { skip: missing && process.env.OPSAUDIT_SKIP_LAB === '1' ? missing : false }, () => {
    let lab: Lab;
    before(async () => {
      if (missing) throw new Error(`the endpoint lab needs nginx and openssl: ${missing}`);
      lab = await startLab(sites.length > 0 ? sites : ['good']);
    });
    after(async () => {
      await lab?.stop();
    });
    const run = (c: EndpointCase) => runEndpointRule(rule as AnyRule, lab, c);
    for (const c of cases.good) {
      it(`passes: ${c.name}`, async () => {
        const report = await run(c);
        assert.equal(report.findings.length, 0, `expected no finding, got: ${report.findings.map((f) => f.description).join(' | ')}`);
        assert.ok(report.checks.some((ch) => ch.status === 'pass'), `expected a pass, got: ${describeChecks(report)}`);
        assert.ok(!report.checks.some((ch) => ch.status === 'unknown'), `expected no unknown, got: ${describeChecks(report)}`);
      });
    }
    for (const c of cases.bad) {
      it(`fails: ${c.name}`, async () => {
        const report = await run(c);
        const actual = report.findings.map((f) => `${f.message_id} ${f.severity}`).sort();
        const expected = c.expect.map((e) => `${e.messageId} ${e.severity ?? rule.severity}`).sort();
        assert.deepEqual(actual, expected, `findings: ${report.findings.map((f) => f.description).join(' | ')}\nchecks: ${describeChecks(report)}`);
        for (const [i, f] of report.findings.entries()) {
          const want = c.expect.find((e) => e.messageId === f.message_id)?.proof ?? (rule.id.startsWith('tls/') ? 'tls' : 'http');
          assert.equal(f.proof[0]?.kind, want, `finding ${i} (${f.message_id}) should carry ${want} proof: ${JSON.stringify(f.proof[0])}`);
          assert.ok(!/\{\w+\}/.test(f.description), `unfilled placeholder in "${f.description}"`);
          assert.ok(!/(?<!%)\{\w+\}/.test(f.verification), `unfilled placeholder in verify "${f.verification}"`);
        }
      });
    }
    for (const c of cases.unknown ?? []) {
      it(`unknown: ${c.name}`, async () => {
        const report = await run(c);
        assert.equal(report.findings.length, 0, `expected no finding, got: ${report.findings.map((f) => f.description).join(' | ')}`);
        const unknown = report.checks.filter((ch) => ch.status === 'unknown');
        assert.ok(unknown.length > 0, `expected unknown, got: ${describeChecks(report)}`);
        assert.ok(unknown.some((u) => c.reason.test(u.reason ?? '')), `no unknown reason matches ${c.reason}: ${describeChecks(report)}`);
      });
    }
    for (const c of cases.notApplicable ?? []) {
      it(`not applicable: ${c.name}`, async () => {
        const report = await run(c);
        assert.equal(report.findings.length, 0);
        assert.ok(report.checks.every((ch) => ch.status === 'not-applicable'), `expected not-applicable, got: ${describeChecks(report)}`);
        assert.ok(report.checks.every((ch) => ch.reason), 'not-applicable needs a reason');
      });
    }
  });
}
