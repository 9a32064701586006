// The live site forbids framing by other origins: X-Frame-Options DENY/SAMEORIGIN or CSP frame-ancestors.
import { defineRule } from '../../core/define-rule.js';
import { header, homePages, httpProof, SECURITY_HEADERS } from './_shared.js';

export default defineRule({
  id: 'http/x-frame-options',
  title: 'Pages can be framed by other sites (clickjacking)',
  category: 'security',
  severity: 'medium',
  requires: ['endpoints'],
  why: 'A page that any site may embed in an invisible frame can be overlaid with bait so users click buttons they cannot see (clickjacking): confirm a payment, change an e-mail address, grant a permission.',
  fix: "Keep django.middleware.clickjacking.XFrameOptionsMiddleware (X_FRAME_OPTIONS = 'DENY', Django's default), or send Content-Security-Policy: frame-ancestors 'none' (or 'self'); in nginx: add_header X-Frame-Options DENY always;. ALLOW-FROM is ignored by current browsers: use frame-ancestors <origin> instead.",
  references: [
    { title: 'Django: clickjacking protection', url: 'https://docs.djangoproject.com/en/stable/ref/clickjacking/' },
    { title: 'OWASP Clickjacking Defense Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html' },
    { title: 'MDN: CSP frame-ancestors', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors' },
  ],
  verify: 'curl -sI {url} | grep -iE "x-frame-options|frame-ancestors"   # expect DENY/SAMEORIGIN or frame-ancestors',
  messages: {
    missing: '{url} sends neither X-Frame-Options nor a CSP frame-ancestors directive.',
    invalid: '{url} sends X-Frame-Options: {value}, which browsers ignore, and no CSP frame-ancestors directive.',
  },
  check({ endpoints }, ctx) {
    for (const { x, target } of homePages(endpoints ?? [], ctx)) {
      const csp = header(x, 'content-security-policy');
      const ancestors = csp?.split(';').map((d) => d.trim()).find((d) => /^frame-ancestors(\s|$)/i.test(d));
      const xfo = header(x, 'x-frame-options');
      const at = httpProof(x, SECURITY_HEADERS);
      if (ancestors) ctx.pass(target, `Content-Security-Policy ${ancestors}`);
      else if (xfo !== undefined && /^(deny|sameorigin)$/i.test(xfo)) ctx.pass(target, `X-Frame-Options: ${xfo}`);
      else if (xfo !== undefined) ctx.fail('invalid', { at, target, data: { url: x.url, value: xfo } });
      else ctx.fail('missing', { at, target, data: { url: x.url } });
    }
  },
});
