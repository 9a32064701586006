import { testRule } from '../../../test/rule-tester.js';
import rule from './csrf-trusted-origins-missing.js';
import { BASE_SETTINGS, composeNginxProxy, prod, splitSettingsProject } from './_fixture.js';

const COMPOSE = composeNginxProxy('mysite.settings.prod', ['ALLOWED_HOSTS=shop.example.org']);
const HOSTS = 'ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")';

testRule(rule, {
  good: [
    {
      name: 'origins derived from ALLOWED_HOSTS (seed 002)',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', HOSTS, 'CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if h]'), { 'docker-compose.prod.yml': COMPOSE }),
    },
    { name: 'explicit https origin', files: splitSettingsProject(BASE_SETTINGS, prod('CSRF_TRUSTED_ORIGINS = ["https://shop.example.org"]'), { 'docker-compose.prod.yml': COMPOSE }) },
    {
      name: 'no origins but SECURE_PROXY_SSL_HEADER makes the Origin check pass',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")'), { 'docker-compose.prod.yml': COMPOSE }),
    },
  ],
  bad: [
    {
      name: 'behind nginx-proxy, neither origins nor proxy header',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': COMPOSE }),
      expect: [{ messageId: 'missing', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'origins without scheme',
      files: splitSettingsProject(BASE_SETTINGS, prod('CSRF_TRUSTED_ORIGINS = ["shop.example.org"]'), { 'docker-compose.prod.yml': COMPOSE }),
      expect: [{ messageId: 'noScheme', file: 'mysite/settings/prod.py', line: 3 }],
    },
  ],
  unknown: [
    {
      name: 'Django version not pinned',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': COMPOSE, 'requirements.txt': 'django\ngunicorn\n' }),
      reason: /version is not pinned/,
    },
  ],
  notApplicable: [
    { name: 'Django 3.2 checks the Referer, not the Origin', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': COMPOSE, 'requirements.txt': 'Django==3.2.25\n' }) },
    { name: 'no HTTPS visible', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) },
  ],
});
