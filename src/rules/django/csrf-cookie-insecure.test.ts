import { testRule } from '../../../test/rule-tester.js';
import rule from './csrf-cookie-insecure.js';
import { BASE_SETTINGS, baseWithout, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [
    { name: 'Secure', files: splitSettingsProject(BASE_SETTINGS, prod('CSRF_COOKIE_SECURE = True')) },
    { name: 'token kept in the session', files: splitSettingsProject(BASE_SETTINGS, prod('CSRF_USE_SESSIONS = True')) },
  ],
  bad: [
    { name: 'not set', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')), expect: [{ messageId: 'notSetUnset', file: 'mysite/settings/prod.py' }] },
    { name: 'explicitly off', files: splitSettingsProject(BASE_SETTINGS, prod('CSRF_COOKIE_SECURE = False')), expect: [{ messageId: 'notSecure', file: 'mysite/settings/prod.py', line: 3 }] },
  ],
  unknown: [
    {
      name: 'env var without production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'CSRF_COOKIE_SECURE = os.environ.get("CSRF_SECURE") == "1"')),
      reason: /depends on env var CSRF_SECURE/,
    },
  ],
  notApplicable: [{ name: 'no CsrfViewMiddleware', files: splitSettingsProject(baseWithout('django.middleware.csrf.CsrfViewMiddleware'), prod('DEBUG = False')) }],
});
