import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule } from './define-rule.js';
import { runRule, runRules } from './engine.js';
import { buildReport } from './report.js';
import { sourceFile, type SourceLoc } from './types/located.js';
import type { FactStore } from '../facts/index.js';
import { emptyFacts } from '../collectors/empty-facts.js';
import type { AnyRule } from './types/rule.js';

function store(files: Record<string, string>, extra: Partial<FactStore> = {}): FactStore {
  return {
    facts: emptyFacts({ repo: { root: '/x', files: [], envFiles: [], tracked: null, parseProblems: [] } }),
    sources: new Map(Object.entries(files).map(([p, t]) => [p, sourceFile(p, t)])),
    issues: [],
    secretValues: new Set(),
    notes: [],
    ...extra,
  };
}

const at = (file: string, line: number): SourceLoc => ({ file, line, col: 1, endLine: line, endCol: 1 });

function lineRule(id: string, file: string, line: number, severity: 'high' | 'low' = 'high'): AnyRule {
  return defineRule({
    id,
    title: `title of ${id}`,
    category: 'security',
    severity,
    requires: ['compose'],
    why: 'because it matters in production',
    fix: 'change the thing that is wrong',
    references: [{ title: 'Ref', url: 'https://example.org/ref' }],
    verify: 'grep -n thing {file}',
    messages: { bad: 'bad thing in {file}' },
    check(_facts, ctx) {
      ctx.fail('bad', { at: at(file, line), data: { file } });
    },
  }) as AnyRule;
}

const NOW = { scope: 'test', server: null, now: new Date(0) };

describe('engine', () => {
  it('turns a throwing rule into unknown with the reason, not a crash', () => {
    const rule = { ...lineRule('t/throws', 'a', 1), check: () => { throw new Error('boom'); } } as AnyRule;
    const [c] = runRule(rule, store({}));
    assert.equal(c.status, 'unknown');
    assert.match(c.reason ?? '', /boom/);
  });

  it('replaces not-applicable with unknown when a required file could not be parsed', () => {
    const rule = { ...lineRule('t/na', 'a', 1), check: (_f: unknown, ctx: { notApplicable(r: string): void }) => ctx.notApplicable('no compose file') } as AnyRule;
    const checks = runRule(rule, store({}, { issues: [{ kind: 'compose', file: 'docker-compose.yml', reason: 'docker-compose.yml could not be parsed (line 3: bad)' }] }));
    assert.deepEqual(checks.map((c) => [c.status, c.target, c.reason]), [['unknown', 'docker-compose.yml', 'docker-compose.yml could not be parsed (line 3: bad)']]);
  });

  it('reports an unknown when a rule reports nothing', () => {
    const rule = { ...lineRule('t/silent', 'a', 1), check: () => {} } as AnyRule;
    assert.equal(runRule(rule, store({}))[0].status, 'unknown');
  });
});

describe('buildReport', () => {
  it('quotes the exact line, numbers findings by severity then rule, and fills seed fields', () => {
    const s = store({ 'a.yml': 'one\ntwo\nthree\n' });
    const report = buildReport(runRules([lineRule('t/low', 'a.yml', 1, 'low'), lineRule('t/high', 'a.yml', 3)], s), s, NOW);
    assert.deepEqual(report.findings.map((f) => [f.id, f.rule, f.evidence]), [
      ['OPS-001', 't/high', 'a.yml:3: three'],
      ['OPS-002', 't/low', 'a.yml:1: one'],
    ]);
    const f = report.findings[0];
    assert.deepEqual(f.proof, [{ kind: 'file', path: 'a.yml', line: 3, text: 'three' }]);
    assert.equal(f.description, 'bad thing in a.yml');
    assert.equal(f.verification, 'grep -n thing a.yml');
    assert.equal(f.sota_source, 'Ref — https://example.org/ref');
    assert.equal(report.checks.find((c) => c.rule === 't/high')?.finding, 'OPS-001');
  });

  it('keeps fingerprints stable when unrelated lines move', () => {
    const before = store({ 'a.yml': 'x\nthree\n' });
    const after = store({ 'a.yml': 'new\nlines\nx\nthree\n' });
    const f1 = buildReport(runRules([lineRule('t/high', 'a.yml', 2)], before), before, NOW).findings[0];
    const f2 = buildReport(runRules([lineRule('t/high', 'a.yml', 4)], after), after, NOW).findings[0];
    assert.equal(f1.fingerprint, f2.fingerprint);
  });

  it('masks secret values everywhere, keeping the rest of the line', () => {
    const s = store({ '.env': 'DB_PASSWORD=hunter2hunter2\n' }, { secretValues: new Set(['hunter2hunter2']) });
    const report = buildReport(runRules([lineRule('t/secret', '.env', 1)], s), s, NOW);
    const json = JSON.stringify(report);
    assert.ok(!json.includes('hunter2hunter2'));
    assert.deepEqual(report.findings[0].proof[0], { kind: 'file', path: '.env', line: 1, text: 'DB_PASSWORD=***' });
  });

  it('asks for escalation on a critical security finding and names it', () => {
    const critical = { ...lineRule('t/crit', 'a.yml', 1), severity: 'critical' } as AnyRule;
    const s = store({ 'a.yml': 'x\n' });
    const report = buildReport(runRules([critical], s), s, NOW);
    assert.equal(report.escalation_request?.recommended_tier, 'strong');
    assert.match(report.escalation_request?.reasons[0] ?? '', /OPS-001 \(t\/crit\)/);
  });
});
