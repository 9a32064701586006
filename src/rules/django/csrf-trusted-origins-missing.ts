// Django 4.0+ behind HTTPS checks the Origin header: the site's https origin must verify (proxy scheme or CSRF_TRUSTED_ORIGINS).
import { defineRule } from '../../core/define-rule.js';
import type { PyValue } from '../../facts/django.js';
import { absentSetting, atLeast, howText, judge, productionProjects, sourceEvidence, stringList, targetOf, truthy, type ProdProject } from './_settings.js';
import { schemeFromAppServer, tlsProxies } from './_stack.js';

/** Settings that only exist in Django 4.0 and later: their presence shows the version when no requirement pins it. */
const SINCE_4 = ['SECURE_CROSS_ORIGIN_OPENER_POLICY', 'CSRF_COOKIE_MASKED', 'STORAGES', 'FORMS_URLFIELD_ASSUME_HTTPS'];

function isDjango4(p: ProdProject): { yes: boolean; why: string } | null {
  const declared = atLeast(p.version, [4, 0]);
  if (declared !== null) return { yes: declared, why: `declared ${p.version.spec}` };
  const evidence = SINCE_4.find((n) => n in p.project.settings);
  return evidence ? { yes: true, why: `${evidence} is set, which exists since Django 4.0` } : null;
}

function originsVerdict(v: PyValue): { kind: 'empty' } | { kind: 'noScheme'; bad: string[] } | { kind: 'ok' } | { kind: 'notList' } {
  const list = stringList(v);
  if (list === null) return v === null ? { kind: 'empty' } : { kind: 'notList' };
  const entries = list.filter((o) => o.trim() !== '');
  if (entries.length === 0) return { kind: 'empty' };
  const bad = entries.filter((o) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(o));
  return bad.length > 0 ? { kind: 'noScheme', bad } : { kind: 'ok' };
}

export default defineRule({
  id: 'django/csrf-trusted-origins-missing',
  title: 'HTTPS form posts will fail the CSRF origin check',
  category: 'security',
  severity: 'medium',
  requires: ['django', 'compose', 'nginx'],
  why: "Since Django 4.0 CsrfViewMiddleware compares the browser's Origin header with the request's own scheme and host. Behind a TLS proxy without SECURE_PROXY_SSL_HEADER, Django believes the request is http:// while the browser sends Origin: https://..., so every login and form POST is rejected with 403 unless CSRF_TRUSTED_ORIGINS lists the https origin. Entries without a scheme never match.",
  fix: "Set SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https') (with the proxy setting X-Forwarded-Proto), or list the site in CSRF_TRUSTED_ORIGINS with its scheme: CSRF_TRUSTED_ORIGINS = ['https://example.com'].",
  references: [
    { title: 'Django settings: CSRF_TRUSTED_ORIGINS', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#csrf-trusted-origins' },
    { title: 'Django 4.0 release notes: CSRF_TRUSTED_ORIGINS changes', url: 'https://docs.djangoproject.com/en/stable/releases/4.0/#csrf-trusted-origins-changes' },
    { title: 'Django: How CSRF protection works', url: 'https://docs.djangoproject.com/en/stable/ref/csrf/#how-it-works' },
  ],
  verify: 'Log in to https://<your-domain>/admin/ through the proxy   # expect no "CSRF verification failed" 403',
  messages: {
    missing: "CSRF_TRUSTED_ORIGINS is empty and Django cannot tell requests are HTTPS (no SECURE_PROXY_SSL_HEADER) behind {proxy}: Django 4.0+ ({version}) rejects form posts from https:// pages with 403.",
    noScheme: 'CSRF_TRUSTED_ORIGINS {how}: entries without a scheme ({bad}) never match on Django 4.0+ (check 4_0.E001).',
  },
  check(facts, ctx) {
    const proxies = tlsProxies(facts);
    for (const p of productionProjects(facts.django, ctx)) {
      const target = targetOf(p, 'CSRF_TRUSTED_ORIGINS');
      const redirect = judge(p, 'SECURE_SSL_REDIRECT', truthy);
      const https = proxies.length > 0 || (redirect.state !== 'unknown' && redirect.result);
      if (!https) {
        ctx.notApplicable('no HTTPS in front of Django is visible (no TLS proxy in the repository, SECURE_SSL_REDIRECT not on)');
        continue;
      }
      const v4 = isDjango4(p);
      if (v4 && !v4.yes) {
        ctx.notApplicable(`${v4.why}: before 4.0 Django checks the Referer against the host, not the Origin`);
        continue;
      }
      const origins = judge(p, 'CSRF_TRUSTED_ORIGINS', originsVerdict);
      if (origins.state !== 'unknown' && origins.result.kind === 'noScheme' && v4) {
        ctx.fail('noScheme', {
          at: origins.state === 'decided' ? origins.loc : absentSetting(p, 'CSRF_TRUSTED_ORIGINS'),
          also: sourceEvidence(origins),
          target,
          data: { how: howText(origins), bad: origins.result.bad.join(', ') },
        });
        continue;
      }
      if (origins.state !== 'unknown' && origins.result.kind === 'ok') {
        ctx.pass(target);
        continue;
      }
      const header = judge(p, 'SECURE_PROXY_SSL_HEADER', (v) => Array.isArray(v) && v.length === 2 && /^HTTP_/.test(String(v[0])));
      if ((header.state !== 'unknown' && header.result) || schemeFromAppServer(facts)) {
        ctx.pass(target);
        continue;
      }
      if (proxies.length === 0) {
        ctx.notApplicable('SECURE_SSL_REDIRECT is on but no TLS proxy is visible in the repository, so the scheme Django sees cannot be judged');
        continue;
      }
      if (origins.state === 'unknown') {
        ctx.unknown(target, origins.reason);
        continue;
      }
      if (header.state === 'unknown') {
        ctx.unknown(target, header.reason);
        continue;
      }
      if (!v4) {
        ctx.unknown(target, 'the Django version is not pinned in the dependencies (Django 4.0+ checks the Origin header; earlier versions do not)');
        continue;
      }
      ctx.fail('missing', {
        at: origins.state === 'decided' ? origins.loc : absentSetting(p, 'CSRF_TRUSTED_ORIGINS'),
        also: [proxies[0].at, ...sourceEvidence(origins)],
        target,
        data: { proxy: proxies[0].label, version: v4.why },
      });
    }
  },
});
