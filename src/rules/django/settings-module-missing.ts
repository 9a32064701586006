// Every DJANGO_SETTINGS_MODULE that production entry points name exists in the repository.
import { defineRule } from '../../core/define-rule.js';
import { isDynamicModule, referenceContext } from './_modules.js';

export default defineRule({
  id: 'django/settings-module-missing',
  title: 'DJANGO_SETTINGS_MODULE names a module that does not exist',
  category: 'environment',
  severity: 'high',
  requires: ['django'],
  why: 'Django imports the settings module at start-up: a name that matches no file makes the app server, migrations and collectstatic fail with ModuleNotFoundError (or, when the module is expected to be created on the server, makes the deployment depend on an untracked file).',
  fix: 'Point DJANGO_SETTINGS_MODULE at a settings module that is in the repository (python -c "import importlib; importlib.import_module(\'<module>\')" from the project root must succeed), or commit the missing module.',
  references: [
    { title: 'Django: Designating the settings', url: 'https://docs.djangoproject.com/en/stable/topics/settings/#designating-the-settings' },
    { title: 'Django deployment checklist', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/' },
  ],
  verify: 'docker compose exec web python -c "import {module}"   # expect no ModuleNotFoundError',
  messages: {
    missing: 'DJANGO_SETTINGS_MODULE is {module} in {file}, but no such module exists in the repository.',
  },
  check({ django, repo }, ctx) {
    if (django.length === 0) return ctx.notApplicable('no Django project (manage.py / settings module) in the repository');
    for (const project of django) {
      // manage.py defaults and dev/test/CI files may name modules each developer creates locally (settings/local.py
      // is often git-ignored); only what production starts with is judged.
      const refs = project.references.filter((r) => referenceContext(r, repo) !== 'tooling');
      if (refs.length === 0) {
        ctx.notApplicable(`no production entry point names a settings module for the Django project in ${project.root || 'the repository root'}`);
        continue;
      }
      for (const ref of refs) {
        const target = `${ref.at.loc.file}#DJANGO_SETTINGS_MODULE`;
        if (isDynamicModule(ref.module)) {
          ctx.unknown(target, `DJANGO_SETTINGS_MODULE in ${ref.at.loc.file} is built at run time (${ref.module})`);
          continue;
        }
        if (ref.exists) {
          ctx.pass(target);
          continue;
        }
        // wsgi.py's os.environ.setdefault() only applies when the variable is unset; production sets it elsewhere.
        const prod = project.production;
        const fallbackOnly =
          /(^|\/)(wsgi|asgi)\.py$/.test(ref.at.loc.file) && prod !== null && prod.module !== ref.module && prod.at !== null && prod.at.loc.file !== ref.at.loc.file;
        ctx.fail('missing', { at: ref.at, target, severity: fallbackOnly ? 'low' : undefined, data: { module: ref.module, file: ref.at.loc.file } });
      }
    }
  },
});
