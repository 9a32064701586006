import { testRule } from '../../../test/rule-tester.js';
import rule from './ssl-redirect-disabled.js';
import { BASE_SETTINGS, baseWithout, composeNginxProxy, composeWeb, NGINX_TLS_SITE, prod, splitSettingsProject } from './_fixture.js';

const ENV_REDIRECT = 'SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SSL_REDIRECT", "True") == "True"';

testRule(rule, {
  good: [
    {
      name: 'set when an env flag is on, and production turns the flag on',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'if os.environ.get("ENABLE_HTTPS", "") == "true":', '    SECURE_SSL_REDIRECT = True'), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['ENABLE_HTTPS=true']),
      }),
    },
    { name: 'SECURE_SSL_REDIRECT = True', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True')) },
    {
      name: 'nginx redirects port 80 to https',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': NGINX_TLS_SITE }),
    },
    {
      name: 'nginx-proxy redirects by default',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeNginxProxy('mysite.settings.prod') }),
    },
    {
      name: 'env-driven, production gives True',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_REDIRECT), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['DJANGO_SSL_REDIRECT=True']),
      }),
    },
  ],
  bad: [
    {
      name: 'explicitly False',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = False')),
      expect: [{ messageId: 'disabled', file: 'mysite/settings/prod.py', line: 3 }],
    },
    {
      name: 'not set anywhere',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'not set, and MIDDLEWARE only grows under an env-driven condition (debug toolbar)',
      files: splitSettingsProject(
        BASE_SETTINGS,
        prod('import os', 'DEBUG = os.environ.get("DEBUG") == "1"', 'if DEBUG:', '    MIDDLEWARE.insert(0, "debug_toolbar.middleware.DebugToolbarMiddleware")', '    INSTALLED_APPS += ["debug_toolbar"]'),
      ),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'env-driven, production compose turns it off',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_REDIRECT), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['DJANGO_SSL_REDIRECT=False']),
      }),
      expect: [{ messageId: 'disabled', file: 'mysite/settings/prod.py', line: 4 }],
    },
  ],
  unknown: [
    {
      name: 'not set in the files read, but a star import from outside the repository may set it',
      files: splitSettingsProject(BASE_SETTINGS, prod('from company_defaults.django_settings import *  # noqa', 'DEBUG = False')),
      reason: /`from company_defaults\.django_settings import \*` \(not in the repository\) may set it/,
    },
    {
      name: 'set only when an env flag is on, and no production value for the flag (never a pass)',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'if os.environ.get("ENABLE_HTTPS", "") == "true":', '    SECURE_SSL_REDIRECT = True')),
      reason: /depends on env var ENABLE_HTTPS/,
    },
    {
      name: 'env var with no production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_REDIRECT)),
      reason: /depends on env var DJANGO_SSL_REDIRECT; no production value found/,
    },
  ],
  notApplicable: [
    { name: 'SecurityMiddleware missing (its own rule reports)', files: splitSettingsProject(baseWithout('django.middleware.security.SecurityMiddleware'), prod('DEBUG = False')) },
    { name: 'no Django project', files: { 'nginx.conf': NGINX_TLS_SITE } },
  ],
});
