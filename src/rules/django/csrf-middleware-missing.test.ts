import { testRule } from '../../../test/rule-tester.js';
import rule from './csrf-middleware-missing.js';
import { BASE_SETTINGS, baseWithout, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [{ name: 'installed', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) }],
  bad: [
    {
      name: 'removed while sessions are used',
      files: splitSettingsProject(baseWithout('django.middleware.csrf.CsrfViewMiddleware'), prod('DEBUG = False')),
      expect: [{ messageId: 'missing', file: 'mysite/settings/base.py', line: 15 }],
    },
  ],
  notApplicable: [
    {
      name: 'token-only API without sessions',
      files: splitSettingsProject('INSTALLED_APPS = ["rest_framework"]\nMIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\n', prod('DEBUG = False')),
    },
  ],
});
