// Bad input gets a clear finding with its location, and the rest of the audit still reports.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, after } from 'node:test';
import { auditRepository } from '../../src/audit.js';
import { assertProofTruthful } from '../rule-tester.js';

const TREE: Record<string, string> = {
  'docker-compose.yml': 'services:\n  web:\n    image: "unterminated\n    ports: [80:80\n',
  'broken/Dockerfile': 'RUN echo hello\nCMD ["gunicorn", "app.wsgi"\n',
  'nginx/site.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:8000;\n    }\n',
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n",
  'proj/__init__.py': '',
  'proj/settings.py': "DEBUG = True\nALLOWED_HOSTS = ['*'\nSECRET_KEY = 'x'\n",
  'proj/urls.py': 'urlpatterns = []\n',
  // A sound file next to the broken ones: its findings must still be reported.
  'worker/Dockerfile': 'FROM python:latest\nRUN pip install celery\nCMD ["celery", "-A", "proj", "worker"]\n',
};

describe('malformed files', () => {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-malformed-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const report = auditRepository(root);
  const parseErrors = report.findings.filter((f) => f.rule === 'parse-error');

  for (const file of ['docker-compose.yml', 'broken/Dockerfile', 'nginx/site.conf', 'proj/settings.py']) {
    it(`reports ${file} as a parse error with its location`, () => {
      const hit = parseErrors.find((f) => f.proof.some((p) => p.kind === 'file' && p.path === file));
      assert.ok(hit, `no parse-error for ${file}; got: ${parseErrors.map((f) => f.evidence).join(' | ')}`);
      const p = hit.proof[0];
      assert.ok(p.kind === 'file' && typeof p.line === 'number' && p.line >= 1, 'the finding names a line');
    });
  }

  it('still reports findings of the sound files', () => {
    assert.ok(report.findings.some((f) => f.rule === 'dockerfile/base-image-latest' && f.evidence.startsWith('worker/Dockerfile:1')));
  });

  it('makes rules that needed an unparsable file unknown, with the reason', () => {
    const unknown = report.checks.filter((c) => c.status === 'unknown' && c.target === 'docker-compose.yml');
    assert.ok(unknown.length > 0);
    assert.ok(unknown.every((c) => /could not be parsed/.test(c.reason ?? '')));
  });

  it('quotes proof lines truthfully even for broken files', () => {
    assertProofTruthful(report, root);
  });
});
