import { testRule } from '../../../test/rule-tester.js';
import rule from './email-backend-console.js';
import { BASE_SETTINGS, composeWeb, prod, splitSettingsProject } from './_fixture.js';

const ENV_BACKEND = 'EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")';

testRule(rule, {
  good: [
    { name: 'default SMTP backend', files: splitSettingsProject(BASE_SETTINGS, prod('EMAIL_HOST = "smtp.example.org"')) },
    { name: 'anymail', files: splitSettingsProject(BASE_SETTINGS, prod('EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"')) },
    {
      name: 'console default overridden by production env',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_BACKEND), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend']),
      }),
    },
  ],
  bad: [
    {
      name: 'console backend in prod',
      files: splitSettingsProject(BASE_SETTINGS, prod('EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"')),
      expect: [{ messageId: 'nonSending', file: 'mysite/settings/prod.py', line: 3 }],
    },
    {
      name: 'inherited from base, not overridden',
      files: splitSettingsProject(`${BASE_SETTINGS}EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"\n`, prod('DEBUG = False')),
      expect: [{ messageId: 'nonSending', file: 'mysite/settings/base.py', line: 28 }],
    },
  ],
  unknown: [
    { name: 'env var without production value', files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_BACKEND)), reason: /depends on env var EMAIL_BACKEND/ },
    {
      name: 'a provider chosen by comparing the variable with literals: only "smtp" reaches SMTP (never "whatever it holds")',
      files: splitSettingsProject(
        BASE_SETTINGS,
        prod(
          'import os',
          'PROVIDER = os.environ.get("MISAGO_EMAIL_PROVIDER", "")',
          'if PROVIDER in ("smtp", "gmail"):',
          '    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"',
          'elif PROVIDER == "mailjet":',
          '    EMAIL_BACKEND = "anymail.backends.mailjet.EmailBackend"',
          'else:',
          '    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"',
        ),
      ),
      reason: /depends on env var MISAGO_EMAIL_PROVIDER/,
    },
  ],
});
