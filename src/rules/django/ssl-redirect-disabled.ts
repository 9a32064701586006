// Plain-HTTP requests are redirected to HTTPS, by Django (SECURE_SSL_REDIRECT, security.W008) or by a visible proxy,
// unless no plain-HTTP way reaches the app at all (every proxy in front of it accepts only TLS).
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, howText, judge, productionProjects, securityMiddlewareActive, sourceEvidence, targetOf, truthy } from './_settings.js';
import { proxyRedirectsToHttps, tlsOnlyIngress } from './_stack.js';

export default defineRule({
  id: 'django/ssl-redirect-disabled',
  title: 'HTTP is not redirected to HTTPS',
  category: 'security',
  severity: 'medium',
  requires: ['django', 'compose', 'nginx'],
  why: 'Without a redirect, users who type the bare domain or follow an http:// link use the site unencrypted: session cookies, CSRF tokens and form data travel in clear text and can be read or changed on the network.',
  fix: 'Set SECURE_SSL_REDIRECT = True in the production settings (with SECURE_PROXY_SSL_HEADER when a proxy terminates TLS), or redirect in the proxy (nginx: `return 301 https://$host$request_uri;` in the port-80 server).',
  references: [
    { title: 'Django settings: SECURE_SSL_REDIRECT', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-ssl-redirect' },
    { title: 'Django security: SSL/HTTPS', url: 'https://docs.djangoproject.com/en/stable/topics/security/#ssl-https' },
    { title: 'OWASP Transport Layer Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI http://<your-domain>/ | head -3   # expect 301 with Location: https://...',
  messages: {
    disabled: 'SECURE_SSL_REDIRECT {how} and no proxy in the repository redirects HTTP to HTTPS.',
    notSet: 'SECURE_SSL_REDIRECT is not set (default False) and no proxy in the repository redirects HTTP to HTTPS.',
  },
  check(facts, ctx) {
    const proxy = proxyRedirectsToHttps(facts);
    // When cleartext requests never reach Django there is nothing for SECURE_SSL_REDIRECT to redirect.
    const tlsOnly = proxy ? null : tlsOnlyIngress(facts);
    for (const p of productionProjects(facts.django, ctx)) {
      const target = targetOf(p, 'SECURE_SSL_REDIRECT');
      if (proxy) {
        ctx.pass(target);
        continue;
      }
      if (tlsOnly && 'label' in tlsOnly) {
        ctx.pass(target, `plain HTTP never reaches Django: ${tlsOnly.label}`);
        continue;
      }
      const j = judge(p, 'SECURE_SSL_REDIRECT', truthy);
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      if (!securityMiddlewareActive(p, ctx, target)) continue;
      if (j.result) ctx.pass(target);
      else if (tlsOnly) ctx.unknown(target, `SECURE_SSL_REDIRECT is off, and whether plain HTTP can reach Django cannot be told: ${tlsOnly.unknown}`);
      else if (j.state === 'missing') ctx.fail('notSet', { at: absentSetting(p, 'SECURE_SSL_REDIRECT'), target });
      else ctx.fail('disabled', { at: j.loc, also: sourceEvidence(j), target, data: { how: howText(j) } });
    }
  },
});
