import { testRule } from '../../../test/rule-tester.js';
import rule from './secure-proxy-ssl-header-missing.js';
import { BASE_SETTINGS, composeNginxProxy, NGINX_TLS_SITE, prod, splitSettingsProject } from './_fixture.js';

const HEADER = 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")';
const COMPOSE = composeNginxProxy('mysite.settings.prod');

testRule(rule, {
  good: [
    { name: 'header set behind nginx-proxy', files: splitSettingsProject(BASE_SETTINGS, prod(HEADER, 'SECURE_SSL_REDIRECT = True'), { 'docker-compose.prod.yml': COMPOSE }) },
    {
      name: 'gunicorn trusts the proxy itself (--forwarded-allow-ips)',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True'), {
        'docker-compose.prod.yml': COMPOSE.replace('--bind 0.0.0.0:8000', "--bind 0.0.0.0:8000 --forwarded-allow-ips='*'"),
      }),
    },
    {
      name: 'daphne started by a script trusts the proxy itself (--proxy-headers)',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True'), {
        'docker-compose.prod.yml': COMPOSE.replace('gunicorn mysite.wsgi:application --bind 0.0.0.0:8000', '/start-daphne.sh'),
        'compose/start-daphne.sh': '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec daphne --proxy-headers -b 0.0.0.0 -p 8000 mysite.asgi:application\n',
      }),
    },
    {
      name: 'nginx on the same host passes X-Forwarded-Proto to gunicorn on 127.0.0.1',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True'), { 'deploy/nginx/shop.conf': NGINX_TLS_SITE }),
    },
  ],
  bad: [
    {
      name: 'SSL redirect behind nginx-proxy without the header: redirect loop',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True'), { 'docker-compose.prod.yml': COMPOSE }),
      expect: [{ messageId: 'redirectLoop', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'behind nginx-proxy without the header',
      files: splitSettingsProject(BASE_SETTINGS, prod('SESSION_COOKIE_SECURE = True'), { 'docker-compose.prod.yml': COMPOSE }),
      expect: [{ messageId: 'missing', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'header named as sent instead of as in request.META',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")'), { 'docker-compose.prod.yml': COMPOSE }),
      expect: [{ messageId: 'notMetaName', file: 'mysite/settings/prod.py', line: 3 }],
    },
  ],
  unknown: [
    {
      name: 'header only when an env var says so, no production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', `${HEADER.replace(' = ', ' = (')}) if os.environ.get("BEHIND_PROXY") else None`), {
        'docker-compose.prod.yml': COMPOSE,
      }),
      reason: /depends on env var BEHIND_PROXY/,
    },
  ],
  notApplicable: [{ name: 'no proxy visible', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True')) }],
});
