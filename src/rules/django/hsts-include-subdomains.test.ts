import { testRule } from '../../../test/rule-tester.js';
import rule from './hsts-include-subdomains.js';
import { BASE_SETTINGS, composeNginxProxy, NGINX_TLS_SITE, prod, splitSettingsProject } from './_fixture.js';

testRule(rule, {
  good: [
    { name: 'Django sends includeSubDomains', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 31536000', 'SECURE_HSTS_INCLUDE_SUBDOMAINS = True')) },
    { name: 'nginx header has includeSubDomains', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': NGINX_TLS_SITE }) },
  ],
  bad: [
    {
      name: 'Django HSTS without subdomains (not set)',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 31536000')),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'Django HSTS with subdomains explicitly off',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 31536000', 'SECURE_HSTS_INCLUDE_SUBDOMAINS = False')),
      expect: [{ messageId: 'disabled', file: 'mysite/settings/prod.py', line: 4 }],
    },
    {
      name: "nginx-proxy's default HSTS has no includeSubDomains",
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeNginxProxy('mysite.settings.prod') }),
      expect: [{ messageId: 'proxy', file: 'docker-compose.prod.yml', line: 9 }],
    },
  ],
  unknown: [
    {
      name: 'HSTS seconds from an env var without production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'SECURE_HSTS_SECONDS = int(os.environ.get("HSTS", "0"))')),
      reason: /depends on env var HSTS/,
    },
  ],
  notApplicable: [{ name: 'no HSTS at all', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 0')) }],
});
