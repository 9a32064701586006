// collectstatic needs STATIC_ROOT when django.contrib.staticfiles is installed with filesystem storage.
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, dict, hasApp, installedApps, judge, mayBeHidden, productionProjects, pyRepr, targetOf, truthy } from './_settings.js';

const REMOTE_STORAGE = /(storages\.backends|s3|gcloud|google|azure|dropbox|cloudinary|sftp|minio)/i;

export default defineRule({
  id: 'django/static-root-missing',
  title: 'STATIC_ROOT is not set while staticfiles is installed',
  category: 'environment',
  severity: 'medium',
  requires: ['django'],
  why: 'collectstatic refuses to run without STATIC_ROOT (ImproperlyConfigured), so the production build either fails or, when the error is swallowed (`collectstatic || true`), ships without CSS and JavaScript; the admin and every styled page break once DEBUG is off.',
  fix: "Set STATIC_ROOT to the directory the web server or WhiteNoise serves (e.g. STATIC_ROOT = BASE_DIR / 'staticfiles'), and run collectstatic in the build or release step.",
  references: [
    { title: 'Django settings: STATIC_ROOT', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#static-root' },
    { title: 'Django: Deploying static files', url: 'https://docs.djangoproject.com/en/stable/howto/static-files/deployment/' },
  ],
  verify: 'docker compose exec web python manage.py collectstatic --noinput --dry-run   # expect no ImproperlyConfigured',
  messages: {
    missing: 'STATIC_ROOT is not set in the production settings although django.contrib.staticfiles is installed: collectstatic fails.',
    empty: 'STATIC_ROOT is {value} in the production settings although django.contrib.staticfiles is installed: collectstatic fails.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'STATIC_ROOT');
      const apps = installedApps(p);
      if ('reason' in apps) {
        ctx.unknown(target, apps.reason);
        continue;
      }
      if (!hasApp(apps.apps, 'django.contrib.staticfiles')) {
        ctx.notApplicable(`${p.module} does not install django.contrib.staticfiles`);
        continue;
      }
      const storage = judge(p, 'STORAGES', (v) => {
        const backend = dict(dict(v)?.staticfiles ?? null)?.BACKEND;
        return typeof backend === 'string' ? backend : null;
      });
      const legacy = judge(p, 'STATICFILES_STORAGE', (v) => (typeof v === 'string' ? v : null));
      if ([storage, legacy].some((j) => j.state !== 'unknown' && j.result && REMOTE_STORAGE.test(j.result))) {
        ctx.pass(target);
        continue;
      }
      const root = p.project.settings.STATIC_ROOT?.value;
      const hidden = mayBeHidden(p, 'STATIC_ROOT');
      if (hidden) ctx.unknown(target, hidden);
      else if (!root) ctx.fail('missing', { at: absentSetting(p, 'STATIC_ROOT'), target });
      else if (root.kind === 'literal' && !truthy(root.value)) ctx.fail('empty', { at: root.loc, target, data: { value: pyRepr(root.value) } });
      else ctx.pass(target);
    }
  },
});
