// Guard against false positives: a genuinely well-run project reports nothing above low.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';
import { auditRepository } from '../../src/audit.js';
import { severityRank } from '../../src/core/types/severity.js';
import { renderJson } from '../../src/report/json.js';
import { assertProofTruthful } from '../rule-tester.js';
import { checkReport, contractChecker } from './contract.js';

const ROOT = 'examples/well-run';

describe('well-run example (examples/well-run)', () => {
  const report = auditRepository(ROOT, { now: new Date('2026-01-01T00:00:00Z') });
  const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-well-run-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports no finding above low', () => {
    const serious = report.findings.filter((f) => severityRank(f.severity) > severityRank('low'));
    assert.deepEqual(serious.map((f) => `${f.severity} ${f.rule}: ${f.evidence}`), []);
  });

  it('audits the production settings module', () => {
    assert.ok(report.notes.some((n) => n.includes('shop.settings.production')), report.notes.join('\n'));
  });

  it('passes most checks it can decide', () => {
    const passed = report.checks.filter((c) => c.status === 'pass').length;
    const failed = report.checks.filter((c) => c.status === 'fail').length;
    assert.ok(passed > 10 * failed, `${passed} passed vs ${failed} failed`);
  });

  it('quotes proof lines truthfully', () => {
    assertProofTruthful(report, ROOT);
  });

  it('satisfies the shared results contract with --max-severity low', (t) => {
    if (!contractChecker()) return t.skip('../shared/tools/check-report.py is not beside this checkout');
    const path = join(tmp, 'report.json');
    writeFileSync(path, renderJson(report));
    const r = checkReport(path, ROOT, ['--max-severity', 'low']);
    assert.equal(r.code, 0, r.output);
  });
});
