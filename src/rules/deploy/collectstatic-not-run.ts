// A deploy flow after which static files are never collected (not in the deploy, the image build or start-up).
import { defineRule } from '../../core/define-rule.js';
import { installedApps, productionProjects } from '../django/_settings.js';
import { COLLECTSTATIC, deployUnits, startupRuns } from './_deploy.js';
import { platformDeployment } from './_production.js';

export default defineRule({
  id: 'deploy/collectstatic-not-run',
  title: 'Deploys do not collect static files',
  category: 'deployment',
  severity: 'medium',
  requires: ['shell', 'ci', 'texts', 'compose', 'dockerfiles', 'systemd', 'django'],
  why: 'With DEBUG off Django does not serve static files: unless `collectstatic` copies them to STATIC_ROOT on every deploy, the admin and the site load without CSS/JS, or serve the previous release\'s assets against new templates.',
  fix: 'Run `python manage.py collectstatic --noinput` on every deploy — in the Dockerfile (`RUN python manage.py collectstatic --noinput`), the deploy script or the container start-up.',
  references: [
    { title: 'Django: How to deploy static files', url: 'https://docs.djangoproject.com/en/stable/howto/static-files/deployment/' },
    { title: 'django-admin collectstatic', url: 'https://docs.djangoproject.com/en/stable/ref/contrib/staticfiles/#collectstatic' },
  ],
  verify: 'curl -sI https://<domain>/static/admin/css/base.css   # expect 200 after a deploy',
  messages: {
    missing: '{unit} deploys the application but never runs `collectstatic`, and neither the image build nor the start-up does.',
  },
  check(facts, ctx) {
    if (facts.django.length === 0) return ctx.notApplicable('no Django project in the repository');
    const silent = { unknown() {}, notApplicable() {} };
    const apps = productionProjects(facts.django, silent).map((p) => installedApps(p));
    if (apps.length > 0 && apps.every((a) => 'apps' in a && !a.apps.includes('django.contrib.staticfiles'))) {
      return ctx.notApplicable('django.contrib.staticfiles is not installed: the project serves no static files');
    }
    const units = deployUnits(facts);
    if (units.length === 0) return ctx.notApplicable('no deploy script, CI deploy job or deploy target (see deploy/no-deploy-automation)');
    const elsewhere = startupRuns(facts, COLLECTSTATIC, true);
    const platform = platformDeployment(facts);
    for (const u of units) {
      if (u.steps.some((s) => COLLECTSTATIC.test(s.text))) ctx.pass(u.label);
      else if (elsewhere) ctx.pass(u.label, `collectstatic runs in ${elsewhere}`);
      else if (platform) ctx.unknown(u.label, `static files may be collected by ${platform.label} (${platform.path}), which is not read`);
      else ctx.fail('missing', { at: u.at, target: u.label, data: { unit: u.label } });
    }
  },
});
