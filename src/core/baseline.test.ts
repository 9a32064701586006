// Baselines: findings new or unchanged by fingerprint, fixed ones listed, and fingerprints that survive real edits of
// unrelated lines in the seed-002 example.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { auditRepository } from '../audit.js';
import { renderJson } from '../report/json.js';
import { SAMPLE_REPORT } from '../report/fixtures/sample-report.js';
import { renderSarif } from '../report/sarif.js';
import { BaselineError, compareWithBaseline, parseBaseline } from './baseline.js';
import type { Report } from './types/check.js';

describe('parseBaseline', () => {
  it('reads a JSON report', () => {
    const b = parseBaseline(renderJson(SAMPLE_REPORT));
    assert.equal(b.generated_at, SAMPLE_REPORT.generated_at);
    assert.equal(b.findings.length, SAMPLE_REPORT.findings.length);
    assert.deepEqual(Object.keys(b.findings[0]).sort(), ['description', 'evidence', 'fingerprint', 'id', 'rule', 'severity', 'title']);
  });

  it('explains what is wrong with anything else', () => {
    const cases: [string, RegExp][] = [
      ['{', /not JSON/],
      ['[]', /expected an object/],
      [renderSarif(SAMPLE_REPORT), /SARIF file; pass the JSON report/],
      ['{"findings": []}', /not an opsaudit JSON report/],
      ['{"auditor": "opsaudit", "findings": [{"id": "OPS-001"}]}', /finding 1 has no fingerprint/],
    ];
    for (const [text, message] of cases) assert.throws(() => parseBaseline(text), (err: Error) => err instanceof BaselineError && message.test(err.message));
  });
});

describe('compareWithBaseline', () => {
  const withPrints = (prints: string[]): Report => ({
    ...SAMPLE_REPORT,
    findings: prints.map((fingerprint, i) => ({ ...SAMPLE_REPORT.findings[i % SAMPLE_REPORT.findings.length], id: `OPS-00${i + 1}`, fingerprint })),
    notes: [],
  });

  it('marks findings new or unchanged and lists the fixed ones, matching fingerprints as a multiset', () => {
    const baseline = parseBaseline(renderJson(withPrints(['a', 'b', 'b', 'c'])));
    const out = compareWithBaseline(withPrints(['b', 'd', 'a']), baseline);
    assert.deepEqual(
      out.findings.map((f) => `${f.fingerprint}:${f.baseline}`),
      ['b:unchanged', 'd:new', 'a:unchanged'],
    );
    assert.deepEqual(
      out.fixed?.map((f) => f.fingerprint),
      ['b', 'c'],
    );
    assert.deepEqual(out.notes, [`Compared with the baseline of ${SAMPLE_REPORT.generated_at}: 1 new, 2 unchanged, 2 fixed.`]);
  });
});

describe('fingerprints on a real edit of the seed-002 example', () => {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-baseline-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  cpSync('examples/onespirit', root, { recursive: true });
  const now = new Date('2026-01-01T00:00:00Z');
  const scan = () => auditRepository(root, { now });
  const before = scan();
  const baseline = parseBaseline(renderJson(before));

  /** Inserts lines after line `after` of a file. */
  const insert = (file: string, afterLine: number, lines: string[]) => {
    const p = join(root, file);
    const all = readFileSync(p, 'utf8').split('\n');
    all.splice(afterLine, 0, ...lines);
    writeFileSync(p, all.join('\n'));
  };
  const replace = (file: string, from: string, to: string) => {
    const p = join(root, file);
    const text = readFileSync(p, 'utf8');
    assert.ok(text.includes(from), `${file} does not contain ${from}`);
    writeFileSync(p, text.replace(from, to));
  };

  it('keeps every fingerprint when unrelated lines are added above the findings', () => {
    insert('Dockerfile.prod', 1, ['# maintained by the platform team', '# see docs/deploy.md']);
    insert('docker-compose.prod.yaml', 0, ['# Production stack', '# reviewed 2026-01']);
    insert('setup-prod.sh', 1, ['# usage: ./setup-prod.sh <command>', '']);
    insert('manage-secrets.sh', 1, ['# secrets live in ./secrets, never committed']);
    insert('onespirit_project/settings/prod.py', 0, ['"""Production settings."""', '']);
    const after = compareWithBaseline(scan(), baseline);
    const moved = after.findings.filter((f) => {
      const old = before.findings.find((b) => b.fingerprint === f.fingerprint);
      const p = f.proof[0];
      const q = old?.proof[0];
      return p?.kind === 'file' && q?.kind === 'file' && p.line !== q.line;
    });
    assert.ok(moved.length >= 5, `expected findings on moved lines, got ${moved.length}`);
    assert.deepEqual(
      after.findings.filter((f) => f.baseline === 'new').map((f) => `${f.rule}: ${f.evidence}`),
      [],
      'no finding may look new after an unrelated edit',
    );
    assert.deepEqual(after.fixed, []);
    assert.equal(after.findings.length, before.findings.length);
  });

  it('reports fixed findings and a new one when the code really changes', () => {
    // The collectstatic step (two findings: `|| true`, and a build step needing secrets) becomes a compileall step that
    // still ignores its failure.
    replace('Dockerfile.prod', 'RUN python manage.py collectstatic --noinput || true', 'RUN python -m compileall -q /app || true');
    const after = compareWithBaseline(scan(), baseline);
    assert.deepEqual(
      after.findings.filter((f) => f.baseline === 'new').map((f) => `${f.rule}: ${f.evidence}`),
      ['dockerfile/failure-ignored: Dockerfile.prod:61: RUN python -m compileall -q /app || true'],
    );
    assert.deepEqual(
      after.fixed?.map((f) => `${f.rule}: ${f.evidence}`),
      [
        'dockerfile/build-step-needs-secrets: Dockerfile.prod:59: RUN python manage.py collectstatic --noinput || true',
        'dockerfile/failure-ignored: Dockerfile.prod:59: RUN python manage.py collectstatic --noinput || true',
      ],
    );
    assert.equal(after.findings.filter((f) => f.baseline === 'unchanged').length, before.findings.length - 2);
  });
});
