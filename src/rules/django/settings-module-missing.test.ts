import { testRule } from '../../../test/rule-tester.js';
import rule from './settings-module-missing.js';
import { BASE_SETTINGS, composeWeb, MANAGE, prod, splitSettingsProject, WSGI } from './_fixture.js';

testRule(rule, {
  good: [
    {
      name: 'every reference exists',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeWeb('mysite.settings.prod', []) }),
    },
    {
      name: 'the production module is made at install time from a committed template (settings.py.example)',
      files: (() => {
        const files = splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeWeb('mysite.settings.production', []) });
        files['mysite/settings/production.py.example'] = prod('DEBUG = False');
        return files;
      })(),
    },
    {
      name: 'manage.py defaults to a git-ignored local module (developer-only)',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'manage.py': MANAGE('mysite.settings.local') }),
    },
  ],
  bad: [
    {
      name: "wsgi.py's setdefault names a missing module while production sets another one (low: only a fallback)",
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'mysite/wsgi.py': WSGI('mysite.settings.missing') }),
      expect: [{ messageId: 'missing', file: 'mysite/wsgi.py', line: 5 }],
    },
    {
      name: 'production compose names a module that is not in the repository',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeWeb('mysite.settings.production', []) }),
      expect: [{ messageId: 'missing', file: 'docker-compose.prod.yml', line: 6 }],
    },
  ],
  notApplicable: [
    {
      name: 'only manage.py names a module',
      files: { 'manage.py': MANAGE('mysite.settings.local'), 'mysite/__init__.py': '', 'mysite/settings/__init__.py': '', 'mysite/settings/base.py': 'DEBUG = False\n' },
    },
  ],
});
