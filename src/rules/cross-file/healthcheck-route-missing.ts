// A container health check requests a path that Django's URLconf does not route: the probe gets 404.
import { defineRule } from '../../core/define-rule.js';
import { healthProbes, resolvePath } from './_health.js';

export default defineRule({
  id: 'cross-file/healthcheck-route-missing',
  title: 'Health check requests a URL that Django does not route',
  category: 'monitoring',
  severity: 'critical',
  requires: ['django', 'dockerfiles', 'compose'],
  why: 'The health check gets 404 for a path no urls.py routes: the container is reported unhealthy forever (dependants with condition: service_healthy never start, orchestrators restart it in a loop), or a fallback in the command hides the failure and the check no longer tells anything about the application.',
  fix: 'Add the endpoint the health check calls (a view at that path that returns 200, ideally after a cheap database query), or point the health check at a path that exists.',
  references: [
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
    { title: 'Compose file reference: healthcheck', url: 'https://docs.docker.com/reference/compose-file/services/#healthcheck' },
    { title: 'Django: URL dispatcher', url: 'https://docs.djangoproject.com/en/stable/topics/http/urls/' },
  ],
  verify: 'docker inspect --format "{{json .State.Health}}" <container>   # expect "Status":"healthy"; curl -s -o /dev/null -w "%{http_code}" {url} inside it: expect 200',
  messages: {
    unrouted: '{label} requests {url}, but no URL pattern in {urlconf} matches {path}: Django answers 404.',
  },
  check(facts, ctx) {
    const probes = healthProbes(facts).filter((p) => p.path !== '/');
    if (facts.django.length === 0) return ctx.notApplicable('no Django project in the repository');
    if (probes.length === 0) return ctx.notApplicable('no Dockerfile or compose health check requests a path (other than /) from a Django container');
    for (const probe of probes) {
      const target = `${probe.file}#healthcheck ${probe.path}`;
      const results = facts.django.map((project) => ({ project, match: resolvePath(project, probe.path) }));
      if (results.some((r) => r.match.kind === 'routed')) {
        ctx.pass(target);
        continue;
      }
      const include = results.find((r) => r.match.kind === 'under-include');
      if (include && include.match.kind === 'under-include') {
        ctx.unknown(target, `${probe.path} falls under ${include.match.route.view} (${include.match.route.at.loc.file}:${include.match.route.at.loc.line}), whose patterns could not be read`);
        continue;
      }
      const unknown = results.find((r) => r.match.kind === 'unknown');
      if (unknown && unknown.match.kind === 'unknown') {
        ctx.unknown(target, `whether ${probe.path} is routed could not be decided: ${unknown.match.reason}`);
        continue;
      }
      const project = results[0].project;
      const urlconf = project.urlconf ?? project.root;
      ctx.fail('unrouted', {
        at: probe.at,
        also: [{ absentIn: urlconf, note: `no URL pattern matches ${probe.path} among the ${project.routes.length} routes of ${urlconf} and the URLconfs it includes` }],
        target,
        data: { label: probe.label, url: probe.url, path: probe.path, urlconf },
      });
    }
  },
});
