// Behind a TLS-terminating proxy Django must learn the original scheme (SECURE_PROXY_SSL_HEADER), or is_secure() is False.
import { defineRule } from '../../core/define-rule.js';
import type { PyValue } from '../../facts/django.js';
import { absentSetting, howText, judge, productionProjects, sourceEvidence, targetOf, truthy } from './_settings.js';
import { schemeFromAppServer, tlsProxies } from './_stack.js';

type Verdict = 'ok' | 'none' | 'notPair' | 'notMetaName';

function verdict(v: PyValue): Verdict {
  if (v === null || v === false || v === '') return 'none';
  if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'string')) return 'notPair';
  // Django compares request.META keys: "HTTP_X_FORWARDED_PROTO", not the header as sent ("X-Forwarded-Proto").
  return /^HTTP_[A-Z0-9_]+$/.test(v[0] as string) ? 'ok' : 'notMetaName';
}

export default defineRule({
  id: 'django/secure-proxy-ssl-header-missing',
  title: 'Django behind a TLS proxy does not know requests are HTTPS',
  category: 'security',
  severity: 'medium',
  requires: ['django', 'compose', 'nginx'],
  why: 'The proxy terminates TLS and talks plain HTTP to the app, so without SECURE_PROXY_SSL_HEADER request.is_secure() is False for every request: SECURE_SSL_REDIRECT redirects forever (redirect loop), absolute URLs and redirects point to http://, and on Django 4.0+ every POST from the HTTPS site fails the CSRF Origin check (403) unless CSRF_TRUSTED_ORIGINS lists it.',
  fix: "Set SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https') in the production settings, and make sure the proxy always sets (overwrites) X-Forwarded-Proto (nginx: proxy_set_header X-Forwarded-Proto $scheme;). Alternatively let gunicorn trust the proxy with --forwarded-allow-ips.",
  references: [
    { title: 'Django settings: SECURE_PROXY_SSL_HEADER', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-proxy-ssl-header' },
    { title: 'Django deployment checklist: HTTPS', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#https' },
    { title: 'Gunicorn settings: forwarded_allow_ips', url: 'https://docs.gunicorn.org/en/stable/settings.html#forwarded-allow-ips' },
  ],
  verify: 'curl -sIL https://<your-domain>/ | grep -ci "^location"   # expect 0 or 1, not a redirect loop; POST a form: expect no CSRF 403',
  messages: {
    missing: 'Django runs behind {proxy}, which terminates TLS, but SECURE_PROXY_SSL_HEADER is not set: request.is_secure() is False for every request.',
    redirectLoop: 'Django runs behind {proxy}, which terminates TLS, and SECURE_SSL_REDIRECT is on, but SECURE_PROXY_SSL_HEADER is not set: every request is redirected to HTTPS again (redirect loop).',
    none: 'SECURE_PROXY_SSL_HEADER {how} although Django runs behind {proxy}, which terminates TLS.',
    notPair: 'SECURE_PROXY_SSL_HEADER {how}: it must be a (header, value) pair, Django raises ImproperlyConfigured otherwise.',
    notMetaName: "SECURE_PROXY_SSL_HEADER {how}: the header must be named as in request.META ('HTTP_X_FORWARDED_PROTO'), so it never matches.",
  },
  check(facts, ctx) {
    const proxies = tlsProxies(facts);
    if (proxies.length === 0) {
      ctx.notApplicable('no TLS-terminating reverse proxy (compose service publishing 443, nginx server with ssl and proxy_pass) is visible in the repository');
      return;
    }
    const proxy = proxies[0];
    for (const p of productionProjects(facts.django, ctx)) {
      const target = targetOf(p, 'SECURE_PROXY_SSL_HEADER');
      const j = judge(p, 'SECURE_PROXY_SSL_HEADER', verdict);
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      if (j.result === 'ok') {
        ctx.pass(target);
        continue;
      }
      const data = { proxy: proxy.label, how: howText(j) };
      if (j.result === 'notPair' || j.result === 'notMetaName') {
        ctx.fail(j.result, { at: j.state === 'decided' ? j.loc : absentSetting(p, 'SECURE_PROXY_SSL_HEADER'), also: sourceEvidence(j), target, severity: 'high', data });
        continue;
      }
      if (schemeFromAppServer(facts)) {
        ctx.pass(target);
        continue;
      }
      const gunicornConfig = facts.repo.files.find((f) => f.kinds.includes('gunicorn-config'));
      if (gunicornConfig) {
        ctx.unknown(target, `SECURE_PROXY_SSL_HEADER ${howText(j)}; ${gunicornConfig.path} may set forwarded_allow_ips so gunicorn passes the scheme itself, and it is not evaluated`);
        continue;
      }
      const redirect = judge(p, 'SECURE_SSL_REDIRECT', truthy);
      const loop = redirect.state !== 'unknown' && redirect.result;
      const at = j.state === 'decided' ? j.loc : absentSetting(p, 'SECURE_PROXY_SSL_HEADER');
      const id = j.state === 'decided' ? 'none' : loop ? 'redirectLoop' : 'missing';
      ctx.fail(id, { at, also: [proxy.at, ...sourceEvidence(j)], target, severity: loop ? 'high' : 'medium', data });
    }
  },
});
