import { testRule } from '../../../test/rule-tester.js';
import rule from './session-cookie-insecure.js';
import { BASE_SETTINGS, composeWeb, prod, splitSettingsProject } from './_fixture.js';

const ENV_SECURE = 'SESSION_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "false").lower() == "true"';

testRule(rule, {
  good: [
    { name: 'Secure, HttpOnly by default', files: splitSettingsProject(BASE_SETTINGS, prod('SESSION_COOKIE_SECURE = True')) },
    {
      name: 'Secure from the production environment',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_SECURE), { 'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['SECURE_COOKIES=True']) }),
    },
  ],
  bad: [
    { name: 'not set', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')), expect: [{ messageId: 'notSecureUnset', file: 'mysite/settings/prod.py' }] },
    {
      name: 'explicitly off, HttpOnly off',
      files: splitSettingsProject(BASE_SETTINGS, prod('SESSION_COOKIE_SECURE = False', 'SESSION_COOKIE_HTTPONLY = False')),
      expect: [
        { messageId: 'notSecure', file: 'mysite/settings/prod.py', line: 3 },
        { messageId: 'notHttpOnly', file: 'mysite/settings/prod.py', line: 4 },
      ],
    },
  ],
  unknown: [{ name: 'env var without production value', files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_SECURE)), reason: /depends on env var SECURE_COOKIES/ }],
  notApplicable: [
    {
      name: 'API without sessions',
      files: splitSettingsProject('INSTALLED_APPS = ["django.contrib.contenttypes", "rest_framework"]\nMIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\n', prod('DEBUG = False')),
    },
  ],
});
