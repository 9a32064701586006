import { testRule } from '../../../test/rule-tester.js';
import rule from './no-error-tracking.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from './_fixture.js';

const SENTRY = [
  'import os',
  'import sentry_sdk',
  '',
  'SENTRY_DSN = os.environ.get("SENTRY_DSN")',
  'if SENTRY_DSN:',
  '    sentry_sdk.init(dsn=SENTRY_DSN, traces_sample_rate=0.1)',
];

testRule(rule, {
  good: [
    {
      name: 'sentry-sdk declared and initialised',
      files: splitSettingsProject(BASE_SETTINGS, prod(...SENTRY), { 'requirements.txt': 'Django==5.0.6\nsentry-sdk[django]==2.5.1\n' }),
    },
    { name: 'ADMINS with a real address (Django e-mails errors)', files: splitSettingsProject(BASE_SETTINGS, prod('ADMINS = [("Ops", "ops@shop-company.io")]')) },
  ],
  bad: [
    { name: 'nothing at all', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')), expect: [{ messageId: 'none', file: 'mysite/settings/prod.py' }] },
    {
      name: 'ADMINS is a placeholder address',
      files: splitSettingsProject(BASE_SETTINGS, prod('ADMINS = [("Admin", "admin@example.com")]')),
      expect: [{ messageId: 'none', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'LOGGING takes the django loggers away from mail_admins',
      files: splitSettingsProject(
        BASE_SETTINGS,
        prod(
          'ADMINS = [("Ops", "ops@shop-company.io")]',
          'LOGGING = {"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}}, "loggers": {"django": {"handlers": ["console"]}}}',
        ),
      ),
      expect: [{ messageId: 'none', file: 'mysite/settings/prod.py' }],
    },
  ],
  unknown: [
    {
      name: 'ADMINS from an env var without production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'ADMINS = [("Ops", os.environ["ADMIN_EMAIL"])]')),
      reason: /ADMINS could not be resolved/,
    },
  ],
});
