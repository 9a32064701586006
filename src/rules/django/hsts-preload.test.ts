import { testRule } from '../../../test/rule-tester.js';
import rule from './hsts-preload.js';
import { BASE_SETTINGS, composeNginxProxy, NGINX_TLS_SITE, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [
    {
      name: 'Django sends preload',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 31536000', 'SECURE_HSTS_INCLUDE_SUBDOMAINS = True', 'SECURE_HSTS_PRELOAD = True')),
    },
    { name: 'nginx header has preload', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': NGINX_TLS_SITE }) },
  ],
  bad: [
    {
      name: 'Django HSTS without preload',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 31536000', 'SECURE_HSTS_INCLUDE_SUBDOMAINS = True')),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: "nginx-proxy's default HSTS has no preload",
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeNginxProxy('mysite.settings.prod') }),
      expect: [{ messageId: 'proxy', file: 'docker-compose.prod.yml', line: 9 }],
    },
  ],
  notApplicable: [{ name: 'no HSTS at all', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) }],
});
