import { testRule } from '../../../test/rule-tester.js';
import rule from './static-root-missing.js';
import { BASE_SETTINGS, prod, singleSettingsProject, splitSettingsProject } from './_fixture.js';

const APPS = 'INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.staticfiles"]\nSTATIC_URL = "static/"\n';

testRule(rule, {
  good: [
    { name: 'STATIC_ROOT in base', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) },
    { name: 'static files on S3', files: singleSettingsProject(`${APPS}STATICFILES_STORAGE = "storages.backends.s3boto3.S3StaticStorage"\n`) },
  ],
  bad: [
    { name: 'not set', files: singleSettingsProject(APPS), expect: [{ messageId: 'missing', file: 'mysite/settings.py' }] },
    { name: 'None', files: singleSettingsProject(`${APPS}STATIC_ROOT = None\n`), expect: [{ messageId: 'empty', file: 'mysite/settings.py', line: 3 }] },
  ],
  notApplicable: [{ name: 'staticfiles not installed', files: singleSettingsProject('INSTALLED_APPS = ["django.contrib.contenttypes", "rest_framework"]\n') }],
});
