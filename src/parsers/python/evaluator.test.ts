// Tests for the settings evaluator: Python semantics, environment libraries, imports, branches, locations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Setting, SettingValue } from '../../facts/django.js';
import { settingsOf } from './test-host.js';

function fromEnv(s: Setting | undefined): Extract<SettingValue, { kind: 'from-env' }> {
  assert.ok(s, 'setting missing');
  assert.equal(s.value.kind, 'from-env', `expected from-env, got ${JSON.stringify(s.value)}`);
  return s.value as Extract<SettingValue, { kind: 'from-env' }>;
}

function literal(s: Setting | undefined): unknown {
  assert.ok(s, 'setting missing');
  assert.equal(s.value.kind, 'literal', `expected literal, got ${JSON.stringify(s.value)}`);
  return (s.value as { value: unknown }).value;
}

function unknownReason(s: Setting | undefined): string {
  assert.ok(s, 'setting missing');
  assert.equal(s.value.kind, 'unknown', `expected unknown, got ${JSON.stringify(s.value)}`);
  return (s.value as { reason: string }).reason;
}

const one = (text: string, production: Record<string, string> = {}) => settingsOf({ 'proj/settings.py': text }, 'proj/settings.py', production).settings;

describe('python evaluator: literals and locations', () => {
  it('evaluates literals, containers and implicit concatenation, with the assignment line', () => {
    const s = one(`"""Docstring."""
import os

DEBUG = False
ALLOWED_HOSTS = ['example.com', "www." "example.com"]
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
X = None
lower_case = 1
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'PASSWORD': 'hunter2-long-password',
        'CONN_MAX_AGE': 600,
    }
}
`);
    assert.equal(literal(s.DEBUG), false);
    assert.equal(s.DEBUG.value.loc.line, 4);
    assert.deepEqual(literal(s.ALLOWED_HOSTS), ['example.com', 'www.example.com']);
    assert.deepEqual(literal(s.SECURE_PROXY_SSL_HEADER), ['HTTP_X_FORWARDED_PROTO', 'https']);
    assert.equal(literal(s.SESSION_COOKIE_AGE), 1209600);
    assert.equal(literal(s.X), null);
    assert.equal(s.lower_case, undefined, 'only upper-case names are settings');
    assert.equal(s.DATABASES.value.loc.line, 10);
    assert.equal(s.DATABASES.keys?.['default.PASSWORD']?.loc.line, 13);
    assert.equal(s.DATABASES.keys?.['default.CONN_MAX_AGE']?.loc.line, 14);
    assert.equal(s.ALLOWED_HOSTS.keys?.['1']?.loc.line, 5);
  });

  it('computes BASE_DIR paths from __file__ (pathlib and os.path)', () => {
    const s = settingsOf(
      {
        'proj/settings/base.py': `import os
from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent.parent
OLD_BASE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STATIC_ROOT = BASE_DIR / 'staticfiles'
MEDIA_ROOT = os.path.join(OLD_BASE, 'media')
TEMPLATES = [{'DIRS': [BASE_DIR / 'templates']}]
DB = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
LOGS = str(BASE_DIR.parent / 'logs')
`,
      },
      'proj/settings/base.py',
    ).settings;
    assert.equal(literal(s.BASE_DIR), '<BASE_DIR>');
    assert.equal(literal(s.OLD_BASE), '<BASE_DIR>');
    assert.equal(literal(s.STATIC_ROOT), '<BASE_DIR>/staticfiles');
    assert.equal(literal(s.MEDIA_ROOT), '<BASE_DIR>/media');
    assert.deepEqual(literal(s.TEMPLATES), [{ DIRS: ['<BASE_DIR>/templates'] }]);
    assert.equal(literal(s.DB), 'sqlite:///<BASE_DIR>/db.sqlite3');
    assert.equal(literal(s.LOGS), '/logs');
  });
});

describe('python evaluator: os.environ', () => {
  it('models Python truthiness: bool(os.environ.get("DEBUG", 0)) is True for "0" and "False"', () => {
    const s = one(`import os\nDEBUG = bool(os.environ.get("DEBUG", 0))\n`, { DEBUG: 'False' });
    const v = fromEnv(s.DEBUG);
    assert.equal(v.envVar, 'DEBUG');
    assert.deepEqual(v.whenUnset, { ok: true, value: false });
    assert.deepEqual(v.whenSet('0'), { ok: true, value: true });
    assert.deepEqual(v.whenSet('False'), { ok: true, value: true });
    assert.deepEqual(v.whenSet(''), { ok: true, value: false });
    assert.deepEqual(v.production?.value, { ok: true, value: true });
  });

  it('compares strings exactly: os.environ.get("DEBUG") == "True"', () => {
    const v = fromEnv(one(`import os\nDEBUG = os.environ.get('DEBUG') == 'True'\n`).DEBUG);
    assert.deepEqual(v.whenUnset, { ok: true, value: false });
    assert.deepEqual(v.whenSet('True'), { ok: true, value: true });
    assert.deepEqual(v.whenSet('true'), { ok: true, value: false });
  });

  it('reports KeyError for os.environ[...] when unset, and os.getenv defaults', () => {
    const s = one(`from os import environ, getenv\nSECRET_KEY = environ['SECRET_KEY']\nLEVEL = getenv('LEVEL', 'info').upper()\nHOSTS = environ.get('HOSTS', 'a, b').split(',')\nPORT = int(getenv('PORT', '5432'))\n`);
    const sk = fromEnv(s.SECRET_KEY);
    assert.equal(sk.whenUnset.ok, false);
    assert.match((sk.whenUnset as { reason: string }).reason, /KeyError: 'SECRET_KEY'/);
    assert.deepEqual(sk.whenSet('abc'), { ok: true, value: 'abc' });
    assert.deepEqual(fromEnv(s.LEVEL).whenUnset, { ok: true, value: 'INFO' });
    assert.deepEqual(fromEnv(s.HOSTS).whenUnset, { ok: true, value: ['a', ' b'] });
    assert.deepEqual(fromEnv(s.PORT).whenSet('x'), { ok: false, reason: "ValueError: invalid literal for int() with base 10: 'x'" });
  });

  it('None has no .split(): os.environ.get("DJANGO_ALLOWED_HOSTS").split(" ") raises when unset', () => {
    const v = fromEnv(one(`import os\nALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS").split(" ")\n`).ALLOWED_HOSTS);
    assert.deepEqual(v.whenUnset, { ok: false, reason: "AttributeError: 'NoneType' object has no attribute 'split'" });
    assert.deepEqual(v.whenSet('a.com b.com'), { ok: true, value: ['a.com', 'b.com'] });
  });

  it('an unknown default only matters when the variable is unset', () => {
    const v = fromEnv(one(`import os\nfrom django.core.management.utils import get_random_secret_key\nSECRET_KEY = os.getenv('SECRET_KEY', get_random_secret_key())\n`).SECRET_KEY);
    assert.deepEqual(v.whenUnset, { ok: false, reason: 'a random key generated each time the settings load' });
    assert.deepEqual(v.whenSet('k'), { ok: true, value: 'k' });
  });

  it('honours os.environ.setdefault before a read', () => {
    const v = fromEnv(one(`import os\nos.environ.setdefault('DEBUG', 'yes')\nDEBUG = os.environ['DEBUG'] == 'yes'\n`).DEBUG);
    assert.deepEqual(v.whenUnset, { ok: true, value: true });
    assert.deepEqual(v.whenSet('no'), { ok: true, value: false });
  });

  it('lower().strip() in (...) and `in os.environ`', () => {
    const s = one(`import os\nDEBUG = os.environ.get('DEBUG', 'false').lower().strip() in ('1', 'true', 'yes')\nSENTRY = 'SENTRY_DSN' in os.environ\n`);
    assert.deepEqual(fromEnv(s.DEBUG).whenSet(' TRUE '), { ok: true, value: true });
    assert.deepEqual(fromEnv(s.DEBUG).whenUnset, { ok: true, value: false });
    assert.deepEqual(fromEnv(s.SENTRY).whenSet(''), { ok: true, value: true });
    assert.deepEqual(fromEnv(s.SENTRY).whenUnset, { ok: true, value: false });
  });

  it('settings selected by another variable depend on it; combined ones can be evaluated for an environment', () => {
    const files = {
      'proj/settings/__init__.py': `import os\nif os.environ.get('DJANGO_ENV', 'development') == 'production':\n    from .production import *\nelse:\n    from .development import *\n`,
      'proj/settings/production.py': `import os\nDEBUG = False\nSECRET_KEY = os.environ['SECRET_KEY']\n`,
      'proj/settings/development.py': `DEBUG = True\nSECRET_KEY = 'dev-only-insecure-key'\n`,
    };
    const known = settingsOf(files, 'proj/settings/__init__.py', { DJANGO_ENV: 'production' }).settings;
    const debug = fromEnv(known.DEBUG);
    assert.equal(debug.envVar, 'DJANGO_ENV');
    assert.deepEqual(debug.production?.value, { ok: true, value: false });
    assert.deepEqual(debug.whenUnset, { ok: true, value: true });
    assert.deepEqual((known.SECRET_KEY.value as { envVars?: string[] }).envVars, ['DJANGO_ENV', 'SECRET_KEY']);
    const evaluate = (known.SECRET_KEY.value as { evaluate?: (e: Record<string, string>) => unknown }).evaluate;
    assert.deepEqual(evaluate?.({}), { ok: true, value: 'dev-only-insecure-key' });
    assert.deepEqual(evaluate?.({ DJANGO_ENV: 'production' }), { ok: false, reason: "KeyError: 'SECRET_KEY'" });
    assert.deepEqual(evaluate?.({ DJANGO_ENV: 'production', SECRET_KEY: 'k' }), { ok: true, value: 'k' });
  });

  it('a value combining several variables is unknown, naming them', () => {
    const s = one(`import os\nURL = os.environ.get('HOST', 'localhost') + ':' + os.environ.get('PORT', '80')\n`);
    assert.match(unknownReason(s.URL), /several environment variables \(HOST, PORT\)/);
    assert.deepEqual((s.URL.value as { envVars?: string[] }).envVars, ['HOST', 'PORT']);
  });
});

describe('python evaluator: django-environ', () => {
  it('uses scheme casts and defaults, and parses booleans like django-environ', () => {
    const s = one(`import environ
env = environ.Env(DEBUG=(bool, False), ALLOWED_HOSTS=(list, []))
environ.Env.read_env()
DEBUG = env('DEBUG')
ALLOWED_HOSTS = env('ALLOWED_HOSTS')
SECRET_KEY = env('SECRET_KEY')
SSL = env.bool('SSL', default=True)
TIMEOUT = env.int('TIMEOUT', 30)
ADMINS = env.list('ADMINS', default=['a@example.com'])
STRING_DEFAULT = env.bool('STRING_DEFAULT', default='False')
`);
    const debug = fromEnv(s.DEBUG);
    assert.deepEqual(debug.whenUnset, { ok: true, value: false });
    for (const [raw, want] of [['True', true], ['on', true], ['ok', true], ['1', true], ['0', false], ['off', false], ['no', false], ['2', true]] as const) {
      assert.deepEqual(debug.whenSet(raw), { ok: true, value: want }, raw);
    }
    assert.deepEqual(fromEnv(s.ALLOWED_HOSTS).whenSet('a.com,b.com,'), { ok: true, value: ['a.com', 'b.com'] });
    assert.deepEqual(fromEnv(s.ALLOWED_HOSTS).whenUnset, { ok: true, value: [] });
    assert.deepEqual(fromEnv(s.SECRET_KEY).whenUnset, { ok: false, reason: 'ImproperlyConfigured: Set the SECRET_KEY environment variable' });
    assert.deepEqual(fromEnv(s.SSL).whenUnset, { ok: true, value: true });
    assert.deepEqual(fromEnv(s.TIMEOUT).whenSet('45'), { ok: true, value: 45 });
    assert.deepEqual(fromEnv(s.ADMINS).whenUnset, { ok: true, value: ['a@example.com'] });
    // A default equal to the value is returned unparsed: the string 'False' (truthy in Python).
    assert.deepEqual(fromEnv(s.STRING_DEFAULT).whenUnset, { ok: true, value: 'False' });
  });

  it('builds DATABASES from env.db() and CACHES from env.cache()', () => {
    const s = one(`import environ
env = environ.Env()
DATABASES = {'default': env.db('DATABASE_URL', default='postgres://app:pw-long-enough@db:5432/app')}
DATABASES['default']['CONN_MAX_AGE'] = env.int('CONN_MAX_AGE', default=60)
CACHES = {'default': env.cache('REDIS_URL', default='redis://redis:6379/1')}
`);
    const db = s.DATABASES;
    assert.equal(db.value.kind, 'unknown', 'two variables: DATABASE_URL and CONN_MAX_AGE');
    const v = db.value as Extract<SettingValue, { kind: 'unknown' }>;
    assert.deepEqual(v.envVars, ['DATABASE_URL', 'CONN_MAX_AGE']);
    assert.deepEqual(v.evaluate?.({ CONN_MAX_AGE: '0' }), {
      ok: true,
      value: { default: { NAME: 'app', USER: 'app', PASSWORD: 'pw-long-enough', HOST: 'db', PORT: 5432, ENGINE: 'django.db.backends.postgresql', CONN_MAX_AGE: 0 } },
    });
    const cma = db.keys?.['default.CONN_MAX_AGE'] as Extract<SettingValue, { kind: 'from-env' }>;
    assert.equal(cma.loc.line, 4);
    assert.equal(cma.envVar, 'CONN_MAX_AGE');
    assert.deepEqual(cma.whenUnset, { ok: true, value: 60 });
    const cache = fromEnv(s.CACHES);
    assert.deepEqual(cache.whenUnset, { ok: true, value: { default: { BACKEND: 'django_redis.cache.RedisCache', LOCATION: 'redis://redis:6379/1' } } });
  });
});

describe('python evaluator: python-decouple and dj-database-url', () => {
  it('casts like decouple (default cast too, ValueError on unknown words, Csv)', () => {
    const s = one(`from decouple import config, Csv
import dj_database_url
DEBUG = config('DEBUG', default=False, cast=bool)
ALLOWED_HOSTS = config('ALLOWED_HOSTS', default='localhost', cast=Csv())
SECRET_KEY = config('SECRET_KEY')
DATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3', conn_max_age=600)}
`);
    const debug = fromEnv(s.DEBUG);
    assert.deepEqual(debug.whenUnset, { ok: true, value: false });
    assert.deepEqual(debug.whenSet('On'), { ok: true, value: true });
    assert.deepEqual(debug.whenSet('maybe'), { ok: false, reason: 'ValueError: Not a boolean: maybe' });
    assert.deepEqual(fromEnv(s.ALLOWED_HOSTS).whenSet('a.com, b.com'), { ok: true, value: ['a.com', 'b.com'] });
    assert.match((fromEnv(s.SECRET_KEY).whenUnset as { reason: string }).reason, /UndefinedValueError: SECRET_KEY not found/);
    const db = fromEnv(s.DATABASES);
    assert.equal(db.envVar, 'DATABASE_URL');
    const prod = db.whenSet('postgres://u:p@pg:5432/app?sslmode=require') as { ok: true; value: { default: Record<string, unknown> } };
    assert.equal(prod.value.default.ENGINE, 'django.db.backends.postgresql');
    assert.equal(prod.value.default.CONN_MAX_AGE, 600);
    assert.deepEqual(prod.value.default.OPTIONS, { sslmode: 'require' });
    assert.equal((db.whenUnset as { ok: true; value: { default: Record<string, unknown> } }).value.default.ENGINE, 'django.db.backends.sqlite3');
  });
});

describe('python evaluator: modules, branches, mutation', () => {
  const split = {
    'proj/__init__.py': '',
    'proj/settings/__init__.py': '',
    'proj/settings/base.py': `import os
DEBUG = os.environ.get('DJANGO_DEBUG', 'False') == 'True'
INSTALLED_APPS = ['django.contrib.admin', 'django.contrib.auth']
MIDDLEWARE = ['django.middleware.security.SecurityMiddleware']
LOGGING = {'version': 1, 'handlers': {'console': {'class': 'logging.StreamHandler'}, 'file': {'class': 'x'}}}
`,
    'proj/settings/dev.py': `from .base import *
INSTALLED_APPS += ['debug_toolbar']
LOGGING['handlers'].pop('file')
`,
    'proj/settings/prod.py': `from .base import *  # noqa
from proj.settings.base import MIDDLEWARE as BASE_MIDDLEWARE
INSTALLED_APPS += ['storages']
INSTALLED_APPS.append('health_check')
MIDDLEWARE.insert(1, 'whitenoise.middleware.WhiteNoiseMiddleware')
LOGGING['handlers']['mail_admins'] = {'class': 'django.utils.log.AdminEmailHandler'}
if DEBUG:
    INSTALLED_APPS += ['debug_toolbar']
try:
    from .local import *
except ImportError:
    LOCAL = False
`,
  };

  it('follows star imports and keeps mutations in their own module', () => {
    const { settings: s } = settingsOf(split, 'proj/settings/prod.py');
    assert.equal(s.MIDDLEWARE.module, 'proj.settings.prod');
    assert.deepEqual(literal(s.MIDDLEWARE), ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware']);
    assert.equal(s.MIDDLEWARE.keys?.['1']?.loc.line, 5);
    assert.deepEqual(literal(s.BASE_MIDDLEWARE), ['django.middleware.security.SecurityMiddleware']);
    assert.equal(s.BASE_MIDDLEWARE.module, 'proj.settings.base');
    assert.deepEqual(Object.keys((literal(s.LOGGING) as { handlers: object }).handlers), ['console', 'file', 'mail_admins'], 'dev.py popping "file" does not leak into prod');
    assert.equal(s.LOGGING.keys?.['handlers.mail_admins']?.loc.line, 6);
    assert.equal(literal(s.LOCAL), false, 'the missing .local module runs the except branch');
    const apps = fromEnv(s.INSTALLED_APPS);
    assert.deepEqual(apps.whenUnset, { ok: true, value: ['django.contrib.admin', 'django.contrib.auth', 'storages', 'health_check'] });
    assert.deepEqual(apps.whenSet('True'), { ok: true, value: ['django.contrib.admin', 'django.contrib.auth', 'storages', 'health_check', 'debug_toolbar'] });
  });

  it('imports a local module that exists', () => {
    const { settings: s } = settingsOf({ ...split, 'proj/settings/local.py': 'DEBUG = True\n' }, 'proj/settings/prod.py');
    assert.equal(literal(s.DEBUG), true);
    assert.equal(s.DEBUG.module, 'proj.settings.local');
    assert.equal(s.LOCAL, undefined);
  });

  it('a conditional raise guards the value: `if not SECRET_KEY: raise`', () => {
    const s = one(`import os
from django.core.exceptions import ImproperlyConfigured
SECRET_KEY = os.environ.get('SECRET_KEY', '')
if not SECRET_KEY:
    raise ImproperlyConfigured('SECRET_KEY is required')
`);
    const v = fromEnv(s.SECRET_KEY);
    assert.equal(v.whenUnset.ok, false);
    assert.match((v.whenUnset as { reason: string }).reason, /ImproperlyConfigured: SECRET_KEY is required \(raised at proj\/settings.py:5\)/);
    assert.deepEqual(v.whenSet('s3cret-value'), { ok: true, value: 's3cret-value' });
  });

  it('try/except KeyError around os.environ[...] picks the handler when unset', () => {
    const s = one(`import os
try:
    SECRET_KEY = os.environ['SECRET_KEY']
except KeyError:
    SECRET_KEY = 'insecure-fallback-key'
`);
    const v = fromEnv(s.SECRET_KEY);
    assert.deepEqual(v.whenUnset, { ok: true, value: 'insecure-fallback-key' });
    assert.deepEqual(v.whenSet('real-key-value'), { ok: true, value: 'real-key-value' });
  });

  it('if/elif/else on a known value runs only the taken branch', () => {
    const s = one(`ENV = 'production'\nif ENV == 'dev':\n    DEBUG = True\nelif ENV == 'production':\n    DEBUG = False\nelse:\n    DEBUG = None\n`);
    assert.equal(literal(s.DEBUG), false);
    assert.equal(s.DEBUG.value.loc.line, 5);
  });

  it('names assigned under an unevaluable condition are unknown, with the reason', () => {
    const s = one(`import socket\nif socket.gethostname() == 'prod':\n    DEBUG = False\nelse:\n    DEBUG = True\n`);
    assert.match(unknownReason(s.DEBUG), /assigned under "if socket.gethostname\(\) == 'prod'"/);
  });

  it('comprehensions over environment-derived lists stay environment-dependent', () => {
    const s = one(`import os\nALLOWED_HOSTS = os.getenv('ALLOWED_HOSTS', '').split(',')\nCSRF_TRUSTED_ORIGINS = [f'https://{h}' for h in ALLOWED_HOSTS if h]\nAPPS = [a for a in ['x', 'y']]\n`);
    const v = fromEnv(s.CSRF_TRUSTED_ORIGINS);
    assert.deepEqual(v.whenUnset, { ok: true, value: [] });
    assert.deepEqual(v.whenSet('a.com,b.com'), { ok: true, value: ['https://a.com', 'https://b.com'] });
    assert.deepEqual(literal(s.APPS), ['x', 'y']);
  });

  it('evaluates straight-line helper functions and reports others as unknown', () => {
    const s = one(`import os
def env_bool(name, default=False):
    """Reads a boolean."""
    value = os.environ.get(name, str(default))
    return value.lower() in ('1', 'true', 'yes')

def read_secret(name):
    try:
        with open(f'/run/secrets/{name}') as f:
            return f.read().strip()
    except FileNotFoundError:
        return os.environ.get(name.upper())

DEBUG = env_bool('DEBUG')
SECURE_SSL_REDIRECT = env_bool('SSL', True)
SECRET_KEY = read_secret('secret_key')
`);
    assert.deepEqual(fromEnv(s.DEBUG).whenUnset, { ok: true, value: false });
    assert.deepEqual(fromEnv(s.DEBUG).whenSet('Yes'), { ok: true, value: true });
    assert.deepEqual(fromEnv(s.SECURE_SSL_REDIRECT).whenUnset, { ok: true, value: true });
    assert.match(unknownReason(s.SECRET_KEY), /read_secret\(\) \(defined at proj\/settings.py:7\)/);
  });

  it('evaluates the try/except KeyError helper and eval() of environment strings', () => {
    const s = one(`import os
from django.core.exceptions import ImproperlyConfigured


def get_env_variable(var_name):
    """Get the environment variable or return exception."""
    try:
        return os.environ[var_name]
    except KeyError:
        error_msg = "Set the %s environment variable" % var_name
        raise ImproperlyConfigured(error_msg)


SECRET_KEY = get_env_variable('SECRET_KEY')
DEBUG = eval(os.environ.get('DEBUG', 'False'))
`);
    const key = fromEnv(s.SECRET_KEY);
    assert.deepEqual(key.whenUnset, { ok: false, reason: 'ImproperlyConfigured: Set the SECRET_KEY environment variable' });
    assert.deepEqual(key.whenSet('abc'), { ok: true, value: 'abc' });
    const debug = fromEnv(s.DEBUG);
    assert.deepEqual(debug.whenUnset, { ok: true, value: false });
    assert.deepEqual(debug.whenSet('True'), { ok: true, value: true });
    assert.equal(debug.whenSet('yes').ok, false);
  });

  it('dict.update, setdefault, extend and del keep values and locations', () => {
    const s = one(`CACHES = {'default': {'BACKEND': 'locmem'}}
CACHES.update({'sessions': {'BACKEND': 'redis'}})
CACHES['default'].setdefault('TIMEOUT', 300)
APPS = ['a']
APPS.extend(['b', 'c'])
del CACHES['sessions']
X = [1, 2]
X[0] = 5
`);
    assert.deepEqual(literal(s.CACHES), { default: { BACKEND: 'locmem', TIMEOUT: 300 } });
    assert.equal(s.CACHES.keys?.['default.TIMEOUT']?.loc.line, 3);
    assert.deepEqual(literal(s.APPS), ['a', 'b', 'c']);
    assert.equal(s.APPS.keys?.['2']?.loc.line, 5);
    assert.deepEqual(literal(s.X), [5, 2]);
  });

  it('django-split-settings include() runs component files in one namespace', () => {
    const { settings: s } = settingsOf(
      {
        'proj/settings/__init__.py': `from split_settings.tools import include, optional\ninclude('components/base.py', 'components/*.py', optional('local.py'))\n`,
        'proj/settings/components/base.py': `DEBUG = False\nINSTALLED_APPS = ['a']\n`,
        'proj/settings/components/security.py': `INSTALLED_APPS += ['b']\nSECURE_SSL_REDIRECT = not DEBUG\n`,
      },
      'proj/settings/__init__.py',
    );
    assert.deepEqual(literal(s.INSTALLED_APPS), ['a', 'b']);
    assert.equal(literal(s.SECURE_SSL_REDIRECT), true);
    assert.equal(s.SECURE_SSL_REDIRECT.value.loc.file, 'proj/settings/components/security.py');
  });

  it('a syntax error makes the module unknown instead of guessing', () => {
    const { settings: s, result } = settingsOf(
      {
        'proj/settings/base.py': `DEBUG = False\nALLOWED_HOSTS = ['a']\n`,
        'proj/settings/prod.py': `from .base import *\nDEBUG = (True\nSECRET_KEY = 'x'\n`,
      },
      'proj/settings/prod.py',
    );
    assert.ok(result.source.tree.syntaxError);
    assert.match(unknownReason(s.DEBUG), /syntax error/);
    assert.deepEqual(literal(s.ALLOWED_HOSTS), ['a'], 'settings from the clean base module keep their values');
  });

  it('a module-level failure whatever the environment is reported', () => {
    const { result } = settingsOf({ 'proj/settings.py': `from .missing_module import *\n` }, 'proj/settings.py');
    assert.equal(result.failure?.exc, 'ModuleNotFoundError');
  });

  it('sys.argv test checks are false in production', () => {
    const s = one(`import sys\nTESTING = len(sys.argv) > 1 and sys.argv[1] == 'test'\nIN_TEST = 'test' in sys.argv\n`);
    assert.equal(literal(s.TESTING), false);
    assert.equal(literal(s.IN_TEST), false);
  });
});

describe('python evaluator: real-world patterns (paperless-ngx style helpers)', () => {
  const { settings: s } = settingsOf(
    {
      'src/paperless/settings.py': `import json
import os
from pathlib import Path
from typing import Final, Optional

from django.utils.translation import gettext_lazy as _
from decouple import config


def __get_boolean(key: str, default: str = "NO") -> bool:
    return bool(os.getenv(key, default).lower() in ("yes", "y", "1", "t", "true"))


def __get_int(key: str, default: int) -> int:
    return int(os.getenv(key, default))


def __get_list(key: str, default: Optional[list[str]] = None, sep: str = ",") -> list[str]:
    if key in os.environ:
        return list(filter(None, os.environ[key].split(sep)))
    elif default is not None:
        return default
    else:
        return []


def __get_path(key, default):
    if key in os.environ:
        return Path(os.environ[key]).resolve()
    return Path(default).resolve()


DEBUG = config("PAPERLESS_DEBUG", default=True, cast=bool)
BASE_DIR: Path = Path(__file__).resolve().parent.parent
MEDIA_ROOT = __get_path("PAPERLESS_MEDIA_ROOT", BASE_DIR.parent / "media")
env_apps = __get_list("PAPERLESS_APPS")
INSTALLED_APPS = ["django.contrib.auth", "paperless", *env_apps]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.csrf.CsrfViewMiddleware"]
if __get_boolean("PAPERLESS_ENABLE_COMPRESSION", "yes"):
    MIDDLEWARE.insert(0, "compression_middleware.middleware.CompressionMiddleware")


def _parse_remote_user_settings() -> str:
    global MIDDLEWARE
    enable = __get_boolean("PAPERLESS_ENABLE_HTTP_REMOTE_USER")
    if enable:
        MIDDLEWARE.append("paperless.auth.HttpRemoteUserMiddleware")
    return os.getenv("PAPERLESS_HTTP_REMOTE_USER_HEADER_NAME", "HTTP_REMOTE_USER")


HTTP_REMOTE_USER_HEADER_NAME = _parse_remote_user_settings()
X_FRAME_OPTIONS = "ANY" if DEBUG else "SAMEORIGIN"
ALLOWED_HOSTS = __get_list("PAPERLESS_ALLOWED_HOSTS", ["*"])
if ["*"] != ALLOWED_HOSTS:
    ALLOWED_HOSTS.append("localhost")
SECURE_PROXY_SSL_HEADER = (
    tuple(json.loads(os.environ["PAPERLESS_PROXY_SSL_HEADER"]))
    if "PAPERLESS_PROXY_SSL_HEADER" in os.environ
    else None
)
SECRET_KEY = os.getenv(
    "PAPERLESS_SECRET_KEY",
    "e11fl1oa-*ytql8p)(06fbj4ukrlo+n7k&q5+$1md7i+mge=ee",
)
CELERY_WORKER_CONCURRENCY: Final[int] = __get_int("PAPERLESS_TASK_WORKERS", 1)
LANGUAGES = [("en-us", _("English (US)")), ("de-de", _("German"))]
FILENAME_PARSE_TRANSFORMS = []
for t in json.loads(os.getenv("PAPERLESS_FILENAME_PARSE_TRANSFORMS", "[]")):
    FILENAME_PARSE_TRANSFORMS.append((t["pattern"], t["repl"]))
EMPTY_TRASH_DELAY = max(__get_int("PAPERLESS_EMPTY_TRASH_DELAY", 30), 1)
`,
    },
    'src/paperless/settings.py',
  );

  it('evaluates typed helper functions with if/elif/else returns', () => {
    const debug = fromEnv(s.DEBUG);
    assert.deepEqual(debug.whenUnset, { ok: true, value: true });
    assert.deepEqual(fromEnv(s.MEDIA_ROOT).whenUnset, { ok: true, value: '<BASE_DIR>/media' });
    assert.deepEqual(fromEnv(s.MEDIA_ROOT).whenSet('/data/media/'), { ok: true, value: '/data/media' });
    const hosts = fromEnv(s.ALLOWED_HOSTS);
    assert.deepEqual(hosts.whenUnset, { ok: true, value: ['*'] });
    assert.deepEqual(hosts.whenSet('a.com,,b.com'), { ok: true, value: ['a.com', 'b.com', 'localhost'] });
    assert.deepEqual(fromEnv(s.X_FRAME_OPTIONS).whenSet('false'), { ok: true, value: 'SAMEORIGIN' });
    assert.deepEqual(fromEnv(s.SECURE_PROXY_SSL_HEADER).whenSet('["HTTP_X_FORWARDED_PROTO", "https"]'), { ok: true, value: ['HTTP_X_FORWARDED_PROTO', 'https'] });
    assert.deepEqual(fromEnv(s.SECURE_PROXY_SSL_HEADER).whenUnset, { ok: true, value: null });
    assert.deepEqual(fromEnv(s.SECRET_KEY).whenUnset, { ok: true, value: 'e11fl1oa-*ytql8p)(06fbj4ukrlo+n7k&q5+$1md7i+mge=ee' });
    assert.deepEqual(fromEnv(s.CELERY_WORKER_CONCURRENCY).whenUnset, { ok: true, value: 1 });
    assert.deepEqual(literal(s.LANGUAGES), [['en-us', 'English (US)'], ['de-de', 'German']]);
    assert.deepEqual(fromEnv(s.EMPTY_TRASH_DELAY).whenSet('0'), { ok: true, value: 1 });
    assert.deepEqual(fromEnv(s.INSTALLED_APPS).whenSet('extra_app'), { ok: true, value: ['django.contrib.auth', 'paperless', 'extra_app'] });
  });

  it('a function changing module globals it was not evaluated for makes them unknown', () => {
    assert.match(unknownReason(s.MIDDLEWARE), /MIDDLEWARE may be changed by _parse_remote_user_settings\(\)/);
    assert.match(unknownReason(s.HTTP_REMOTE_USER_HEADER_NAME), /_parse_remote_user_settings\(\)/);
    assert.match(unknownReason(s.FILENAME_PARSE_TRANSFORMS), /for loop/);
  });
});

