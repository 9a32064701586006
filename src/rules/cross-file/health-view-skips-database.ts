// The health endpoint's view reaches the database, so "healthy" means the app can serve real requests.
import { defineRule } from '../../core/define-rule.js';
import { installedApps, productionProjects } from '../django/_settings.js';
import { HEALTH_APPS, HEALTH_SEGMENT } from './_health.js';

export default defineRule({
  id: 'cross-file/health-view-skips-database',
  title: 'Health endpoint does not check the database',
  category: 'monitoring',
  severity: 'info',
  requires: ['django'],
  why: 'A health view that only returns 200 stays green while the database is unreachable or out of connections: the orchestrator keeps routing traffic to an app that answers every real request with 500.',
  fix: 'Make the health view touch the database cheaply (django.db.connection.ensure_connection() or SELECT 1) and return 503 on failure; keep a separate liveness endpoint without dependencies if restarts on database outages are unwanted.',
  references: [
    { title: 'django-health-check', url: 'https://django-health-check.readthedocs.io/en/latest/' },
    { title: 'Kubernetes: liveness, readiness and startup probes', url: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/' },
  ],
  verify: 'Stop the database and request the health endpoint   # expect 503',
  messages: {
    skips: 'The health view {view} for {path} never touches the database: it reports healthy while the database is down.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const all = p.project.routes.filter((r) => HEALTH_SEGMENT.test(r.path));
      const health = all.filter((r) => !r.condition);
      if (health.length === 0 && all.length > 0) {
        ctx.unknown(`${all[0].at.loc.file}#${all[0].path}`, `the health route ${all[0].path} is only added under \`${all[0].condition}\`, which could not be evaluated for production`);
        continue;
      }
      if (health.length === 0) {
        const apps = installedApps(p);
        if (!('reason' in apps) && apps.apps.some((a) => HEALTH_APPS.test(a))) {
          // django-health-check checks the database when health_check.db is installed.
          if (apps.apps.some((a) => /^health_check\.db/.test(a))) ctx.pass(`${p.project.urlconf ?? p.file}#health-endpoint`);
          else ctx.notApplicable('the health endpoint comes from a health-check app whose views are not analysed');
          continue;
        }
        ctx.notApplicable('no health endpoint (reported by cross-file/no-health-endpoint)');
        continue;
      }
      for (const r of health) {
        const target = `${r.at.loc.file}#${r.path}`;
        if (r.viewTouchesDatabase === true) ctx.pass(target);
        else if (r.viewTouchesDatabase === null) ctx.unknown(target, `the source of view ${r.view ?? '(unidentified)'} for ${r.path} could not be analysed`);
        else ctx.fail('skips', { at: r.at, target, data: { view: r.view ?? '(unidentified)', path: r.path } });
      }
    }
  },
});
