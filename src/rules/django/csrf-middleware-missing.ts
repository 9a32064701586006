// CsrfViewMiddleware is installed when cookie sessions are in use (security.W003).
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, CSRF_MIDDLEWARE, hasMiddleware, middleware, productionProjects, SESSION_MIDDLEWARE, targetOf } from './_settings.js';

export default defineRule({
  id: 'django/csrf-middleware-missing',
  title: 'CSRF protection middleware is not installed',
  category: 'security',
  severity: 'high',
  requires: ['django'],
  why: 'Without CsrfViewMiddleware no view is protected against cross-site request forgery unless each one is decorated with csrf_protect: any site a logged-in user visits can make their browser submit forms and API calls with their session cookie.',
  fix: "Add 'django.middleware.csrf.CsrfViewMiddleware' to MIDDLEWARE (after SessionMiddleware) and exempt only the views that truly need it with csrf_exempt.",
  references: [
    { title: 'Django: Cross Site Request Forgery protection', url: 'https://docs.djangoproject.com/en/stable/ref/csrf/' },
    { title: 'OWASP Cross-Site Request Forgery Prevention Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html' },
  ],
  verify: 'docker compose exec web python manage.py check --deploy   # expect no security.W003',
  messages: {
    missing: 'CsrfViewMiddleware is not in {setting} although SessionMiddleware authenticates requests by cookie.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'MIDDLEWARE');
      const csrf = hasMiddleware(p, CSRF_MIDDLEWARE);
      const session = hasMiddleware(p, SESSION_MIDDLEWARE);
      if ('reason' in csrf || 'reason' in session) {
        ctx.unknown(target, 'reason' in csrf ? csrf.reason : (session as { reason: string }).reason);
        continue;
      }
      if (csrf.has) {
        ctx.pass(target);
        continue;
      }
      // CSRF rides on ambient credentials: without cookie sessions (token-only APIs) there is nothing to forge.
      if (!session.has) {
        ctx.notApplicable(`${p.module} uses no SessionMiddleware, so no cookie-authenticated requests can be forged`);
        continue;
      }
      const m = middleware(p);
      ctx.fail('missing', { at: m.state === 'decided' ? m.loc : absentSetting(p, m.setting), target, data: { setting: m.setting } });
    }
  },
});
