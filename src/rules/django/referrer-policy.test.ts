import { testRule } from '../../../test/rule-tester.js';
import rule from './referrer-policy.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [
    { name: "default 'same-origin'", files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) },
    { name: 'strict-origin-when-cross-origin', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"')) },
    { name: 'fallback list ending with a safe policy', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_REFERRER_POLICY = "no-referrer-when-downgrade, strict-origin-when-cross-origin"')) },
  ],
  bad: [
    { name: 'None', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_REFERRER_POLICY = None')), expect: [{ messageId: 'none', file: 'mysite/settings/prod.py', line: 3 }] },
    { name: 'unsafe-url', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_REFERRER_POLICY = "unsafe-url"')), expect: [{ messageId: 'leaky', file: 'mysite/settings/prod.py', line: 3 }] },
    { name: 'misspelt value', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_REFERRER_POLICY = "no-referer"')), expect: [{ messageId: 'invalid', file: 'mysite/settings/prod.py', line: 3 }] },
    {
      name: 'Django 3.0 sends none by default',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'requirements.txt': 'Django>=3.0,<3.1\n' }),
      expect: [{ messageId: 'oldDefault', file: 'mysite/settings/prod.py' }],
    },
  ],
});
