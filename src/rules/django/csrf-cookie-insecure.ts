// The CSRF cookie is Secure in production (security.W016), unless the token lives in the session.
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, CSRF_MIDDLEWARE, hasMiddleware, howText, judge, productionProjects, sourceEvidence, targetOf, truthy } from './_settings.js';

export default defineRule({
  id: 'django/csrf-cookie-insecure',
  title: 'CSRF cookie is not Secure',
  category: 'security',
  severity: 'low',
  requires: ['django'],
  why: 'Without the Secure flag the CSRF cookie is also sent over plain HTTP, where a network attacker can read it (or plant one) and then forge requests that pass the CSRF check.',
  fix: 'Set CSRF_COOKIE_SECURE = True in the production settings (or CSRF_USE_SESSIONS = True to keep the token in the session).',
  references: [
    { title: 'Django settings: CSRF_COOKIE_SECURE', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#csrf-cookie-secure' },
    { title: 'Django deployment checklist: CSRF_COOKIE_SECURE', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#csrf-cookie-secure' },
    { title: 'OWASP Cross-Site Request Forgery Prevention Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI https://<your-domain>/admin/login/ | grep -i csrftoken   # expect Secure',
  messages: {
    notSetUnset: 'CSRF_COOKIE_SECURE is not set (default False): the CSRF cookie is also sent over plain HTTP.',
    notSecure: 'CSRF_COOKIE_SECURE {how}: the CSRF cookie is also sent over plain HTTP.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'CSRF_COOKIE_SECURE');
      const mw = hasMiddleware(p, CSRF_MIDDLEWARE);
      if ('reason' in mw) {
        ctx.unknown(target, `whether CsrfViewMiddleware is installed could not be told: ${mw.reason}`);
        continue;
      }
      if (!mw.has) {
        ctx.notApplicable(`CsrfViewMiddleware is not in MIDDLEWARE of ${p.module} (reported by django/csrf-middleware-missing)`);
        continue;
      }
      const inSession = judge(p, 'CSRF_USE_SESSIONS', truthy);
      if (inSession.state !== 'unknown' && inSession.result) {
        ctx.pass(target);
        continue;
      }
      const j = judge(p, 'CSRF_COOKIE_SECURE', truthy);
      if (j.state === 'unknown') ctx.unknown(target, j.reason);
      else if (j.result) ctx.pass(target);
      else if (inSession.state === 'unknown') ctx.unknown(target, `CSRF_COOKIE_SECURE ${howText(j)}, but CSRF_USE_SESSIONS is unknown: ${inSession.reason}`);
      else if (j.state === 'missing') ctx.fail('notSetUnset', { at: absentSetting(p, 'CSRF_COOKIE_SECURE'), target });
      else ctx.fail('notSecure', { at: j.loc, also: sourceEvidence(j), target, data: { how: howText(j) } });
    }
  },
});
