// The live site sends an enforced Content-Security-Policy.
import { defineRule } from '../../core/define-rule.js';
import { header, homePages, httpProof, SECURITY_HEADERS } from './_shared.js';

const META_CSP = /<meta[^>]+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i;

export default defineRule({
  id: 'http/csp-missing',
  title: 'No Content-Security-Policy is enforced',
  category: 'security',
  severity: 'low',
  requires: ['endpoints'],
  why: "A Content-Security-Policy is the browser-side safety net against cross-site scripting: it limits where scripts, styles and frames may come from, so one missed escape in a template does not hand the attacker the user's session. A Report-Only policy only reports. opsaudit checks that a policy is enforced; the MDN Observatory also grades its strength (unsafe-inline, wildcards), which is a hardening step beyond this check.",
  fix: "Send a policy: with Django 6.0's ContentSecurityPolicyMiddleware (SECURE_CSP), django-csp for older versions, or nginx add_header Content-Security-Policy \"default-src 'self'; frame-ancestors 'none'; object-src 'none'\" always;. Start as Content-Security-Policy-Report-Only, fix the reports, then enforce.",
  references: [
    { title: 'Django: Content Security Policy', url: 'https://docs.djangoproject.com/en/stable/ref/csp/' },
    { title: 'OWASP Content Security Policy Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html' },
    { title: 'MDN: Content-Security-Policy', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy' },
  ],
  verify: 'curl -sI {url} | grep -i "^content-security-policy:"',
  messages: {
    missing: '{url} sends no Content-Security-Policy.',
    reportOnly: '{url} sends only Content-Security-Policy-Report-Only: nothing is blocked.',
  },
  check({ endpoints }, ctx) {
    for (const { x, target } of homePages(endpoints ?? [], ctx)) {
      const at = httpProof(x, SECURITY_HEADERS);
      if (header(x, 'content-security-policy') !== undefined) ctx.pass(target, 'Content-Security-Policy header sent');
      else if (META_CSP.test(x.body)) ctx.pass(target, 'Content-Security-Policy set in a <meta http-equiv> tag');
      else if (header(x, 'content-security-policy-report-only') !== undefined) ctx.fail('reportOnly', { at, target, data: { url: x.url } });
      else ctx.fail('missing', { at, target, data: { url: x.url } });
    }
  },
});
