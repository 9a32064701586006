// The Django app exposes a health endpoint (health/, healthz/, ping/, ready/, django-health-check...).
import { defineRule } from '../../core/define-rule.js';
import { installedApps, productionProjects } from '../django/_settings.js';
import { HEALTH_APPS, HEALTH_SEGMENT } from './_health.js';

export default defineRule({
  id: 'cross-file/no-health-endpoint',
  title: 'No health check endpoint',
  category: 'monitoring',
  severity: 'medium',
  requires: ['django'],
  why: 'Without a cheap endpoint that says whether the app (and its database) works, container health checks, load balancers and uptime monitors can only request the home page: slow, authenticated or cached, and blind to a lost database connection.',
  fix: "Add a lightweight view (e.g. path('health/', health) returning 200 after `connection.ensure_connection()`), or install django-health-check, and use it in the HEALTHCHECK and monitors.",
  references: [
    { title: 'django-health-check', url: 'https://django-health-check.readthedocs.io/en/latest/' },
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
    { title: 'Django: URL dispatcher', url: 'https://docs.djangoproject.com/en/stable/topics/http/urls/' },
  ],
  verify: 'curl -s -o /dev/null -w "%{http_code}" http://localhost:8000/health/   # expect 200',
  messages: {
    none: 'No URL pattern in {urlconf} looks like a health endpoint (health, healthz, ping, status, ready, live) and no health-check app is installed.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const project = p.project;
      const target = `${project.urlconf ?? p.file}#health-endpoint`;
      const health = project.routes.filter((r) => HEALTH_SEGMENT.test(r.path));
      if (health.some((r) => !r.condition)) {
        ctx.pass(target);
        continue;
      }
      const apps = installedApps(p);
      if (!('reason' in apps) && apps.apps.some((a) => HEALTH_APPS.test(a))) {
        ctx.pass(target);
        continue;
      }
      if (!project.urlconf) {
        ctx.unknown(target, 'ROOT_URLCONF could not be resolved to a file');
        continue;
      }
      if (project.routes.length === 0) {
        ctx.unknown(target, `no URL patterns could be read from ${project.urlconf}`);
        continue;
      }
      if ('reason' in apps) {
        ctx.unknown(target, `no health route; whether a health-check app is installed could not be told: ${apps.reason}`);
        continue;
      }
      if (health.length > 0) {
        const r = health[0];
        ctx.unknown(target, `the health route ${r.path} is only added under \`${r.condition}\` (${r.at.loc.file}:${r.at.loc.line}), which could not be evaluated for production`);
        continue;
      }
      // An include() that could not be followed (or urlpatterns that could not be evaluated) may hold the health route.
      if (project.routesProblem) {
        ctx.unknown(target, `no health route among the ${project.routes.length} routes read, but the route list is incomplete: ${project.routesProblem}`);
        continue;
      }
      ctx.fail('none', {
        at: { absentIn: project.urlconf, note: `no health route among the ${project.routes.length} routes of ${project.urlconf} and the URLconfs it includes` },
        target,
        data: { urlconf: project.urlconf },
      });
    }
  },
});
