// Whether a Django project reports errors to a tracking service (Sentry, Rollbar, Bugsnag, APM agents...).
import { judge, type ProdProject } from './_settings.js';

/** Distribution names (normalised: lower case, "_" and "." as "-") of error-tracking / APM clients. */
const TRACKING_PACKAGES = new Set([
  'sentry-sdk',
  'raven',
  'rollbar',
  'django-rollbar',
  'bugsnag',
  'honeybadger',
  'airbrake',
  'pybrake',
  'newrelic',
  'elastic-apm',
  'ddtrace',
  'scout-apm',
  'appsignal',
  'opbeat',
  'opentelemetry-instrumentation-django',
]);
const TRACKING_SETTING = /^(SENTRY_|RAVEN_CONFIG|ROLLBAR|BUGSNAG|HONEYBADGER|AIRBRAKE|NEW_RELIC|NEWRELIC|ELASTIC_APM|SCOUT_|APPSIGNAL|OPBEAT)/;
const TRACKING_MODULE = /(sentry|raven|rollbar|bugsnag|honeybadger|airbrake|elasticapm|scout_apm|newrelic|appsignal|opbeat)/i;

/** What shows an error tracker is in use (a dependency, a setting, an app or middleware), or null. */
export function errorTracker(p: ProdProject): string | null {
  const dep = Object.keys(p.project.dependencies).find((d) => TRACKING_PACKAGES.has(d.toLowerCase().replace(/[_.]/g, '-').replace(/\[.*$/, '')));
  if (dep) return `dependency ${dep}`;
  const setting = Object.keys(p.project.settings).find((n) => TRACKING_SETTING.test(n));
  if (setting) return `setting ${setting}`;
  for (const n of ['INSTALLED_APPS', 'MIDDLEWARE']) {
    const j = judge(p, n, (v) => (Array.isArray(v) ? (v.find((x) => typeof x === 'string' && TRACKING_MODULE.test(x)) ?? null) : null));
    if (j.state !== 'unknown' && j.result) return `${n} entry ${String(j.result)}`;
  }
  return null;
}
