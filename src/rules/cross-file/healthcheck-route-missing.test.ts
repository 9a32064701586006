import { testRule } from '../../../test/rule-tester.js';
import rule from './healthcheck-route-missing.js';
import { dockerfileWithHealthcheck, HEALTH_VIEW_DB, healthProject, urlsWith } from './_fixture.js';

const CURL = (path: string) => `curl -f http://localhost:8000${path} || exit 1`;
const COMPOSE_HC = (path: string) => `services:
  web:
    build: .
    environment:
      - DJANGO_SETTINGS_MODULE=mysite.settings.prod
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000${path}"]
      interval: 30s
`;

testRule(rule, {
  good: [
    { name: 'path() route', files: healthProject(urlsWith('path("health/", views.health, name="health")'), HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL('/health/')) }) },
    { name: 're_path() route', files: healthProject(urlsWith('re_path(r"^healthz/?$", views.health)'), HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL('/healthz')) }) },
    { name: 'APPEND_SLASH redirect counts as routed', files: healthProject(urlsWith('path("health/", views.health)'), HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL('/health')) }) },
    {
      name: 'route inside an included URLconf',
      files: healthProject(urlsWith('path("ops/", include("ops.urls"))'), HEALTH_VIEW_DB, {
        'ops/__init__.py': '',
        'ops/urls.py': 'from django.urls import path\n\nfrom mysite import views\n\nurlpatterns = [\n    path("health/", views.health),\n]\n',
        Dockerfile: dockerfileWithHealthcheck(CURL('/ops/health/')),
      }),
    },
  ],
  bad: [
    {
      name: 'Dockerfile HEALTHCHECK requests /health/ that urls.py does not route (seed 002 #1)',
      files: healthProject(urlsWith('path("", views.health)'), HEALTH_VIEW_DB, {
        Dockerfile: dockerfileWithHealthcheck(`sh -c 'curl -s http://localhost:8000/health/ | grep -q ok || curl -f http://localhost:8000/ || exit 1'`),
      }),
      expect: [{ messageId: 'unrouted', file: 'Dockerfile', line: 6 }],
    },
    {
      name: 'compose healthcheck requests /healthz',
      files: healthProject(urlsWith('path("health/", views.health)'), HEALTH_VIEW_DB, { 'docker-compose.prod.yml': COMPOSE_HC('/healthz') }),
      expect: [{ messageId: 'unrouted', file: 'docker-compose.prod.yml', line: 7 }],
    },
  ],
  notApplicable: [
    { name: 'health check on / only', files: healthProject(urlsWith('path("", views.health)'), HEALTH_VIEW_DB, { Dockerfile: dockerfileWithHealthcheck(CURL('/')) }) },
    { name: 'no health check', files: healthProject(urlsWith('path("health/", views.health)'), HEALTH_VIEW_DB) },
  ],
});
