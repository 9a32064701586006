// The shared table-driven rule tester: runs one rule over realistic files through the real collectors
// and asserts statuses, message ids, file:line, and that every quoted proof line really is that line.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, after } from 'node:test';
import { collectRepository } from '../src/collectors/fact-store.js';
import { runRule } from '../src/core/engine.js';
import { buildReport } from '../src/core/report.js';
import type { Report } from '../src/core/types/check.js';
import type { AnyRule, Rule } from '../src/core/types/rule.js';
import type { Facts } from '../src/facts/index.js';

/** Files by repo-relative path, or the path of a fixture directory. */
export type Tree = Record<string, string> | { dir: string };

export interface GoodCase {
  name: string;
  files: Tree;
  /** Facts that do not come from repository files (e.g. backup verification results), added after collection. */
  facts?: Partial<Facts>;
}

export interface Expected<M extends string> {
  messageId: M;
  file: string;
  /** Omitted for absence findings (no line is quoted). */
  line?: number;
}

export interface BadCase<M extends string> extends GoodCase {
  expect: Expected<M>[];
}

export interface UnknownCase extends GoodCase {
  reason: RegExp;
}

export interface RuleCases<M extends string> {
  good: GoodCase[];
  bad: BadCase<M>[];
  unknown?: UnknownCase[];
  notApplicable?: GoodCase[];
}

const temps: string[] = [];

function materialize(tree: Tree): string {
  if ('dir' in tree && typeof tree.dir === 'string') return tree.dir;
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-rule-'));
  temps.push(root);
  for (const [path, text] of Object.entries(tree as Record<string, string>)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs a single rule on a tree and returns its report (proof built, secrets masked). */
export function runOn(rule: AnyRule, tree: Tree, facts?: Partial<Facts>): { report: Report; root: string } {
  const root = materialize(tree);
  const store = collectRepository(root);
  if (facts) Object.assign(store.facts, facts);
  const raw = runRule(rule, store);
  return { report: buildReport(raw, store, { scope: 'test', server: null, now: new Date(0) }), root };
}

/** Asserts every file proof quotes its line exactly, apart from *** masks. */
export function assertProofTruthful(report: Report, root: string): void {
  for (const f of report.findings) {
    for (const p of f.proof) {
      if (p.kind !== 'file' || p.line === undefined) continue;
      const actual = readFileSync(join(root, p.path), 'utf8').split('\n')[p.line - 1]?.replace(/\r$/, '');
      assert.ok(p.text !== undefined, `${f.rule}: proof at ${p.path}:${p.line} has no text`);
      const pattern = new RegExp(`^${p.text.split('***').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
      assert.match(actual ?? '', pattern, `${f.rule}: proof text at ${p.path}:${p.line} is not the file's line`);
    }
  }
}

function describeChecks(report: Report): string {
  return report.checks.map((c) => `${c.status} ${c.target}${c.reason ? ` (${c.reason})` : ''}`).join('; ');
}

/** Registers node:test cases for a rule. */
export function testRule<M extends string>(rule: Rule<M>, cases: RuleCases<M>): void {
  describe(rule.id, () => {
    after(() => {
      for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
    });
    for (const c of cases.good) {
      it(`passes: ${c.name}`, () => {
        const { report } = runOn(rule as AnyRule, c.files, c.facts);
        assert.equal(report.findings.length, 0, `expected no finding, got: ${report.findings.map((f) => f.description).join(' | ')}`);
        assert.ok(report.checks.some((ch) => ch.status === 'pass'), `expected a pass, got: ${describeChecks(report)}`);
        assert.ok(!report.checks.some((ch) => ch.status === 'unknown'), `expected no unknown, got: ${describeChecks(report)}`);
      });
    }
    for (const c of cases.bad) {
      it(`fails: ${c.name}`, () => {
        const { report, root } = runOn(rule as AnyRule, c.files, c.facts);
        const got = report.findings.map((f) => {
          const p = f.proof[0];
          const file = p?.kind === 'file' ? p.path : undefined;
          const line = p?.kind === 'file' ? p.line : undefined;
          const check = report.checks.find((ch) => ch.finding === f.id);
          return { file, line, desc: f.description, check };
        });
        const actual = got.map((g, i) => `${report.findings[i].message_id} ${g.file}${g.line !== undefined ? `:${g.line}` : ''}`).sort();
        const expected = c.expect.map((e) => `${e.messageId} ${e.file}${e.line !== undefined ? `:${e.line}` : ''}`).sort();
        assert.deepEqual(actual, expected, `findings: ${got.map((g) => g.desc).join(' | ')}\nchecks: ${describeChecks(report)}`);
        assertProofTruthful(report, root);
      });
    }
    for (const c of cases.unknown ?? []) {
      it(`unknown: ${c.name}`, () => {
        const { report } = runOn(rule as AnyRule, c.files, c.facts);
        assert.equal(report.findings.length, 0, `expected no finding, got: ${report.findings.map((f) => f.description).join(' | ')}`);
        const unknown = report.checks.filter((ch) => ch.status === 'unknown');
        assert.ok(unknown.length > 0, `expected unknown, got: ${describeChecks(report)}`);
        assert.ok(unknown.some((u) => c.reason.test(u.reason ?? '')), `no unknown reason matches ${c.reason}: ${describeChecks(report)}`);
      });
    }
    for (const c of cases.notApplicable ?? []) {
      it(`not applicable: ${c.name}`, () => {
        const { report } = runOn(rule as AnyRule, c.files, c.facts);
        assert.equal(report.findings.length, 0);
        assert.ok(
          report.checks.every((ch) => ch.status === 'not-applicable'),
          `expected not-applicable, got: ${describeChecks(report)}`,
        );
        assert.ok(report.checks.every((ch) => ch.reason), 'not-applicable needs a reason');
      });
    }
  });
}

