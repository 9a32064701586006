// Tests for the Django collector on realistic projects: production settings choice, production environment,
// evaluated settings, routes, dependencies, parse problems and secrets.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { collectRepository } from '../fact-store.js';
import type { FactStore } from '../../facts/index.js';
import type { DjangoProject, SettingValue } from '../../facts/django.js';
import type { ComposeProject, ComposeService } from '../../facts/compose.js';
import { RepoCollectContext } from './context.js';
import { collectDjango } from './django.js';
import { discoverFiles } from '../fact-store.js';
import { collectEnvFiles } from './env-files.js';

const FIXTURES = 'src/collectors/repo/fixtures/django';
const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-django-'));
  temps.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

function project(store: FactStore): DjangoProject {
  assert.equal(store.facts.django.length, 1, `expected one Django project, got ${store.facts.django.length}`);
  return store.facts.django[0];
}

function fromEnv(v: SettingValue | undefined): Extract<SettingValue, { kind: 'from-env' }> {
  assert.ok(v, 'setting missing');
  assert.equal(v.kind, 'from-env', JSON.stringify(v));
  return v as Extract<SettingValue, { kind: 'from-env' }>;
}

const where = (l: { loc: { file: string; line: number } } | null | undefined) => (l ? `${l.loc.file}:${l.loc.line}` : null);

describe('django collector: cookiecutter-style project (django-environ, compose env_file, include chains)', () => {
  const store = collectRepository(`${FIXTURES}/cookiecutter`);
  const p = project(store);

  it('takes the production module from the serving container environment, and records every reference', () => {
    assert.equal(p.production?.module, 'config.settings.production');
    assert.equal(p.production?.file, 'config/settings/production.py');
    assert.equal(p.production?.ambiguous, false);
    assert.match(p.production?.reason ?? '', /DJANGO_SETTINGS_MODULE in \.envs\/\.production\/\.django \(env_file of compose service django\)/);
    assert.equal(where(p.production?.at), '.envs/.production/.django:3');
    const refs = p.references.map((r) => `${r.module} ${where(r.at)} ${r.exists}`).sort();
    assert.deepEqual(refs, [
      'config.settings.local manage.py:7 true',
      'config.settings.production .envs/.production/.django:3 true',
      'config.settings.production compose/production/django/Dockerfile:10 true',
      'config.settings.production config/wsgi.py:10 true',
    ]);
    assert.ok(store.notes.some((n) => n.startsWith('Audited Django settings module config.settings.production (')));
    assert.equal(p.wsgi, 'config/wsgi.py');
    assert.deepEqual(p.settingsFiles, ['config/settings/production.py', 'config/settings/base.py']);
  });

  it('gathers the production environment in priority order, skipping values Compose cannot interpolate', () => {
    assert.equal(p.productionEnv.DJANGO_SECURE_SSL_REDIRECT.origin, 'compose docker-compose.production.yml service django');
    assert.equal(p.productionEnv.DJANGO_SECRET_KEY.origin, '.envs/.production/.django (env_file of compose service django)');
    assert.equal(where(p.productionEnv.DJANGO_SECRET_KEY.at), '.envs/.production/.django:4');
    assert.equal(p.productionEnv.PYTHONUNBUFFERED.origin, 'compose/production/django/Dockerfile ENV');
    assert.equal(p.productionEnv.SENTRY_DSN, undefined, '${SENTRY_DSN} has no value in the repository');
  });

  it('evaluates settings with their production values', () => {
    const s = p.settings;
    const debug = fromEnv(s.DEBUG.value);
    assert.equal(debug.envVar, 'DJANGO_DEBUG');
    assert.equal(where(debug), 'config/settings/base.py:14');
    assert.deepEqual(debug.whenUnset, { ok: true, value: false });
    assert.deepEqual(debug.production?.value, { ok: true, value: false });
    const ssl = fromEnv(s.SECURE_SSL_REDIRECT.value);
    assert.deepEqual(ssl.whenUnset, { ok: true, value: true });
    assert.deepEqual(ssl.production?.value, { ok: true, value: false }, 'compose sets DJANGO_SECURE_SSL_REDIRECT: "False"');
    const key = fromEnv(s.SECRET_KEY.value);
    assert.equal(key.whenUnset.ok, false);
    assert.equal(s.SECRET_KEY.module, 'config.settings.production');
    assert.deepEqual(fromEnv(s.ALLOWED_HOSTS.value).production?.value, { ok: true, value: ['shop.example.com', 'www.shop.example.com'] });
    // Two variables (DATABASE_URL, CONN_MAX_AGE): unknown as a whole, computable for an environment.
    const db = s.DATABASES.value as Extract<SettingValue, { kind: 'unknown' }>;
    assert.equal(db.kind, 'unknown');
    assert.deepEqual(db.envVars, ['DATABASE_URL', 'CONN_MAX_AGE']);
    const prodEnv = Object.fromEntries(Object.entries(p.productionEnv).map(([k, v]) => [k, v.value]));
    assert.deepEqual(db.evaluate?.(prodEnv), {
      ok: true,
      value: { default: { NAME: 'shop', USER: 'shop', PASSWORD: 'Zq8LwP3vR6tYbN1m', HOST: 'postgres', PORT: 5432, ENGINE: 'django.db.backends.postgresql', ATOMIC_REQUESTS: true, CONN_MAX_AGE: 60 } },
    });
    assert.equal(where(s.DATABASES.keys?.['default.CONN_MAX_AGE']), 'config/settings/production.py:9');
    assert.deepEqual(s.DATABASES.keys?.['default.ATOMIC_REQUESTS'], { kind: 'literal', value: true, loc: s.DATABASES.keys?.['default.ATOMIC_REQUESTS']?.loc });
    assert.equal(s.MEDIA_ROOT.value.kind === 'literal' && s.MEDIA_ROOT.value.value, '<BASE_DIR>/shop/media');
    assert.ok(!JSON.stringify(s.INSTALLED_APPS.value).includes('debug_toolbar'), 'local.py is not production');
  });

  it('lists routes across include(), routers and production-only conditions, with views touching the database', () => {
    const routes = Object.fromEntries(p.routes.map((r) => [r.path, r]));
    assert.deepEqual(Object.keys(routes).sort(), ['', 'api/products/', 'ht/', 'secret-admin/', 'shop/', 'shop/item/(?P<pk>\\d+)/$', 'shop/orders/', 'shop/ping/', 'status/', 'users/<str:username>/']);
    assert.equal(routes['ht/'].viewTouchesDatabase, true, 'health_check.db is installed');
    assert.equal(where(routes['ht/'].at), 'config/urls.py:19');
    // users.urls lives in shop/users (the project puts shop/ on sys.path).
    assert.equal(where(routes['users/<str:username>/'].at), 'shop/users/urls.py:7');
    assert.equal(routes['users/<str:username>/'].view, 'user_detail_view');
    assert.equal(routes['users/<str:username>/'].viewTouchesDatabase, true);
    assert.equal(routes['status/'].viewTouchesDatabase, true);
    assert.equal(routes['status/'].view, 'core_views.status');
    assert.equal(routes['shop/ping/'].viewTouchesDatabase, false);
    assert.equal(where(routes['shop/ping/'].at), 'shop/urls.py:14');
    assert.equal(routes['shop/'].viewTouchesDatabase, true, 'index() calls a helper using .objects');
    assert.equal(routes['shop/item/(?P<pk>\\d+)/$'].regex, true);
    assert.equal(routes['shop/orders/'].viewTouchesDatabase, true);
    assert.equal(routes['api/products/'].viewTouchesDatabase, true);
    assert.equal(routes[''].viewTouchesDatabase, false);
    assert.equal(p.urlconf, 'config/urls.py');
    assert.equal(p.routesProblem, null);
  });

  it('reads runtime dependencies (-r includes followed, development files left out)', () => {
    assert.equal(where(p.dependencies.gunicorn), 'requirements/production.txt:4');
    assert.equal(p.dependencies.gunicorn.value, 'gunicorn==22.0.0');
    assert.equal(where(p.dependencies['django-health-check']), 'requirements/base.txt:5');
    assert.equal(p.dependencies.psycopg.value, 'psycopg[c]==3.1.19 ; sys_platform == "linux"');
    assert.equal(p.dependencies.whitenoise.value, 'whitenoise[brotli]==6.6.0');
    assert.equal(p.dependencies['django-debug-toolbar'], undefined);
  });

  it('registers literal secrets: settings defaults, env file values and URL passwords', () => {
    assert.ok(store.secretValues.has('x8QmBq2lK0vF1dLr9sNzYtW4uHe7cJpA3gXoRiV6bMn5ZkUy'), 'default of env("DJANGO_SECRET_KEY") in local.py');
    assert.ok(store.secretValues.has('Zq8LwP3vR6tYbN1m'));
    assert.ok(store.secretValues.has('changeme-in-the-real-deployment-0123456789'));
  });
});

describe('django collector: the onespirit example (seed 002)', () => {
  const store = collectRepository('examples/onespirit');
  const p = project(store);

  it('audits onespirit_project.settings.prod, named by the compose environment and wsgi.py:14', () => {
    assert.equal(p.production?.module, 'onespirit_project.settings.prod');
    assert.equal(p.production?.file, 'onespirit_project/settings/prod.py');
    assert.equal(p.production?.ambiguous, false);
    const wsgi = p.references.find((r) => r.at.loc.file === 'onespirit_project/wsgi.py');
    assert.equal(wsgi?.at.loc.line, 14);
    assert.equal(wsgi?.module, 'onespirit_project.settings.prod');
    assert.ok(p.references.some((r) => r.at.loc.file === 'manage.py' && r.module === 'onespirit_project.settings.dev'));
    assert.equal(p.settingsProblem, null);
  });

  it('has no MEDIA_ROOT and no /health/ route', () => {
    assert.equal(p.settings.MEDIA_ROOT, undefined);
    assert.equal(p.settings.MEDIA_URL, undefined);
    assert.ok(!p.routes.some((r) => /health/.test(r.path)), p.routes.map((r) => r.path).join(', '));
    assert.deepEqual(p.routes.map((r) => r.path), ['', 'admin/', 'members/', 'members/<int:pk>/', 'accounts/login/', 'accounts/logout/', 'accounts/profile/']);
    assert.equal(p.routesProblem, null, 'the route list is complete, so the absence of /health/ is a fact');
  });

  it('keeps production values and what read_secret() hides', () => {
    const s = p.settings;
    assert.deepEqual(s.DEBUG.value.kind === 'literal' && s.DEBUG.value.value, false);
    assert.equal(where(s.DEBUG.value), 'onespirit_project/settings/prod.py:24');
    assert.equal(s.SECRET_KEY.value.kind, 'unknown');
    assert.match((s.SECRET_KEY.value as { reason: string }).reason, /read_secret\(\) \(defined at onespirit_project\/settings\/base.py:18\)/);
    const hosts = fromEnv(s.ALLOWED_HOSTS.value);
    assert.deepEqual(hosts.whenUnset, { ok: true, value: [''] });
    assert.deepEqual(hosts.production?.value, { ok: true, value: ['onespirit.example.com', 'www.onespirit.example.com'] });
    assert.match(hosts.production?.source.origin ?? '', /\.env\.prod\.example/);
    assert.deepEqual(fromEnv(s.CSRF_TRUSTED_ORIGINS.value).production?.value, { ok: true, value: ['https://onespirit.example.com', 'https://www.onespirit.example.com'] });
    assert.equal(where(s.DATABASES.keys?.['default.ENGINE']), 'onespirit_project/settings/prod.py:83');
    assert.deepEqual(fromEnv(s.EMAIL_USE_TLS.value).production?.value, { ok: true, value: true });
    assert.equal(p.dependencies.gunicorn.value, '"gunicorn>=23.0.0"');
    assert.equal(where(p.dependencies['django-redis']), 'pyproject.toml:9');
  });
});

describe('django collector: single settings.py, python-decouple and the bool() trap', () => {
  const root = tree({
    'manage.py': `#!/usr/bin/env python\nimport os, sys\nif __name__ == '__main__':\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'blog.settings')\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n`,
    'blog/__init__.py': '',
    'blog/settings.py': `import os
from decouple import config, Csv

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = config('SECRET_KEY', default='django-insecure-default-key-1234')
DEBUG = bool(os.environ.get("DEBUG", 0))
ALLOWED_HOSTS = config('ALLOWED_HOSTS', default='localhost', cast=Csv())
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': os.path.join(BASE_DIR, 'db.sqlite3'),
    }
}
STATIC_ROOT = os.path.join(BASE_DIR, 'static')
`,
    'blog/wsgi.py': `import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'blog.settings')\napplication = get_wsgi_application()\n`,
    'blog/urls.py': `from django.urls import path\nfrom . import views\nurlpatterns = [path('health/', views.health)]\n`,
    'blog/views.py': `from django.http import HttpResponse\n\ndef health(request):\n    return HttpResponse('ok')\n`,
    '.env.production': `DEBUG=False\nALLOWED_HOSTS=blog.example.com\n`,
    'Pipfile': `[packages]\ndjango = "*"\npython-decouple = "==3.8"\n\n[dev-packages]\npytest = "*"\n`,
  });
  const store = collectRepository(root);
  const p = project(store);

  it('takes the only settings module via wsgi.py and evaluates DEBUG as Python would', () => {
    assert.equal(p.production?.module, 'blog.settings');
    assert.match(p.production?.reason ?? '', /default in blog\/wsgi.py:3/);
    const debug = fromEnv(p.settings.DEBUG.value);
    assert.deepEqual(debug.whenUnset, { ok: true, value: false });
    assert.equal(debug.production?.source.origin, '.env.production');
    assert.deepEqual(debug.production?.value, { ok: true, value: true }, 'bool("False") is True');
    assert.deepEqual(fromEnv(p.settings.ALLOWED_HOSTS.value).production?.value, { ok: true, value: ['blog.example.com'] });
    assert.deepEqual(p.settings.DATABASES.value.kind === 'literal' && p.settings.DATABASES.value.value, { default: { ENGINE: 'django.db.backends.sqlite3', NAME: '<BASE_DIR>/db.sqlite3' } });
    assert.ok(store.secretValues.has('django-insecure-default-key-1234'));
  });

  it('falls back to the package urls.py and routes /health/ without database access', () => {
    assert.equal(p.urlconf, 'blog/urls.py', 'ROOT_URLCONF is not set: the urls.py next to the settings');
    assert.deepEqual(p.routes.map((r) => [r.path, r.view, r.viewTouchesDatabase, where(r.at)]), [['health/', 'views.health', false, 'blog/urls.py:3']]);
    assert.deepEqual(Object.keys(p.dependencies).sort(), ['django', 'python-decouple']);
    assert.equal(where(p.dependencies['python-decouple']), 'Pipfile:3');
  });
});

describe('django collector: problems are reported, never guessed', () => {
  it('a settings syntax error is a parse problem at its line, and the settings are unknown', () => {
    const root = tree({
      'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n`,
      'app/__init__.py': '',
      'app/settings.py': `DEBUG = False\nALLOWED_HOSTS = ['example.com'\nSECRET_KEY = 'k'\n`,
    });
    const store = collectRepository(root);
    const p = project(store);
    const problem = store.facts.repo.parseProblems.find((x) => x.path === 'app/settings.py');
    assert.ok(problem, JSON.stringify(store.facts.repo.parseProblems));
    assert.equal(problem.as, 'python');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /Python syntax error/);
    assert.match(p.settingsProblem ?? '', /app\/settings.py has a Python syntax error at line 2/);
    assert.equal(p.settings.ALLOWED_HOSTS?.value.kind, 'unknown');
    assert.ok(store.issues.some((i) => i.kind === 'django' && i.file === 'app/settings.py'));
  });

  it('a DJANGO_SETTINGS_MODULE naming a missing module is recorded as such; the wsgi default is audited, marked ambiguous', () => {
    const root = tree({
      'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_cfg.settings.dev')\n`,
      'site_cfg/__init__.py': '',
      'site_cfg/settings/__init__.py': '',
      'site_cfg/settings/dev.py': `DEBUG = True\n`,
      'site_cfg/settings/prod.py': `DEBUG = False\n`,
      'site_cfg/wsgi.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_cfg.settings.prod')\n`,
      'Dockerfile': `FROM python:3.12-slim\nENV DJANGO_SETTINGS_MODULE=site_cfg.settings.production\nCOPY . /app\nCMD ["gunicorn", "site_cfg.wsgi:application"]\n`,
    });
    const p = project(collectRepository(root));
    const docker = p.references.find((r) => r.at.loc.file === 'Dockerfile');
    assert.deepEqual([docker?.module, docker?.at.loc.line, docker?.exists], ['site_cfg.settings.production', 2, false]);
    assert.equal(p.production?.module, 'site_cfg.settings.prod');
    assert.equal(p.production?.ambiguous, true);
    assert.match(p.production?.reason ?? '', /site_cfg\.settings\.production .* is not in the repository/);
  });

  it('without any reference, the production-looking module is chosen and marked ambiguous', () => {
    const root = tree({
      'manage.py': `import sys\n`,
      'proj/__init__.py': '',
      'proj/settings/__init__.py': '',
      'proj/settings/base.py': `DEBUG = True\n`,
      'proj/settings/production.py': `from .base import *\nDEBUG = False\n`,
      'proj/settings/development.py': `from .base import *\n`,
    });
    const p = project(collectRepository(root));
    assert.equal(p.production?.module, 'proj.settings.production');
    assert.equal(p.production?.ambiguous, true);
    assert.equal(p.production?.at, null);
    assert.equal(p.settings.DEBUG.value.kind === 'literal' && p.settings.DEBUG.value.value, false);
  });
});

describe('django collector: command-line settings and class-based settings', () => {
  it('a --settings option on the compose command wins over the environment', () => {
    const root = tree({
      'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'web.settings.dev')\n`,
      'web/__init__.py': '',
      'web/settings/__init__.py': '',
      'web/settings/dev.py': `DEBUG = True\n`,
      'web/settings/staging.py': `DEBUG = False\n`,
      'docker-compose.yml': `services:\n  app:\n    build: .\n    command: python manage.py runserver 0.0.0.0:8000 --settings=web.settings.staging\n    environment:\n      DJANGO_SETTINGS_MODULE: web.settings.dev\n`,
      'Dockerfile': `FROM python:3.12-slim\nCOPY . /app\n`,
    });
    const p = project(collectRepository(root));
    assert.equal(p.production?.module, 'web.settings.staging');
    assert.match(p.production?.reason ?? '', /on the server command in docker-compose.yml:4/);
    assert.ok(p.references.some((r) => r.module === 'web.settings.staging' && where(r.at) === 'docker-compose.yml:4'));
  });

  it('django-configurations classes are reported as not evaluated', () => {
    const root = tree({
      'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\nos.environ.setdefault('DJANGO_CONFIGURATION', 'Dev')\n`,
      'mysite/__init__.py': '',
      'mysite/settings.py': `from configurations import Configuration, values\n\nclass Base(Configuration):\n    DEBUG = False\n\nclass Prod(Base):\n    SECRET_KEY = values.SecretValue()\n`,
    });
    const p = project(collectRepository(root));
    assert.match(p.settingsProblem ?? '', /django-configurations classes \(Base, selected by DJANGO_CONFIGURATION\)/);
  });
});

describe('django collector: systemd deployments and split settings', () => {
  it('reads Environment= of the unit running gunicorn', () => {
    const root = tree({
      'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n`,
      'mysite/__init__.py': '',
      'mysite/settings.py': `import os\nDEBUG = os.environ.get('DJANGO_DEBUG', 'True') == 'True'\n`,
      'deploy/gunicorn.service': `[Unit]\nDescription=gunicorn daemon\n\n[Service]\nUser=www-data\nEnvironment="DJANGO_DEBUG=False" DJANGO_SETTINGS_MODULE=mysite.settings\nExecStart=/srv/venv/bin/gunicorn --workers 3 mysite.wsgi:application\n\n[Install]\nWantedBy=multi-user.target\n`,
    });
    const p = project(collectRepository(root));
    const debug = fromEnv(p.settings.DEBUG.value);
    assert.deepEqual(debug.whenUnset, { ok: true, value: true });
    assert.equal(debug.production?.source.origin, 'deploy/gunicorn.service Environment=');
    assert.equal(where(debug.production?.source.at), 'deploy/gunicorn.service:6');
    assert.equal(debug.production?.source.at.loc.col, 27);
    assert.deepEqual(debug.production?.value, { ok: true, value: false });
    assert.match(p.production?.reason ?? '', /DJANGO_SETTINGS_MODULE in deploy\/gunicorn.service Environment=/);
  });

  it('follows django-split-settings include() with globs', () => {
    const root = tree({
      'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'server.settings')\n`,
      'server/__init__.py': '',
      'server/settings/__init__.py': `from split_settings.tools import include, optional\n\ninclude(\n    'components/*.py',\n    optional('environments/local.py'),\n)\n`,
      'server/settings/components/__init__.py': '',
      'server/settings/components/common.py': `from decouple import config\nDEBUG = config('DJANGO_DEBUG', default=False, cast=bool)\nINSTALLED_APPS = ['django.contrib.admin']\n`,
      'server/settings/components/security.py': `SESSION_COOKIE_SECURE = not DEBUG\n`,
    });
    const p = project(collectRepository(root));
    assert.equal(p.production?.module, 'server.settings');
    const secure = fromEnv(p.settings.SESSION_COOKIE_SECURE.value);
    assert.equal(where(secure), 'server/settings/components/security.py:1');
    assert.deepEqual(secure.whenUnset, { ok: true, value: true });
    assert.deepEqual(secure.whenSet('true'), { ok: true, value: false });
    assert.deepEqual(p.settingsFiles, ['server/settings/__init__.py', 'server/settings/components/__init__.py', 'server/settings/components/common.py', 'server/settings/components/security.py']);
  });
});

describe('django collector: compose service selection (hand-built compose facts)', () => {
  const root = tree({
    'manage.py': `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n`,
    'app/__init__.py': '',
    'app/settings.py': `import os\nDEBUG = os.environ.get('DEBUG') == '1'\n`,
  });
  const loc = (file: string, line: number) => ({ file, line, col: 1, endLine: line, endCol: 1 });
  const service = (file: string, name: string, command: string, env: [string, string, boolean][]): ComposeService =>
    ({
      name: { value: name, loc: loc(file, 2) },
      file,
      image: null,
      build: null,
      command: { value: command, loc: loc(file, 3) },
      entrypoint: null,
      environment: env.map(([k, v, interpolatable], i) => ({
        key: { value: k, loc: loc(file, 5 + i) },
        value: { value: v, loc: loc(file, 5 + i) },
        raw: interpolatable ? v : `\${${k}}`,
        interpolated: interpolatable ? [] : [{ name: k, defaultValue: null, definedIn: null }],
      })),
      envFiles: [],
      envFileRefs: [],
      ports: [],
      volumes: [],
      healthcheck: null,
      dependsOn: [],
      restart: null,
      restartPolicy: null,
      memoryLimit: null,
      cpuLimit: null,
      logging: null,
      privileged: null,
      networkMode: null,
      capAdd: [],
      containerName: null,
      secrets: [],
      profiles: [],
      keys: {},
    }) as unknown as ComposeService;
  const composeProject = (file: string, kind: string, services: ComposeService[]): ComposeProject =>
    ({ file, files: [file], dir: '', purpose: { kind, reason: 'test' }, services, volumes: [], secrets: [], variables: [], interpolationSources: [], envExamples: [] }) as unknown as ComposeProject;

  function run(compose: ComposeProject[]): DjangoProject {
    const ctx = new RepoCollectContext(root, discoverFiles(root));
    ctx.envFiles = collectEnvFiles(ctx);
    const [p] = collectDjango(ctx, { compose, dockerfiles: [] });
    return p;
  }

  it('prefers the production compose file and the gunicorn service over workers and dev files', () => {
    const p = run([
      composeProject('docker-compose.yml', 'development', [service('docker-compose.yml', 'web', 'python manage.py runserver 0.0.0.0:8000', [['DEBUG', '1', true]])]),
      composeProject('docker-compose.prod.yml', 'production', [
        service('docker-compose.prod.yml', 'worker', 'celery -A app worker', [['DEBUG', '1', true]]),
        service('docker-compose.prod.yml', 'web', 'gunicorn app.wsgi:application', [['DEBUG', '0', true]]),
      ]),
    ]);
    const debug = fromEnv(p.settings.DEBUG.value);
    assert.equal(debug.production?.source.origin, 'compose docker-compose.prod.yml service web');
    assert.deepEqual(debug.production?.value, { ok: true, value: false });
  });

  it('gives no production value for a variable Compose cannot interpolate', () => {
    const p = run([composeProject('docker-compose.prod.yml', 'production', [service('docker-compose.prod.yml', 'web', 'gunicorn app.wsgi', [['DEBUG', '', false]])])]);
    assert.equal(fromEnv(p.settings.DEBUG.value).production, null);
    assert.equal(p.productionEnv.DEBUG, undefined);
  });
});
