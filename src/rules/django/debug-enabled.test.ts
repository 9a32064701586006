import { testRule } from '../../../test/rule-tester.js';
import rule from './debug-enabled.js';
import { singleSettingsProject, splitSettingsProject } from './_fixture.js';

const COMPOSE = (debugLine: string) => `services:
  web:
    build: .
    command: gunicorn mysite.wsgi:application --bind 0.0.0.0:8000
    environment:
      - DJANGO_SETTINGS_MODULE=mysite.settings
${debugLine}
`;

const BASE = `import os

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = []
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
`;

testRule(rule, {
  good: [
    {
      name: 'DEBUG computed from two variables, one set for production (DJANGO_ENV=prod), the other unset',
      files: singleSettingsProject('import os\n\nDJANGO_ENV = os.environ.get("DJANGO_ENV", "dev")\nDEBUG = os.environ.get("DEBUG", "1" if DJANGO_ENV == "dev" else "0") == "1"\n', {
        'docker-compose.yml': COMPOSE('      - DJANGO_ENV=prod'),
      }),
    },
    { name: 'literal DEBUG = False', files: singleSettingsProject('DEBUG = False\nALLOWED_HOSTS = ["example.org"]\n') },
    { name: 'DEBUG not set (Django default False)', files: singleSettingsProject('ALLOWED_HOSTS = ["example.org"]\n') },
    {
      name: 'env-driven DEBUG with compose giving False',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"\n', {
        'docker-compose.yml': COMPOSE('      - DJANGO_DEBUG=False'),
      }),
    },
    {
      name: 'split settings: prod overrides the base DEBUG = True',
      files: splitSettingsProject(BASE, 'from .base import *  # noqa\n\nDEBUG = False\nALLOWED_HOSTS = ["example.org"]\n'),
    },
    {
      // A developer's .env.example stands for the server's env file, whose production copy is not committed.
      name: 'systemd EnvironmentFile on the server; the generic .env.example sets DEBUG=true',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ.get("DEBUG", "false").lower() == "true"\n', {
        '.env.example': 'DEBUG=true\nSECRET_KEY=change-me\n',
        'deploy/systemd/gunicorn.service':
          '[Service]\nEnvironmentFile=/var/www/mysite/.env\nExecStart=/var/www/mysite/venv/bin/gunicorn mysite.wsgi:application --bind unix:/run/gunicorn.sock\n',
      }),
    },
    {
      name: 'the image sets DJANGO_ENV=production; the example env file shows the development value',
      files: singleSettingsProject('import os\n\nDJANGO_ENV = os.environ.get("DJANGO_ENV", "production")\nif DJANGO_ENV == "development":\n    DEBUG = True\nelse:\n    DEBUG = False\n', {
        '.env.example': "DJANGO_ENV=development  # or 'production'\n",
        Dockerfile: 'FROM python:3.12-slim\nENV DJANGO_ENV=production\nCMD ["gunicorn", "mysite.wsgi:application"]\n',
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: .env\n',
      }),
    },
    {
      name: 'env-driven DEBUG defaulting to False, no production value',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"\n'),
    },
  ],
  bad: [
    {
      // cookiecutter-django: the compose command is a script the Dockerfile copies in, which starts gunicorn.
      name: 'the serving service runs /start (a script that starts gunicorn); its env_file turns DEBUG on',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ.get("DJANGO_DEBUG", "False") == "True"\n', {
        'production.yml': 'services:\n  django:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n    image: mysite_production_django\n    env_file:\n      - ./.envs/.production/.django\n    command: /start\n  celeryworker:\n    image: mysite_production_django\n    command: /start-celeryworker\n',
        'compose/production/django/Dockerfile': 'FROM python:3.12-slim\nCOPY --chown=django:django ./compose/production/django/start /start\nRUN chmod +x /start\n',
        'compose/production/django/start': '#!/bin/bash\nset -o errexit\npython /app/manage.py collectstatic --noinput\nexec gunicorn mysite.wsgi --bind 0.0.0.0:5000 --chdir=/app\n',
        'compose/local/django/start': '#!/bin/bash\nexec python manage.py runserver_plus 0.0.0.0:8000\n',
        '.envs/.production/.django': 'DJANGO_DEBUG=True\n',
      }),
      expect: [{ messageId: 'enabled', file: 'mysite/settings.py', line: 3 }],
    },
    {
      // umap-like: the production compose runs the project's published image, whose entrypoint script starts uvicorn.
      name: 'a service running the project image (no build:) sets DEBUG=1',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ.get("DEBUG", "0") == "1"\n', {
        'docker-compose.yml': 'services:\n  db:\n    image: postgis/postgis:16-3.4\n  app:\n    image: mysite/mysite:2.0.2\n    environment:\n      - DEBUG=1\n    depends_on:\n      - db\n',
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /srv/mysite\nCMD ["/srv/mysite/docker/entrypoint.sh"]\n',
        'docker/entrypoint.sh': '#!/bin/sh\nset -eo pipefail\npython manage.py migrate\nexec uvicorn mysite.asgi:application --host 0.0.0.0\n',
      }),
      expect: [{ messageId: 'enabled', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'DEBUG computed from two variables, production sets both and DEBUG on',
      files: singleSettingsProject('import os\n\nDJANGO_ENV = os.environ.get("DJANGO_ENV", "dev")\nDEBUG = os.environ.get("DEBUG", "1" if DJANGO_ENV == "dev" else "0") == "1"\n', {
        'docker-compose.yml': COMPOSE('      - DJANGO_ENV=prod\n      - DEBUG=1'),
      }),
      expect: [{ messageId: 'enabled', file: 'mysite/settings.py', line: 4 }],
    },
    {
      name: 'the settings module is made from a committed template at install time: the template is audited',
      files: (() => {
        const files = singleSettingsProject('');
        delete files['mysite/settings.py'];
        files['mysite/settings.py.example'] = 'import os\n\nDEBUG = True\nALLOWED_HOSTS = ["*"]\n';
        return files;
      })(),
      expect: [{ messageId: 'enabled', file: 'mysite/settings.py.example', line: 3 }],
    },
    {
      name: 'literal DEBUG = True',
      files: singleSettingsProject('import os\n\nDEBUG = True\nALLOWED_HOSTS = ["*"]\n'),
      expect: [{ messageId: 'enabled', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'the string "False" is truthy',
      files: singleSettingsProject('DEBUG = "False"\n'),
      expect: [{ messageId: 'enabled', file: 'mysite/settings.py', line: 1 }],
    },
    {
      name: 'bool(os.environ.get("DEBUG", 0)) with production DEBUG=0 is True',
      files: singleSettingsProject('import os\n\nDEBUG = bool(os.environ.get("DEBUG", 0))\n', {
        'docker-compose.yml': COMPOSE('      - DEBUG=0'),
      }),
      expect: [{ messageId: 'offWordTurnsOn', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'production env sets DEBUG=1',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"\n', {
        'docker-compose.yml': COMPOSE('      - DJANGO_DEBUG=1'),
      }),
      expect: [{ messageId: 'enabled', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'DEBUG defaults to True when the env var is unset',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"\n'),
      expect: [{ messageId: 'defaultTrue', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'bool() around an env read: any value turns DEBUG on',
      files: singleSettingsProject('import os\n\nDEBUG = bool(os.environ.get("DJANGO_DEBUG", ""))\n'),
      expect: [{ messageId: 'envTrap', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'split settings: prod does not override the base DEBUG = True',
      files: splitSettingsProject(BASE, 'from .base import *  # noqa\n\nALLOWED_HOSTS = ["example.org"]\n'),
      expect: [{ messageId: 'enabled', file: 'mysite/settings/base.py', line: 3 }],
    },
  ],
  unknown: [
    {
      name: 'required env var without production value',
      files: singleSettingsProject('import os\n\nDEBUG = os.environ["DJANGO_DEBUG"] == "1"\n'),
      reason: /depends on env var DJANGO_DEBUG/,
    },
  ],
  notApplicable: [{ name: 'no Django project', files: { 'Dockerfile': 'FROM nginx:1.27\n', 'README.md': '# static site\n' } }],
});
