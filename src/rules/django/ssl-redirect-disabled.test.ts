import { testRule } from '../../../test/rule-tester.js';
import rule from './ssl-redirect-disabled.js';
import { BASE_SETTINGS, baseWithout, composeNginxProxy, composeWeb, NGINX_TLS_SITE, prod, splitSettingsProject } from './_fixture.js';

const ENV_REDIRECT = 'SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SSL_REDIRECT", "True") == "True"';

testRule(rule, {
  good: [
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
      name: 'env-driven, production compose turns it off',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_REDIRECT), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['DJANGO_SSL_REDIRECT=False']),
      }),
      expect: [{ messageId: 'disabled', file: 'mysite/settings/prod.py', line: 4 }],
    },
  ],
  unknown: [
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
