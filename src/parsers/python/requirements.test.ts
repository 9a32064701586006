// Tests for requirements.txt / pyproject.toml / Pipfile dependency reading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeName, parsePipfile, parsePyproject, parseRequirements } from './requirements.js';

describe('requirements parsing', () => {
  it('reads names, versions, extras, markers, URLs and -r includes with their positions', () => {
    const r = parseRequirements(
      'requirements/production.txt',
      `# comment line
-r base.txt
--requirement=extra.txt
Django>=4.2,<5.0  # web framework
  django_redis[hiredis]==5.4.0 ; python_version >= "3.8"
gunicorn \\
    --hash=sha256:abc
psycopg @ https://example.com/psycopg-3.1.tar.gz
-e git+https://github.com/org/django-health-check.git#egg=django-health-check
--index-url https://pypi.org/simple
Sentry.SDK==2.0
`,
    );
    assert.deepEqual(r.includes, ['base.txt', 'extra.txt']);
    const byName = Object.fromEntries(r.requirements.map((x) => [x.name, x.spec]));
    assert.deepEqual(Object.keys(byName), ['django', 'django-redis', 'gunicorn', 'psycopg', 'django-health-check', 'sentry-sdk']);
    assert.equal(byName.django.value, 'Django>=4.2,<5.0');
    assert.deepEqual([byName.django.loc.line, byName.django.loc.col], [4, 1]);
    assert.equal(byName['django-redis'].value, 'django_redis[hiredis]==5.4.0 ; python_version >= "3.8"');
    assert.deepEqual([byName['django-redis'].loc.line, byName['django-redis'].loc.col], [5, 3]);
    assert.equal(byName.gunicorn.loc.line, 6);
  });

  it('normalises names as PEP 503 does', () => {
    assert.equal(normalizeName('Django_Health.Check'), 'django-health-check');
  });

  it('reads PEP 621 and Poetry runtime dependencies, not development groups', () => {
    const pep621 = parsePyproject(
      'pyproject.toml',
      `[project]
name = "app"
dependencies = [
    "django>=5.1",
    'whitenoise[brotli]',  # static files
]

[project.optional-dependencies]
dev = ["pytest"]

[dependency-groups]
dev = ["ruff"]
`,
    );
    assert.deepEqual(pep621.map((r) => [r.name, r.spec.value, r.spec.loc.line, r.spec.loc.col]), [
      ['django', '"django>=5.1"', 4, 5],
      ['whitenoise', "'whitenoise[brotli]'", 5, 5],
    ]);
    const poetry = parsePyproject(
      'pyproject.toml',
      `[tool.poetry]
name = "shop"

[tool.poetry.dependencies]
python = "^3.11"
Django = "^4.2"
"django-environ" = {version = "^0.11", extras = []}

[tool.poetry.group.dev.dependencies]
pytest = "^8"
`,
    );
    assert.deepEqual(poetry.map((r) => [r.name, r.spec.loc.line]), [
      ['django', 6],
      ['django-environ', 7],
    ]);
  });

  it('reads Pipfile [packages] only', () => {
    const p = parsePipfile('Pipfile', `[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\ndjango = "*"\ngunicorn = "==22.0"\n\n[dev-packages]\nblack = "*"\n`);
    assert.deepEqual(p.map((r) => [r.name, r.spec.loc.line]), [
      ['django', 5],
      ['gunicorn', 6],
    ]);
  });
});
