// The live site sends X-Content-Type-Options: nosniff.
import { defineRule } from '../../core/define-rule.js';
import { header, homePages, httpProof, SECURITY_HEADERS } from './_shared.js';

export default defineRule({
  id: 'http/content-type-nosniff',
  title: 'X-Content-Type-Options: nosniff is not sent',
  category: 'security',
  severity: 'low',
  requires: ['endpoints'],
  why: 'Without nosniff, browsers may guess a response is a script or stylesheet whatever its Content-Type, so a user upload or a JSON endpoint can be executed as JavaScript in the site\'s origin (MIME-confusion XSS).',
  fix: 'Keep SECURE_CONTENT_TYPE_NOSNIFF = True (Django\'s default with SecurityMiddleware), or add_header X-Content-Type-Options nosniff always; in nginx.',
  references: [
    { title: 'Django settings: SECURE_CONTENT_TYPE_NOSNIFF', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-content-type-nosniff' },
    { title: 'OWASP HTTP Headers Cheat Sheet: X-Content-Type-Options', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#x-content-type-options' },
    { title: 'MDN: X-Content-Type-Options', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Content-Type-Options' },
  ],
  verify: 'curl -sI {url} | grep -i x-content-type-options   # expect nosniff',
  messages: {
    missing: '{url} sends no X-Content-Type-Options header.',
    invalid: '{url} sends X-Content-Type-Options: {value}; only "nosniff" has an effect.',
  },
  check({ endpoints }, ctx) {
    for (const { x, target } of homePages(endpoints ?? [], ctx)) {
      const value = header(x, 'x-content-type-options');
      const at = httpProof(x, SECURITY_HEADERS);
      if (value === undefined) ctx.fail('missing', { at, target, data: { url: x.url } });
      else if (value.toLowerCase() !== 'nosniff') ctx.fail('invalid', { at, target, data: { url: x.url, value } });
      else ctx.pass(target, 'X-Content-Type-Options: nosniff');
    }
  },
});
