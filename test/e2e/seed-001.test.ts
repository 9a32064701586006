// Acceptance: the seed-001 example (examples/ai-ia) reports each of seed 001's gaps that files can show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditRepository } from '../../src/audit.js';
import { assertProofTruthful } from '../rule-tester.js';

const ROOT = 'examples/ai-ia';

/** Seed 001's gaps, each with the rule that must report it and where (line omitted for absences). */
const SEED_001: { gap: string; rule: string; file: string; line?: number }[] = [
  { gap: 'WebSocket support not configured in nginx', rule: 'nginx/websocket-upgrade-missing', file: 'docker/nginx/prod.conf' },
  { gap: 'automated backup scheduling (script, no cron)', rule: 'backup/not-scheduled', file: 'scripts/backup.sh', line: 12 },
  { gap: 'deployment rollback', rule: 'deploy/no-rollback', file: 'scripts/deploy.sh' },
  { gap: 'log rotation not configured', rule: 'logging/no-log-rotation', file: 'code/config/settings/base.py' },
  { gap: 'SSL certificate auto-renewal', rule: 'monitoring/no-certificate-renewal', file: 'docker/nginx/prod.conf' },
  { gap: 'backup restoration testing', rule: 'backup/no-restore-test', file: 'scripts/backup.sh' },
];

describe('seed-001 example (examples/ai-ia)', () => {
  const report = auditRepository(ROOT, { now: new Date('2026-01-01T00:00:00Z') });

  for (const exp of SEED_001) {
    it(`reports ${exp.gap} (${exp.rule})`, () => {
      const hits = report.findings.filter((f) => f.rule === exp.rule);
      assert.ok(hits.length > 0, `no ${exp.rule}; found: ${[...new Set(report.findings.map((f) => f.rule))].join(', ')}`);
      const located = hits.some((f) => f.proof.some((p) => p.kind === 'file' && p.path === exp.file && (exp.line === undefined || p.line === exp.line)));
      assert.ok(located, `${exp.rule} not at ${exp.file}${exp.line ? `:${exp.line}` : ''}: ${hits.map((h) => h.evidence).join(' | ')}`);
    });
  }

  it('quotes proof lines truthfully', () => {
    assertProofTruthful(report, ROOT);
  });
});
