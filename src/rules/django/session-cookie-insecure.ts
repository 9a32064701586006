// The session cookie is Secure and HttpOnly in production (security.W010-W015).
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, hasApp, hasMiddleware, howText, installedApps, judge, productionProjects, SESSION_MIDDLEWARE, sourceEvidence, targetOf, truthy } from './_settings.js';

export default defineRule({
  id: 'django/session-cookie-insecure',
  title: 'Session cookie is not Secure or not HttpOnly',
  category: 'security',
  severity: 'medium',
  requires: ['django'],
  why: 'A session cookie without the Secure flag is also sent over plain HTTP, where anyone on the network can copy it and take over the session; without HttpOnly, any XSS can read it with document.cookie.',
  fix: 'Set SESSION_COOKIE_SECURE = True in the production settings and leave SESSION_COOKIE_HTTPONLY at its default (True).',
  references: [
    { title: 'Django settings: SESSION_COOKIE_SECURE', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-secure' },
    { title: 'Django deployment checklist: SESSION_COOKIE_SECURE', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#session-cookie-secure' },
    { title: 'OWASP Session Management Cheat Sheet: cookies', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies' },
  ],
  verify: 'curl -sI https://<your-domain>/admin/login/ -c - | grep -i sessionid   # after logging in: expect Secure and HttpOnly',
  messages: {
    notSecureUnset: 'SESSION_COOKIE_SECURE is not set (default False): the session cookie is also sent over plain HTTP.',
    notSecure: 'SESSION_COOKIE_SECURE {how}: the session cookie is also sent over plain HTTP.',
    notHttpOnly: 'SESSION_COOKIE_HTTPONLY {how}: JavaScript (and any XSS) can read the session cookie.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const apps = installedApps(p);
      const mw = hasMiddleware(p, SESSION_MIDDLEWARE);
      if ('reason' in apps || 'reason' in mw) {
        ctx.unknown(targetOf(p, 'SESSION_COOKIE_SECURE'), `whether sessions are used could not be told: ${'reason' in apps ? apps.reason : (mw as { reason: string }).reason}`);
        continue;
      }
      if (!hasApp(apps.apps, 'django.contrib.sessions') && !mw.has) {
        ctx.notApplicable(`${p.module} neither installs django.contrib.sessions nor uses SessionMiddleware`);
        continue;
      }
      const secureTarget = targetOf(p, 'SESSION_COOKIE_SECURE');
      const secure = judge(p, 'SESSION_COOKIE_SECURE', truthy);
      if (secure.state === 'unknown') ctx.unknown(secureTarget, secure.reason);
      else if (secure.result) ctx.pass(secureTarget);
      else if (secure.state === 'missing') ctx.fail('notSecureUnset', { at: absentSetting(p, 'SESSION_COOKIE_SECURE'), target: secureTarget });
      else ctx.fail('notSecure', { at: secure.loc, also: sourceEvidence(secure), target: secureTarget, data: { how: howText(secure) } });

      const httpOnlyTarget = targetOf(p, 'SESSION_COOKIE_HTTPONLY');
      const httpOnly = judge(p, 'SESSION_COOKIE_HTTPONLY', truthy);
      if (httpOnly.state === 'unknown') ctx.unknown(httpOnlyTarget, httpOnly.reason);
      else if (httpOnly.result || httpOnly.state === 'missing') ctx.pass(httpOnlyTarget);
      else ctx.fail('notHttpOnly', { at: httpOnly.loc, also: sourceEvidence(httpOnly), target: httpOnlyTarget, data: { how: howText(httpOnly) } });
    }
  },
});
