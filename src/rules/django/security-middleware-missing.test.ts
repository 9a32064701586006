import { testRule } from '../../../test/rule-tester.js';
import rule from './security-middleware-missing.js';
import { BASE_SETTINGS, baseWithout, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [{ name: 'installed', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True')) }],
  bad: [
    {
      name: 'removed while SECURE_* settings are set',
      files: splitSettingsProject(baseWithout('django.middleware.security.SecurityMiddleware'), prod('SECURE_SSL_REDIRECT = True', 'SECURE_HSTS_SECONDS = 31536000')),
      expect: [{ messageId: 'missing', file: 'mysite/settings/base.py', line: 15 }],
    },
  ],
  unknown: [
    {
      name: 'MIDDLEWARE built by an unknown function',
      files: splitSettingsProject('from platform_defaults import middleware_stack\n\nMIDDLEWARE = middleware_stack()\n', prod('DEBUG = False')),
      reason: /MIDDLEWARE could not be evaluated/,
    },
  ],
});
