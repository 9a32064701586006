import { testRule } from '../../../test/rule-tester.js';
import rule from './cross-origin-opener-policy.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [
    { name: "default 'same-origin'", files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) },
    { name: 'allow popups (OAuth)', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin-allow-popups"')) },
  ],
  bad: [
    { name: 'None', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_CROSS_ORIGIN_OPENER_POLICY = None')), expect: [{ messageId: 'none', file: 'mysite/settings/prod.py', line: 3 }] },
    { name: 'unsafe-none', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_CROSS_ORIGIN_OPENER_POLICY = "unsafe-none"')), expect: [{ messageId: 'unsafe', file: 'mysite/settings/prod.py', line: 3 }] },
    { name: 'invalid', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-site"')), expect: [{ messageId: 'invalid', file: 'mysite/settings/prod.py', line: 3 }] },
  ],
  notApplicable: [
    { name: 'Django 3.2 has no COOP support', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'requirements.txt': 'Django>=3.2,<3.3\n' }) },
  ],
});
