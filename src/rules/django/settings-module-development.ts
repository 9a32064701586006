// Production entry points (compose, Dockerfile, production env files, wsgi.py defaults) do not run dev/test settings.
import { defineRule } from '../../core/define-rule.js';
import { isDevModule, isDynamicModule, referenceContext } from './_modules.js';

export default defineRule({
  id: 'django/settings-module-development',
  title: 'Production runs a development or test settings module',
  category: 'environment',
  severity: 'high',
  requires: ['django'],
  why: 'Development and test settings typically turn DEBUG on, allow every host, use a throw-away SECRET_KEY, print e-mails to the console and skip HTTPS hardening: running them in production undoes every other setting check.',
  fix: 'Set DJANGO_SETTINGS_MODULE to the production module (e.g. mysite.settings.prod) in the production compose file, Dockerfile or env file, and make wsgi.py/asgi.py default to it (manage.py may keep defaulting to the development module).',
  references: [
    { title: 'Django: Designating the settings', url: 'https://docs.djangoproject.com/en/stable/topics/settings/#designating-the-settings' },
    { title: 'Django deployment checklist', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/' },
  ],
  verify: 'docker compose exec web printenv DJANGO_SETTINGS_MODULE   # expect the production module',
  messages: {
    production: 'The production entry point {file} sets DJANGO_SETTINGS_MODULE to the development/test module {module}.',
    appDefault: '{file} defaults DJANGO_SETTINGS_MODULE to the development/test module {module}, and no production compose file, Dockerfile or env file in the repository overrides it.',
  },
  check({ django, repo }, ctx) {
    if (django.length === 0) return ctx.notApplicable('no Django project (manage.py / settings module) in the repository');
    for (const project of django) {
      const refs = project.references.filter((r) => !isDynamicModule(r.module)).map((r) => ({ ref: r, where: referenceContext(r, repo) }));
      const judged = refs.filter((r) => r.where !== 'tooling');
      if (judged.length === 0) {
        ctx.notApplicable(`no production entry point (compose, Dockerfile, production env file, wsgi.py/asgi.py) names a settings module for the project in ${project.root || 'the repository root'}`);
        continue;
      }
      const overridden = refs.some((r) => r.where === 'production' && !isDevModule(r.ref.module));
      for (const { ref, where } of judged) {
        const target = `${ref.at.loc.file}#DJANGO_SETTINGS_MODULE`;
        const data = { file: ref.at.loc.file, module: ref.module };
        if (!isDevModule(ref.module)) ctx.pass(target);
        else if (where === 'production') ctx.fail('production', { at: ref.at, target, data });
        else if (overridden) ctx.pass(target);
        else ctx.fail('appDefault', { at: ref.at, target, severity: 'medium', data });
      }
    }
  },
});
