// Production errors reach someone: an error-tracking service (Sentry, Rollbar, Bugsnag...) or Django's ADMINS e-mails.
import { defineRule } from '../../core/define-rule.js';
import type { Evidence } from '../../core/types/rule.js';
import type { PyValue } from '../../facts/django.js';
import { howText, judge, loggingShape, productionProjects, targetOf, type ProdProject } from './_settings.js';
import { errorTracker } from './_tracking.js';

/** Addresses that receive nothing: reserved example domains, local names, template placeholders. */
const PLACEHOLDER_EMAIL = /(@(([\w-]+\.)*example\.(com|org|net)|([\w-]+\.)*(example|test|invalid|local|localhost)|localhost|your-?(domain|company|site)\.[a-z]+|domain\.(com|tld))$)|^(your|you|changeme|admin@admin)/i;

function emails(v: PyValue): string[] {
  const out: string[] = [];
  const visit = (x: PyValue) => {
    if (typeof x === 'string' && x.includes('@')) out.push(x.trim());
    else if (Array.isArray(x)) x.forEach(visit);
  };
  visit(v);
  return out;
}

/** Whether errors still reach AdminEmailHandler: Django's default 'django' logger does, unless LOGGING redefines it without one. */
function mailRoute(p: ProdProject): boolean | { reason: string } {
  const shape = loggingShape(p);
  if (shape.state === 'missing') return true;
  if (shape.state === 'unknown') return { reason: shape.reason };
  const adminHandler = shape.handlers.some((h) => h.cls === 'django.utils.log.AdminEmailHandler');
  const overridesDjango = shape.loggers.includes('django') || shape.loggers.includes('django.request');
  return adminHandler || !overridesDjango;
}

export default defineRule({
  id: 'django/no-error-tracking',
  title: 'Production errors are not reported to anyone',
  category: 'monitoring',
  severity: 'low',
  requires: ['django'],
  why: 'With DEBUG off, an exception becomes a bare 500 page. Without an error tracker (or at least ADMINS e-mails), nobody learns that users hit errors until they complain, and the traceback needed to fix it is gone.',
  fix: "Add an error tracker: install sentry-sdk[django] and call sentry_sdk.init(dsn=os.environ['SENTRY_DSN'], ...) in the production settings (GlitchTip and self-hosted Sentry work too), or at least set ADMINS to a monitored address with working e-mail so Django's AdminEmailHandler sends tracebacks.",
  references: [
    { title: 'Django: How to manage error reporting', url: 'https://docs.djangoproject.com/en/stable/howto/error-reporting/' },
    { title: 'Sentry for Django', url: 'https://docs.sentry.io/platforms/python/integrations/django/' },
    { title: 'OWASP Logging Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html' },
  ],
  verify: 'Trigger a test error (sentry_sdk.capture_message("test") or a view raising an exception)   # expect it in the tracker or the ADMINS inbox',
  messages: {
    none: 'No error tracking: no Sentry/Rollbar/Bugsnag-style dependency or setting, and {admins}.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'error-tracking');
      if (errorTracker(p)) {
        ctx.pass(target);
        continue;
      }
      const admins = judge(p, 'ADMINS', emails);
      if (admins.state === 'unknown') {
        ctx.unknown(target, `no error-tracking service is configured and ADMINS could not be resolved: ${admins.reason}`);
        continue;
      }
      const real = admins.result.filter((e) => !PLACEHOLDER_EMAIL.test(e));
      const also: Evidence[] = admins.state === 'decided' ? [admins.loc, ...(admins.source ? [admins.source.at] : [])] : [];
      let note: string;
      if (real.length > 0) {
        const route = mailRoute(p);
        if (route === true) {
          ctx.pass(target);
          continue;
        }
        if (route !== false) {
          ctx.unknown(target, `no error-tracking service is configured; whether errors are e-mailed to ADMINS depends on LOGGING: ${route.reason}`);
          continue;
        }
        note = 'LOGGING redefines the django loggers without an AdminEmailHandler, so ADMINS gets no error e-mails';
      } else if (admins.result.length > 0) {
        note = `ADMINS ${howText(admins)}, a placeholder address that receives nothing`;
      } else {
        note = admins.state === 'missing' ? 'ADMINS is not set, so Django e-mails errors to nobody' : `ADMINS ${howText(admins)}, so Django e-mails errors to nobody`;
      }
      ctx.fail('none', {
        at: { absentIn: p.file, note: `no error-tracking integration (sentry_sdk, Rollbar, Bugsnag...) in ${p.file} or the modules it imports, and no such dependency declared` },
        also, target, data: { admins: note } });
    }
  },
});
