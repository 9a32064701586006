// Where a DJANGO_SETTINGS_MODULE reference lives (production entry point, default, dev tooling) and dev-like module names.
import type { Facts } from '../../facts/index.js';
import type { SettingsModuleReference } from '../../facts/django.js';
import { isDevFile } from './_stack.js';

export type ReferenceContext =
  /** Sets the module for production: a production compose file, Dockerfile, env file, systemd unit, gunicorn config. */
  | 'production'
  /** wsgi.py / asgi.py: os.environ.setdefault(), used by the app server when nothing else sets the variable. */
  | 'app-default'
  /** manage.py, dev/test/CI files: not what production serves. */
  | 'tooling';

/** Classifies the file a reference was found in. */
export function referenceContext(ref: SettingsModuleReference, repo: Facts['repo']): ReferenceContext {
  const file = ref.at.loc.file;
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'wsgi.py' || base === 'asgi.py') return 'app-default';
  if (base === 'manage.py' || isDevFile(file)) return 'tooling';
  const kinds = repo.files.find((f) => f.path === file)?.kinds ?? [];
  if (kinds.includes('ci-workflow') || kinds.includes('django-settings')) return 'tooling';
  const env = repo.envFiles.find((e) => e.path === file);
  if (env) return env.role === 'production' ? 'production' : 'tooling';
  if (kinds.some((k) => ['dockerfile', 'compose', 'systemd-unit', 'gunicorn-config'].includes(k))) return 'production';
  if (kinds.includes('shell') && /(deploy|prod|start|entrypoint|run|boot)/.test(base)) return 'production';
  return 'tooling';
}

/** Module names of development, test or CI settings ("mysite.settings.dev", "config.settings.local", "settings_test"). */
export function isDevModule(module: string): boolean {
  const last = module.slice(module.lastIndexOf('.') + 1);
  return /^(settings_?)?(dev|devel|develop|development|local|test|tests|testing|ci)(_?settings)?$/i.test(last);
}

/** A module name that is not static (`config.settings.${ENV}`), so it cannot be judged. */
export function isDynamicModule(module: string): boolean {
  return /[${}%<>]/.test(module);
}
