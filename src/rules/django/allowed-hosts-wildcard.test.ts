import { testRule } from '../../../test/rule-tester.js';
import rule from './allowed-hosts-wildcard.js';
import { composeWeb, singleSettingsProject } from './_fixture.js';

const FROM_ENV = 'import os\n\nDEBUG = False\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")\n';

testRule(rule, {
  good: [
    { name: 'explicit domains', files: singleSettingsProject('DEBUG = False\nALLOWED_HOSTS = ["shop.example.org", "www.shop.example.org"]\n') },
    {
      name: 'domains from the production compose environment',
      files: singleSettingsProject(FROM_ENV, { 'docker-compose.yml': composeWeb('mysite.settings', ['ALLOWED_HOSTS=shop.example.org,www.shop.example.org']) }),
    },
    { name: 'subdomain pattern', files: singleSettingsProject('ALLOWED_HOSTS = [".example.org"]\n') },
  ],
  bad: [
    {
      name: "django-environ list defaulting to ['*'], no production value in the repository",
      files: singleSettingsProject('import environ\n\nenv = environ.Env()\nDEBUG = False\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["*"])\n'),
      expect: [{ messageId: 'fallbackWildcard', file: 'mysite/settings.py', line: 5 }],
    },
    {
      name: "literal ['*']",
      files: singleSettingsProject('DEBUG = False\nALLOWED_HOSTS = ["*"]\n'),
      expect: [{ messageId: 'wildcard', file: 'mysite/settings.py', line: 2 }],
    },
    {
      name: "production env sets ALLOWED_HOSTS=*",
      files: singleSettingsProject(FROM_ENV, { 'docker-compose.yml': composeWeb('mysite.settings', ['ALLOWED_HOSTS=*']) }),
      expect: [{ messageId: 'wildcard', file: 'mysite/settings.py', line: 4 }],
    },
    {
      name: 'empty list with DEBUG off',
      files: singleSettingsProject('DEBUG = False\nALLOWED_HOSTS = []\n'),
      expect: [{ messageId: 'empty', file: 'mysite/settings.py', line: 2 }],
    },
    {
      name: 'not set at all (default []) with DEBUG off',
      files: singleSettingsProject('DEBUG = False\n'),
      expect: [{ messageId: 'notSet', file: 'mysite/settings.py' }],
    },
    {
      name: 'production env var present but empty: [""] matches nothing',
      files: singleSettingsProject(FROM_ENV, { 'docker-compose.yml': composeWeb('mysite.settings', ['ALLOWED_HOSTS=']) }),
      expect: [{ messageId: 'empty', file: 'mysite/settings.py', line: 4 }],
    },
  ],
  unknown: [{ name: 'env var without production value', files: singleSettingsProject(FROM_ENV), reason: /depends on env var ALLOWED_HOSTS/ }],
  notApplicable: [{ name: 'no Django project', files: { 'README.md': '# nothing\n' } }],
});
