// SecurityMiddleware is installed (security.W001): without it the SECURE_* settings do nothing.
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, hasMiddleware, middleware, productionProjects, SECURITY_MIDDLEWARE, targetOf } from './_settings.js';

const DEPENDENT = ['SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'SECURE_REFERRER_POLICY', 'SECURE_CROSS_ORIGIN_OPENER_POLICY'];

export default defineRule({
  id: 'django/security-middleware-missing',
  title: 'SecurityMiddleware is not installed',
  category: 'security',
  severity: 'medium',
  requires: ['django'],
  why: 'django.middleware.security.SecurityMiddleware is what applies SECURE_SSL_REDIRECT, HSTS, X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy; without it those settings are silently ignored, whatever they say.',
  fix: "Add 'django.middleware.security.SecurityMiddleware' as the first entry of MIDDLEWARE.",
  references: [
    { title: 'Django: Security middleware', url: 'https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.security' },
    { title: 'Django system checks: security.W001', url: 'https://docs.djangoproject.com/en/stable/ref/checks/#security' },
  ],
  verify: 'docker compose exec web python manage.py check --deploy   # expect no security.W001',
  messages: {
    missing: 'SecurityMiddleware is not in {setting}{ignored}.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'MIDDLEWARE');
      const has = hasMiddleware(p, SECURITY_MIDDLEWARE);
      if ('reason' in has) {
        ctx.unknown(target, has.reason);
        continue;
      }
      if (has.has) {
        ctx.pass(target);
        continue;
      }
      const m = middleware(p);
      const set = DEPENDENT.filter((n) => n in p.project.settings);
      ctx.fail('missing', {
        at: m.state === 'decided' ? m.loc : absentSetting(p, m.setting),
        target,
        data: { setting: m.setting, ignored: set.length > 0 ? `, so ${set.join(', ')} ${set.length === 1 ? 'has' : 'have'} no effect` : '' },
      });
    }
  },
});
