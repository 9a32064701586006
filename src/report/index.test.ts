// Format dispatch: every format renders; people-facing formats move accepted findings to the notes, machine formats keep them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report } from '../core/types/check.js';
import { SAMPLE_REPORT } from './fixtures/sample-report.js';
import { FORMATS, render, withoutSuppressed } from './index.js';

const report: Report = {
  ...SAMPLE_REPORT,
  findings: SAMPLE_REPORT.findings.map((f, i) =>
    i === 1 ? { ...f, suppressed: { kind: 'inline' as const, reason: 'internal network only', source: 'docker-compose.prod.yaml:155' } } : f,
  ),
};

describe('render', () => {
  it('renders every format', () => {
    for (const format of FORMATS) assert.ok(render(format, report, { color: false }).length > 500, format);
  });

  it('keeps accepted findings in JSON, SARIF and HTML', () => {
    assert.equal(JSON.parse(render('json', report, { color: false })).findings[1].suppressed.reason, 'internal network only');
    assert.equal(JSON.parse(render('sarif', report, { color: false })).runs[0].results[1].suppressions[0].status, 'accepted');
    assert.match(render('html', report, { color: false }), /<section id="suppressed">/);
  });

  it('lists accepted findings in the notes of the terminal and Markdown reports instead of among the findings', () => {
    const view = withoutSuppressed(report);
    assert.equal(view.findings.length, report.findings.length - 1);
    assert.ok(!view.findings.some((f) => f.id === 'OPS-002'));
    const note = 'Accepted, not listed: OPS-002 compose/redis-without-password (Service "redis" runs Redis without requirepass or an ACL.) — internal network only [docker-compose.prod.yaml:155]';
    assert.equal(view.notes.at(-1), note);
    for (const format of ['terminal', 'markdown'] as const) {
      const text = render(format, report, { color: false });
      assert.doesNotMatch(text, /OPS-002 — |OPS-002 Service/, format);
      assert.match(text, /Accepted, not listed: OPS-002/, format);
    }
    assert.equal(withoutSuppressed(SAMPLE_REPORT), SAMPLE_REPORT);
  });
});
