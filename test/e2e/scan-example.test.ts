// Acceptance: the seed-002 example reports every finding that files can show, at the right file and line.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';
import { auditRepository } from '../../src/audit.js';
import { renderJson } from '../../src/report/json.js';
import { assertProofTruthful } from '../rule-tester.js';
import { checkReport, contractChecker } from './contract.js';

const ROOT = 'examples/onespirit';

/** Seed 002's findings that the repository files can decide: rule, file and line (none for absences). */
const SEED_002: { seed: string; rule: string; file: string; line?: number }[] = [
  { seed: '#1 missing /health/ route behind HEALTHCHECK', rule: 'cross-file/healthcheck-route-missing', file: 'Dockerfile.prod', line: 68 },
  { seed: '#2 MEDIA_ROOT/MEDIA_URL missing', rule: 'django/media-root-missing', file: 'onespirit_project/settings/prod.py' },
  { seed: '#3 ./config/nginx mount source missing', rule: 'compose/bind-mount-source-missing', file: 'docker-compose.prod.yaml', line: 70 },
  { seed: '#4 pg_dump without password', rule: 'backup/pg-dump-without-password', file: 'setup-prod.sh', line: 161 },
  { seed: '#5 Redis without password', rule: 'compose/redis-without-password', file: 'docker-compose.prod.yaml', line: 156 },
  { seed: '#6 fixed Gunicorn workers', rule: 'dockerfile/gunicorn-fixed-workers', file: 'Dockerfile.prod', line: 75 },
  { seed: '#7 email password env name inconsistency', rule: 'compose/unused-env-example-key', file: '.env.prod.example', line: 35 },
  { seed: '#9 collectstatic || true', rule: 'dockerfile/failure-ignored', file: 'Dockerfile.prod', line: 59 },
  { seed: '#10 log files without rotation', rule: 'dockerfile/log-files-without-rotation', file: 'Dockerfile.prod', line: 75 },
  { seed: '#10 no Docker logging caps', rule: 'compose/no-log-rotation', file: 'docker-compose.prod.yaml' },
  { seed: '#12 no backup retention', rule: 'backup/no-retention', file: 'setup-prod.sh', line: 161 },
  { seed: '#13 secret file written before chmod', rule: 'deploy/secret-file-permissions-race', file: 'manage-secrets.sh', line: 69 },
  { seed: '#16 fixed container_name', rule: 'compose/fixed-container-name', file: 'docker-compose.prod.yaml' },
  { seed: '#17 no error tracking', rule: 'django/no-error-tracking', file: 'onespirit_project/settings/prod.py' },
  { seed: 'missing: automated backup scheduling', rule: 'backup/not-scheduled', file: 'setup-prod.sh', line: 161 },
];

describe('seed-002 example (examples/onespirit)', () => {
  const report = auditRepository(ROOT, { now: new Date('2026-01-01T00:00:00Z') });
  const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-e2e-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const exp of SEED_002) {
    it(`reports ${exp.seed} (${exp.rule} at ${exp.file}${exp.line ? `:${exp.line}` : ''})`, () => {
      const hits = report.findings.filter((f) => f.rule === exp.rule);
      assert.ok(hits.length > 0, `no ${exp.rule} finding; rules found: ${[...new Set(report.findings.map((f) => f.rule))].join(', ')}`);
      const located = hits.some((f) =>
        f.proof.some((p) => p.kind === 'file' && p.path === exp.file && (exp.line === undefined || p.line === exp.line)),
      );
      assert.ok(located, `${exp.rule} found, but not at ${exp.file}:${exp.line ?? ''}: ${hits.map((h) => h.evidence).join(' | ')}`);
    });
  }

  it('audits the production settings module and says why', () => {
    assert.ok(report.notes.some((n) => n.includes('onespirit_project.settings.prod')), report.notes.join('\n'));
  });

  it('does not flag what the example does right (secure settings, non-root user, healthchecks)', () => {
    const wrong = [
      'django/debug-enabled',
      'django/secret-key-hardcoded',
      'django/hsts-missing',
      'django/session-cookie-insecure',
      'django/csrf-cookie-insecure',
      'django/secure-proxy-ssl-header-missing',
      'django/csrf-trusted-origins-missing',
      'dockerfile/runs-as-root',
      'dockerfile/no-healthcheck',
      'dockerfile/pythonunbuffered-unset',
    ];
    const flagged = report.findings.filter((f) => wrong.includes(f.rule)).map((f) => `${f.rule}: ${f.evidence}`);
    assert.deepEqual(flagged, []);
  });

  it('quotes every proof line exactly as it is in the file', () => {
    assertProofTruthful(report, ROOT);
  });

  it('satisfies the shared results contract (check-report.py)', (t) => {
    if (!contractChecker()) return t.skip('../shared/tools/check-report.py is not beside this checkout');
    const path = join(tmp, 'report.json');
    writeFileSync(path, renderJson(report));
    const r = checkReport(path, ROOT);
    assert.equal(r.code, 0, r.output);
  });
});
