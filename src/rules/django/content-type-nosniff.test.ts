import { testRule } from '../../../test/rule-tester.js';
import rule from './content-type-nosniff.js';
import { BASE_SETTINGS, baseWithout, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [
    { name: 'default (True since Django 3.0)', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) },
    { name: 'explicitly True', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_CONTENT_TYPE_NOSNIFF = True')) },
  ],
  bad: [
    { name: 'explicitly False', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_CONTENT_TYPE_NOSNIFF = False')), expect: [{ messageId: 'disabled', file: 'mysite/settings/prod.py', line: 3 }] },
    {
      name: 'Django 2.2 defaults it to False',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'requirements.txt': 'Django==2.2.28\ngunicorn==20.1.0\n' }),
      expect: [{ messageId: 'oldDefault', file: 'mysite/settings/prod.py' }],
    },
  ],
  notApplicable: [{ name: 'no SecurityMiddleware', files: splitSettingsProject(baseWithout('django.middleware.security.SecurityMiddleware'), prod('SECURE_CONTENT_TYPE_NOSNIFF = False')) }],
});
