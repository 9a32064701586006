// Helpers of the Dockerfile rules, and rule behaviour that needs facts the tester cannot produce yet (Django).
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { collectRepository } from '../../collectors/fact-store.js';
import { runRule } from '../../core/engine.js';
import type { AnyRule } from '../../core/types/rule.js';
import type { DjangoProject } from '../../facts/django.js';
import type { FactStore } from '../../facts/index.js';
import buildStep from './build-step-needs-secrets.js';
import noHealthcheck from './no-healthcheck.js';
import { composeBuildsOf, evaluatedStages, isDevelopmentPath, parseImageRef, stageByName } from './_stages.js';

const roots: string[] = [];

function collect(files: Record<string, string>): FactStore {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-stages-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return collectRepository(root);
}

const STAGED = `FROM python:3.12-slim AS base
RUN pip install --no-cache-dir -r requirements.txt

FROM base AS prod
USER app
CMD ["gunicorn", "app.wsgi"]

FROM base AS dev
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
`;

describe('dockerfile rule helpers', () => {
  after(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  it('classifies development paths', () => {
    assert.equal(isDevelopmentPath('Dockerfile.dev'), true);
    assert.equal(isDevelopmentPath('compose/local/django/Dockerfile'), true);
    assert.equal(isDevelopmentPath('.devcontainer/Dockerfile'), true);
    assert.equal(isDevelopmentPath('compose/production/django/Dockerfile'), false);
    assert.equal(isDevelopmentPath('Dockerfile'), false);
    assert.equal(isDevelopmentPath('docker/Dockerfile.prod'), false);
  });

  it('parses image references', () => {
    assert.deepEqual(parseImageRef('localhost:5000/team/app'), { repository: 'localhost:5000/team/app', name: 'app', tag: null, digest: null });
    assert.deepEqual(parseImageRef('python:3.12-slim@sha256:abc'), { repository: 'python', name: 'python', tag: '3.12-slim', digest: 'sha256:abc' });
  });

  it('resolves compose builds from a compose file in a sub-directory', () => {
    const store = collect({
      'docker/Dockerfile': STAGED,
      'deploy/docker-compose.prod.yml': 'services:\n  web:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n      target: prod\n',
    });
    const df = store.facts.dockerfiles[0];
    const builds = composeBuildsOf(store.facts, df);
    assert.deepEqual(builds.map((b) => [b.service.name.value, b.target]), [['web', 'prod']]);
    assert.equal(stageByName(df, 'PROD')?.index, 1);
  });

  it('evaluates the compose targets of production builds, not the last (development) stage', () => {
    const store = collect({
      Dockerfile: STAGED,
      'docker-compose.prod.yml': 'services:\n  web:\n    build:\n      context: .\n      target: prod\n',
      'docker-compose.dev.yml': 'services:\n  web:\n    build:\n      context: .\n      target: dev\n',
    });
    const { stages, missing } = evaluatedStages(store.facts, store.facts.dockerfiles[0]);
    assert.deepEqual(stages.map((s) => s.target), ['Dockerfile#prod']);
    assert.deepEqual(missing, []);
  });

  it('evaluates the last stage when nothing builds the Dockerfile (skipping a trailing dev stage), and reports unknown targets', () => {
    const plain = collect({ Dockerfile: STAGED, 'web/Dockerfile': STAGED.replace('AS dev', 'AS runtime') });
    const byPath = (p: string) => plain.facts.dockerfiles.find((d) => d.path === p)!;
    assert.deepEqual(evaluatedStages(plain.facts, byPath('Dockerfile')).stages.map((s) => s.target), ['Dockerfile#prod']);
    assert.deepEqual(evaluatedStages(plain.facts, byPath('web/Dockerfile')).stages.map((s) => s.target), ['web/Dockerfile#runtime']);
    const untargeted = collect({ Dockerfile: STAGED, 'docker-compose.yml': 'services:\n  web:\n    build: .\n' });
    assert.deepEqual(evaluatedStages(untargeted.facts, untargeted.facts.dockerfiles[0]).stages.map((s) => s.target), ['Dockerfile#dev']);
    const wrong = collect({ Dockerfile: STAGED, 'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      target: production\n' });
    const checks = runRule(noHealthcheck as AnyRule, wrong);
    assert.ok(checks.some((c) => c.status === 'unknown' && /target "production", which is no stage/.test(c.reason ?? '')));
  });
});

describe('dockerfile/build-step-needs-secrets with Django facts', () => {
  const dockerfile = 'FROM python:3.12-slim\nENV DJANGO_SETTINGS_MODULE=mysite.settings\nRUN python manage.py collectstatic --noinput\n';

  function withSecretKey(store: FactStore, value: DjangoProject['settings'][string]['value']): FactStore {
    const loc = { file: 'mysite/settings.py', line: 3, col: 1, endLine: 3, endCol: 10 };
    const project = {
      root: '',
      settingsModules: [{ module: 'mysite.settings', file: 'mysite/settings.py' }],
      references: [],
      production: { module: 'mysite.settings', file: 'mysite/settings.py', reason: 'only settings module', at: null, ambiguous: false },
      settings: { SECRET_KEY: { name: 'SECRET_KEY', value: { ...value, loc } as DjangoProject['settings'][string]['value'], module: 'mysite.settings' } },
      settingsProblem: null,
      urlconf: null,
      routes: [],
      productionEnv: {},
      dependencies: {},
      asgi: null,
      wsgi: null,
    } as DjangoProject;
    return { ...store, facts: { ...store.facts, django: [project] } };
  }

  it('passes when the settings give SECRET_KEY a default', () => {
    const store = withSecretKey(collect({ Dockerfile: dockerfile }), {
      kind: 'from-env',
      envVar: 'SECRET_KEY',
      whenUnset: { ok: true, value: 'insecure-build-default' },
      whenSet: (raw: string) => ({ ok: true, value: raw }),
      production: null,
      loc: { file: 'mysite/settings.py', line: 3, col: 1, endLine: 3, endCol: 10 },
    });
    const checks = runRule(buildStep as AnyRule, store);
    assert.deepEqual(checks.map((c) => c.status), ['pass']);
    assert.match(checks[0].target, /default when SECRET_KEY is unset/);
  });

  it('fails when SECRET_KEY is required from the environment', () => {
    const store = withSecretKey(collect({ Dockerfile: dockerfile }), {
      kind: 'from-env',
      envVar: 'SECRET_KEY',
      whenUnset: { ok: false, reason: "KeyError: 'SECRET_KEY'" },
      whenSet: (raw: string) => ({ ok: true, value: raw }),
      production: null,
      loc: { file: 'mysite/settings.py', line: 3, col: 1, endLine: 3, endCol: 10 },
    });
    const checks = runRule(buildStep as AnyRule, store);
    assert.deepEqual(checks.map((c) => [c.status, c.messageId, c.severity]), [['fail', 'settingsAtBuild', 'low']]);
  });
});
