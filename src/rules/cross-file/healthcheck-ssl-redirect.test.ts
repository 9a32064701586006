import { testRule } from '../../../test/rule-tester.js';
import rule from './healthcheck-ssl-redirect.js';
import { dockerfileWithHealthcheck, HEALTH_VIEW_DB, healthProject, urlsWith } from './_fixture.js';

const URLS = urlsWith('path("health/", views.health)');
const HOSTS = 'ALLOWED_HOSTS = ["shop.example.org", "localhost"]';
const CURL = 'curl -f http://localhost:8000/health/ || exit 1';

testRule(rule, {
  good: [
    { name: 'no SSL redirect in Django', files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL) }, [HOSTS]) },
    {
      name: 'health path exempt from the redirect',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL) }, [HOSTS, 'SECURE_SSL_REDIRECT = True', 'SECURE_REDIRECT_EXEMPT = [r"^health/$"]']),
    },
    {
      name: 'probe claims HTTPS like the proxy',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(`curl -f -H "X-Forwarded-Proto: https" http://localhost:8000/health/ || exit 1`) }, [
        HOSTS,
        'SECURE_SSL_REDIRECT = True',
        'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
      ]),
    },
  ],
  bad: [
    {
      name: 'curl gets a 301 and calls it healthy',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL) }, [HOSTS, 'SECURE_SSL_REDIRECT = True']),
      expect: [{ messageId: 'notFollowed', file: 'Dockerfile', line: 6 }],
    },
    {
      name: 'wget follows the redirect into TLS',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck('wget -q -O /dev/null http://localhost:8000/health/ || exit 1') }, [HOSTS, 'SECURE_SSL_REDIRECT = True']),
      expect: [{ messageId: 'followed', file: 'Dockerfile', line: 6 }],
    },
  ],
  unknown: [
    {
      name: 'SSL redirect from an env var without production value',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL) }, [HOSTS, 'import os', 'SECURE_SSL_REDIRECT = os.environ.get("SSL_REDIRECT", "1") == "1"']),
      reason: /depends on env var SSL_REDIRECT/,
    },
  ],
  notApplicable: [{ name: 'no health check', files: healthProject(URLS, HEALTH_VIEW_DB, {}, [HOSTS, 'SECURE_SSL_REDIRECT = True']) }],
});
