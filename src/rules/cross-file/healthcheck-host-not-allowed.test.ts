import { testRule } from '../../../test/rule-tester.js';
import rule from './healthcheck-host-not-allowed.js';
import { dockerfileWithHealthcheck, HEALTH_VIEW_DB, healthProject, urlsWith } from './_fixture.js';

const URLS = urlsWith('path("health/", views.health)');
const CURL = 'curl -f http://localhost:8000/health/ || exit 1';

testRule(rule, {
  good: [
    { name: 'localhost allowed', files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL) }) },
    {
      name: 'probe sends the public Host header',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(`curl -f -H "Host: shop.example.org" http://localhost:8000/health/ || exit 1`) }, [
        'ALLOWED_HOSTS = ["shop.example.org"]',
      ]),
    },
  ],
  bad: [
    {
      name: 'only the public domain is allowed',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL) }, ['ALLOWED_HOSTS = ["shop.example.org"]']),
      expect: [{ messageId: 'rejected', file: 'Dockerfile', line: 6 }],
    },
  ],
  unknown: [
    {
      name: 'ALLOWED_HOSTS from an env var without production value',
      files: healthProject(URLS, HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL) }, ['import os', 'ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")']),
      reason: /depends on env var ALLOWED_HOSTS/,
    },
  ],
  notApplicable: [{ name: 'no health check', files: healthProject(URLS, HEALTH_VIEW_DB) }],
});
