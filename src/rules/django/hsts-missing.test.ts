import { testRule } from '../../../test/rule-tester.js';
import rule from './hsts-missing.js';
import { BASE_SETTINGS, baseWithout, composeNginxProxy, composeWeb, NGINX_TLS_SITE, prod, splitSettingsProject } from './_fixture.js';

const ENV_HSTS = 'SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))';

testRule(rule, {
  good: [
    { name: 'one year', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 31536000')) },
    { name: 'two years as an expression', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 * 2')) },
    { name: 'nginx sends HSTS', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': NGINX_TLS_SITE }) },
    { name: 'nginx-proxy sends HSTS by default', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeNginxProxy('mysite.settings.prod') }) },
    {
      name: 'env-driven, production gives a year',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_HSTS), { 'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['DJANGO_HSTS_SECONDS=31536000']) }),
    },
  ],
  bad: [
    { name: 'not set', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')), expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }] },
    { name: 'zero', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 0')), expect: [{ messageId: 'zero', file: 'mysite/settings/prod.py', line: 3 }] },
    { name: 'one hour', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 3600')), expect: [{ messageId: 'short', file: 'mysite/settings/prod.py', line: 3 }] },
    {
      name: 'nginx-proxy told to send a short HSTS',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeNginxProxy('mysite.settings.prod', ['HSTS=max-age=600']) }),
      expect: [{ messageId: 'proxyShort', file: 'docker-compose.prod.yml', line: 10 }],
    },
    {
      name: 'env-driven, production compose sets 0',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_HSTS), { 'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['DJANGO_HSTS_SECONDS=0']) }),
      expect: [{ messageId: 'zero', file: 'mysite/settings/prod.py', line: 4 }],
    },
  ],
  unknown: [{ name: 'env var without production value', files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_HSTS)), reason: /depends on env var DJANGO_HSTS_SECONDS/ }],
  notApplicable: [{ name: 'no SecurityMiddleware', files: splitSettingsProject(baseWithout('django.middleware.security.SecurityMiddleware'), prod('SECURE_HSTS_SECONDS = 0')) }],
});
