// Suppressions: inline comments (on the line or above it, in every #-comment language) and .opsaudit.yml entries
// (everywhere, by path, expiring); suppressed findings stay in the report, marked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigFacts } from '../facts/config.js';
import { EMPTY_REPORT } from '../report/fixtures/sample-report.js';
import { parseConfig } from './config.js';
import { activeFindings, applySuppressions, findingPath } from './suppress.js';
import type { Finding, Report } from './types/check.js';
import { sourceFile, type SourceFile } from './types/located.js';

function finding(id: string, rule: string, path: string, line: number | undefined, text?: string): Finding {
  return {
    id,
    rule,
    message_id: 'm',
    title: rule,
    severity: 'high',
    category: 'security',
    description: `${rule} in ${path}`,
    evidence: `${path}:${line}`,
    impact: 'i',
    recommendation: 'r',
    sota_source: 's',
    verification: 'v',
    references: [],
    target: path,
    proof: [line === undefined ? { kind: 'file', path, note: 'absent' } : { kind: 'file', path, line, text }],
    fingerprint: `fp-${id}`,
  };
}

function report(findings: Finding[]): Report {
  return { ...EMPTY_REPORT, findings, notes: [] };
}

function sources(files: Record<string, string>): Map<string, SourceFile> {
  return new Map(Object.entries(files).map(([p, t]) => [p, sourceFile(p, t)]));
}

function config(text: string, today = '2026-01-15', path = '.opsaudit.yml'): ConfigFacts {
  const parsed = parseConfig(path, text);
  assert.deepEqual(parsed.problems, []);
  return { path, suppressions: parsed.suppressions, today };
}

const RULE_IDS = new Map([
  ['compose/redis-without-password', 'compose/redis-without-password'],
  ['redis-noauth', 'compose/redis-without-password'],
  ['dockerfile/failure-ignored', 'dockerfile/failure-ignored'],
  ['nginx/server-tokens', 'nginx/server-tokens'],
  ['django/debug-enabled', 'django/debug-enabled'],
  ['scripts/x', 'scripts/x'],
]);

describe('inline suppressions', () => {
  const files = {
    'docker-compose.yml': [
      'services:',
      '  redis:',
      '    # opsaudit: ignore[compose/redis-without-password] only reachable on the internal network',
      '    image: redis:7-alpine',
    ].join('\n'),
    Dockerfile: ['FROM python:3.12', 'RUN collectstatic || true  # opsaudit: ignore[dockerfile/failure-ignored] static files are built in CI'].join('\n'),
    'nginx/site.conf': ['server {', '    # reviewed by ops', '    # opsaudit: ignore[other/rule, nginx/server-tokens] CDN strips the Server header', '    server_tokens on;', '}'].join('\n'),
    'app/settings.py': ['# opsaudit: ignore[redis-noauth] an alias works too', 'DEBUG = True'].join('\n'),
    'deploy.sh': ['#!/bin/sh', '# opsaudit: ignore[scripts/x]', 'pg_dump app > dump.sql'].join('\n'),
  };
  const input = report([
    finding('OPS-001', 'compose/redis-without-password', 'docker-compose.yml', 4, '    image: redis:7-alpine'),
    finding('OPS-002', 'dockerfile/failure-ignored', 'Dockerfile', 2),
    finding('OPS-003', 'nginx/server-tokens', 'nginx/site.conf', 4),
    finding('OPS-004', 'django/debug-enabled', 'app/settings.py', 2),
    finding('OPS-005', 'compose/redis-without-password', 'app/settings.py', 2),
    finding('OPS-006', 'scripts/x', 'deploy.sh', 3),
    finding('OPS-007', 'compose/redis-without-password', 'docker-compose.yml', undefined),
  ]);
  const out = applySuppressions(input, { sources: sources(files), ruleIds: RULE_IDS });
  const byId = new Map(out.findings.map((f) => [f.id, f]));

  it('applies a comment on the line above, in YAML', () => {
    assert.deepEqual(byId.get('OPS-001')?.suppressed, {
      kind: 'inline',
      reason: 'only reachable on the internal network',
      source: 'docker-compose.yml:3',
    });
  });

  it('applies a trailing comment on the finding line, in a Dockerfile', () => {
    assert.equal(byId.get('OPS-002')?.suppressed?.source, 'Dockerfile:2');
  });

  it('looks through a block of comment lines and lists of rules (nginx)', () => {
    assert.deepEqual(byId.get('OPS-003')?.suppressed, { kind: 'inline', reason: 'CDN strips the Server header', source: 'nginx/site.conf:3' });
  });

  it('only silences the rules it names, and accepts aliases (Python)', () => {
    assert.equal(byId.get('OPS-004')?.suppressed, undefined);
    assert.equal(byId.get('OPS-005')?.suppressed?.source, 'app/settings.py:1');
  });

  it('ignores a comment without a reason and says so (shell)', () => {
    assert.equal(byId.get('OPS-006')?.suppressed, undefined);
    assert.ok(out.notes.some((n) => n.startsWith('deploy.sh:2: `# opsaudit: ignore[scripts/x]` has no reason')), out.notes.join('\n'));
  });

  it('cannot apply to an absence (there is no line to comment)', () => {
    assert.equal(byId.get('OPS-007')?.suppressed, undefined);
  });

  it('keeps every finding, and activeFindings leaves out the suppressed ones', () => {
    assert.equal(out.findings.length, input.findings.length);
    assert.deepEqual(
      activeFindings(out).map((f) => f.id),
      ['OPS-004', 'OPS-006', 'OPS-007'],
    );
    assert.equal(input.findings[0].suppressed, undefined, 'the input report is not modified');
  });
});

describe('.opsaudit.yml suppressions', () => {
  const findings = [
    finding('OPS-001', 'compose/redis-without-password', 'docker-compose.dev.yml', 5, '    image: redis'),
    finding('OPS-002', 'compose/redis-without-password', 'docker-compose.prod.yml', 5, '    image: redis'),
    finding('OPS-003', 'nginx/server-tokens', 'deploy/nginx/site.conf', 2, 'server_tokens on;'),
    finding('OPS-004', 'dockerfile/failure-ignored', 'Dockerfile', 2, 'RUN x || true'),
  ];

  it('ignores a rule for the paths given (.gitignore patterns) and everywhere without paths', () => {
    const cfg = config(
      [
        'ignore:',
        '  - rule: compose/redis-without-password',
        '    reason: the dev stack runs on laptops',
        '    paths: [docker-compose.dev.yml]',
        '  - rule: nginx/server-tokens',
        '    reason: behind a CDN',
        '    paths: ["deploy/**"]',
        '    expires: 2026-01-15',
        '  - rule: dockerfile/failure-ignored',
        '    reason: tracked in OPS-1234',
        '',
      ].join('\n'),
    );
    const out = applySuppressions(report(findings), { config: cfg, sources: new Map(), ruleIds: RULE_IDS });
    assert.deepEqual(
      out.findings.map((f) => [f.id, f.suppressed ?? null]),
      [
        ['OPS-001', { kind: 'config', reason: 'the dev stack runs on laptops', source: '.opsaudit.yml:2' }],
        ['OPS-002', null],
        ['OPS-003', { kind: 'config', reason: 'behind a CDN', source: '.opsaudit.yml:5', expires: '2026-01-15' }],
        ['OPS-004', { kind: 'config', reason: 'tracked in OPS-1234', source: '.opsaudit.yml:9' }],
      ],
    );
  });

  it('stops applying an entry the day after it expires', () => {
    const text = 'ignore:\n  - rule: nginx/server-tokens\n    reason: behind a CDN\n    expires: 2026-01-15\n';
    const out = applySuppressions(report(findings), { config: config(text, '2026-01-16'), sources: new Map(), ruleIds: RULE_IDS });
    assert.equal(out.findings[2].suppressed, undefined);
    assert.deepEqual(out.notes, [], 'the expired entry is reported by config/suppression-expired, not as a note');
  });

  it('notes entries that name no rule or match nothing', () => {
    const text = 'ignore:\n  - rule: compose/redis-without-pasword\n    reason: typo\n  - rule: django/debug-enabled\n    reason: fixed long ago\n';
    const out = applySuppressions(report(findings), { config: config(text), sources: new Map(), ruleIds: RULE_IDS });
    assert.deepEqual(out.notes, [
      '.opsaudit.yml:2: no rule is called `compose/redis-without-pasword` (run `opsaudit rules`); this entry has no effect.',
      '.opsaudit.yml:4: the entry for `django/debug-enabled` matched no finding; remove it if the problem is fixed.',
    ]);
    assert.ok(out.findings.every((f) => !f.suppressed));
  });

  it('prefers an inline comment over a config entry and masks secrets in reasons', () => {
    const text = 'ignore:\n  - rule: dockerfile/failure-ignored\n    reason: config reason\n';
    const src = sources({ Dockerfile: 'FROM x\nRUN x || true # opsaudit: ignore[dockerfile/failure-ignored] token s3cr3t-value-123 is fake\n' });
    const out = applySuppressions(report([findings[3]]), {
      config: config(text),
      sources: src,
      secretValues: new Set(['s3cr3t-value-123']),
      ruleIds: RULE_IDS,
    });
    assert.deepEqual(out.findings[0].suppressed, { kind: 'inline', reason: 'token *** is fake', source: 'Dockerfile:2' });
  });
});

describe('findingPath', () => {
  it('is the first file of the proof, else the file part of the target', () => {
    assert.equal(findingPath(finding('OPS-1', 'r', 'a/b.yml', 3)), 'a/b.yml');
    assert.equal(findingPath({ ...finding('OPS-1', 'r', 'x', 3), proof: [], target: 'docker-compose.yml#redis' }), 'docker-compose.yml');
  });
});
