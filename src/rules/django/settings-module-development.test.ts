import { testRule } from '../../../test/rule-tester.js';
import rule from './settings-module-development.js';
import { BASE_SETTINGS, composeWeb, MANAGE, prod, splitSettingsProject, WSGI } from './_fixture.js';

testRule(rule, {
  good: [
    { name: 'wsgi and Dockerfile use prod, manage.py uses dev', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) },
    {
      name: 'wsgi defaults to dev but the production compose file overrides it',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), {
        'mysite/wsgi.py': WSGI('mysite.settings.dev'),
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi:application"]\n',
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', []),
      }),
    },
  ],
  bad: [
    {
      name: 'production compose runs the dev settings',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeWeb('mysite.settings.dev', []) }),
      expect: [{ messageId: 'production', file: 'docker-compose.prod.yml', line: 6 }],
    },
    {
      name: 'wsgi.py defaults to local settings and nothing overrides it',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), {
        'manage.py': MANAGE('mysite.settings.local'),
        'mysite/settings/local.py': 'from .base import *  # noqa\nDEBUG = True\n',
        'mysite/wsgi.py': WSGI('mysite.settings.local'),
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi:application"]\n',
      }),
      expect: [{ messageId: 'appDefault', file: 'mysite/wsgi.py', line: 5 }],
    },
  ],
  notApplicable: [
    {
      name: 'only manage.py names a module',
      files: {
        'manage.py': MANAGE('mysite.settings'),
        'mysite/__init__.py': '',
        'mysite/settings.py': 'DEBUG = False\n',
      },
    },
  ],
});
