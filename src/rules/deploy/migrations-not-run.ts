// A deploy flow that never runs `manage.py migrate` (neither itself nor at container/service start-up).
import { defineRule } from '../../core/define-rule.js';
import { MIGRATE, deployUnits, startupRuns } from './_deploy.js';
import { platformDeployment } from './_production.js';

export default defineRule({
  id: 'deploy/migrations-not-run',
  title: 'Deploys do not run database migrations',
  category: 'deployment',
  severity: 'medium',
  requires: ['shell', 'ci', 'texts', 'compose', 'dockerfiles', 'systemd', 'django'],
  why: 'New code that expects new columns or tables goes live against the old schema: requests touching those models fail with 500 errors until someone remembers to migrate by hand.',
  fix: 'Run `python manage.py migrate --noinput` in the deploy, after the new code is in place and before (or while) the new processes start — in the deploy script, a one-off `docker compose run --rm web python manage.py migrate`, or a release step.',
  references: [
    { title: 'django-admin migrate', url: 'https://docs.djangoproject.com/en/stable/ref/django-admin/#migrate' },
    { title: 'Django deployment checklist', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/' },
  ],
  verify: 'python manage.py showmigrations --plan | grep "\\[ \\]"   # on the server after a deploy: expect nothing unapplied',
  messages: {
    missing: '{unit} deploys the application but never runs `manage.py migrate`, and no container or service start-up does either.',
  },
  check(facts, ctx) {
    if (facts.django.length === 0) return ctx.notApplicable('no Django project in the repository');
    const units = deployUnits(facts);
    if (units.length === 0) return ctx.notApplicable('no deploy script, CI deploy job or deploy target (see deploy/no-deploy-automation)');
    const startup = startupRuns(facts, MIGRATE, false);
    const platform = platformDeployment(facts);
    for (const u of units) {
      if (u.steps.some((s) => MIGRATE.test(s.text))) ctx.pass(u.label);
      else if (startup) ctx.pass(u.label, `migrations run at start-up (${startup})`);
      else if (platform) ctx.unknown(u.label, `migrations may run from ${platform.label} (${platform.path}), which is not read`);
      else ctx.fail('missing', { at: u.at, target: u.label, data: { unit: u.label } });
    }
  },
});
