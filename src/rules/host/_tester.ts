// Table-driven tests for host rules: each case is the captured command outputs of a server (a healthy Debian
// host with some commands overridden), run through the real probes, parsers, engine and report builder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectHost, failedHost, type HostAudit } from '../../collectors/host/collect.js';
import { withHosts } from '../../collectors/host/store.js';
import { parseHostSpec } from '../../collectors/host/target.js';
import { listCommands } from '../../collectors/host/allowlist.js';
import { FakeTransport, type FakeOutput } from '../../collectors/host/testing/fake-transport.js';
import { NOW, healthyHost } from '../../collectors/host/testing/healthy-host.js';
import { runRule } from '../../core/engine.js';
import { buildReport } from '../../core/report.js';
import type { Report } from '../../core/types/check.js';
import type { AnyRule, Rule } from '../../core/types/rule.js';
import type { Severity } from '../../core/types/severity.js';
import { DEFAULT_THRESHOLDS, type HostThresholds } from '../../facts/host.js';

export interface HostCase {
  name: string;
  /** Commands whose captured output differs from the healthy host (null: not installed). */
  outputs?: Record<string, FakeOutput>;
  /** Drop these commands from the healthy host (they become "command not found"). */
  without?: string[];
  sudo?: boolean;
  thresholds?: Partial<HostThresholds>;
  backupDirs?: string[];
  appLogDirs?: string[];
  /** The host could not be audited at all (connection failure). */
  failure?: string;
  /** No host in the scan. */
  noHost?: boolean;
}

export interface HostExpected<M extends string> {
  messageId: M;
  /** The command line the finding's first proof cites. */
  command: string;
  severity?: Severity;
  /** A fragment of the finding's description. */
  says?: RegExp;
}

export interface HostRuleCases<M extends string> {
  good: HostCase[];
  bad: (HostCase & { expect: HostExpected<M>[] })[];
  unknown?: (HostCase & { reason: RegExp })[];
  notApplicable?: HostCase[];
}

const PROGRAMS = new Set(listCommands().map((c) => c.argv[0] as string));

/** Audits the fake host of a case and runs one rule on it. */
export async function runHostCase(rule: AnyRule, c: HostCase): Promise<{ report: Report; executed: string[] }> {
  if (c.noHost) {
    const store = withHosts([]);
    return { report: buildReport(runRule(rule, store), store, { scope: 'test', server: null, now: NOW }), executed: [] };
  }
  const thresholds = { ...DEFAULT_THRESHOLDS, ...c.thresholds };
  let audit: HostAudit;
  let executed: string[] = [];
  if (c.failure) audit = { facts: failedHost('deploy@web1', 'ssh', c.failure, thresholds, NOW), secrets: new Set() };
  else {
    const outputs = { ...healthyHost(), ...c.outputs };
    for (const w of c.without ?? []) delete outputs[w];
    const transport = new FakeTransport(outputs);
    audit = await collectHost(parseHostSpec('deploy@web1'), { transport, now: NOW, sudo: c.sudo, thresholds, backupDirs: c.backupDirs, appLogDirs: c.appLogDirs });
    executed = transport.executed;
  }
  const store = withHosts([audit]);
  return { report: buildReport(runRule(rule, store), store, { scope: 'test', server: 'deploy@web1', now: NOW }), executed };
}

function describeChecks(report: Report): string {
  return report.checks.map((c) => `${c.status} ${c.target}${c.reason ? ` (${c.reason})` : ''}`).join('; ');
}

function assertAllowlisted(executed: readonly string[]): void {
  for (const line of executed) {
    const program = line.replace(/^sudo -n -- /, '').split(' ')[0];
    assert.ok(PROGRAMS.has(program), `ran a command outside the allowlist: ${line}`);
  }
}

/** Registers node:test cases for a host rule (same shape as the shared file-based testRule). */
export function testRule<M extends string>(rule: Rule<M>, cases: HostRuleCases<M>): void {
  describe(rule.id, () => {
    for (const c of cases.good) {
      it(`passes: ${c.name}`, async () => {
        const { report, executed } = await runHostCase(rule as AnyRule, c);
        assertAllowlisted(executed);
        assert.equal(report.findings.length, 0, `expected no finding, got: ${report.findings.map((f) => f.description).join(' | ')}`);
        assert.ok(report.checks.some((ch) => ch.status === 'pass'), `expected a pass, got: ${describeChecks(report)}`);
        assert.ok(!report.checks.some((ch) => ch.status === 'unknown'), `expected no unknown, got: ${describeChecks(report)}`);
      });
    }
    for (const c of cases.bad) {
      it(`fails: ${c.name}`, async () => {
        const { report, executed } = await runHostCase(rule as AnyRule, c);
        assertAllowlisted(executed);
        const got = report.findings.map((f) => {
          const p = f.proof[0];
          return `${f.message_id} ${p?.kind === 'command' ? p.command : `(${p?.kind ?? 'no proof'})`}`;
        });
        const want = c.expect.map((e) => `${e.messageId} ${e.command}`);
        assert.deepEqual(got.sort(), want.sort(), `findings: ${report.findings.map((f) => f.description).join(' | ')}\nchecks: ${describeChecks(report)}`);
        const unmatched = [...report.findings];
        for (const e of c.expect) {
          const i = unmatched.findIndex(
            (x) => x.message_id === e.messageId && x.proof[0]?.kind === 'command' && x.proof[0].command === e.command && (!e.says || e.says.test(x.description)),
          );
          assert.ok(i >= 0, `no ${e.messageId} finding citing \`${e.command}\`${e.says ? ` matching ${e.says}` : ''}: ${report.findings.map((f) => f.description).join(' | ')}`);
          const [f] = unmatched.splice(i, 1);
          if (e.severity) assert.equal(f.severity, e.severity, `${f.description}: severity`);
          for (const p of f.proof) {
            assert.equal(p.kind, 'command', 'host findings cite commands');
            if (p.kind === 'command') {
              assert.equal(p.host, 'deploy@web1');
              assert.ok(p.output.trim().length > 0 || p.exit_code !== 0, `proof of ${p.command} has no output`);
            }
          }
        }
      });
    }
    for (const c of cases.unknown ?? []) {
      it(`unknown: ${c.name}`, async () => {
        const { report } = await runHostCase(rule as AnyRule, c);
        assert.equal(report.findings.length, 0, `expected no finding, got: ${report.findings.map((f) => f.description).join(' | ')}`);
        const unknown = report.checks.filter((ch) => ch.status === 'unknown');
        assert.ok(unknown.some((u) => c.reason.test(u.reason ?? '')), `no unknown reason matches ${c.reason}: ${describeChecks(report)}`);
        assert.ok(!report.checks.some((ch) => ch.status === 'pass'), `an unknown case must not pass: ${describeChecks(report)}`);
      });
    }
    for (const c of cases.notApplicable ?? []) {
      it(`not applicable: ${c.name}`, async () => {
        const { report } = await runHostCase(rule as AnyRule, c);
        assert.equal(report.findings.length, 0);
        assert.ok(report.checks.every((ch) => ch.status === 'not-applicable'), `expected not-applicable, got: ${describeChecks(report)}`);
        assert.ok(report.checks.every((ch) => ch.reason));
      });
    }
  });
}

/** The case every host rule shares: the host could not be reached, so the check is unknown with the reason. */
export const UNREACHABLE = { name: 'the host could not be reached', failure: 'connection refused by web1:22 (no sshd listening there?)', reason: /connection refused/ };
/** No --host given: host rules do not apply. */
export const NO_HOST = { name: 'no host in the scan', noHost: true };
