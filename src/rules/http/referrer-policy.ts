// The live site sends a Referrer-Policy that does not leak full URLs to other origins.
import { defineRule } from '../../core/define-rule.js';
import { header, homePages, httpProof, SECURITY_HEADERS } from './_shared.js';

const VALID = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
/** Policies that send the full URL (path and query string) to other origins; same sets as django/referrer-policy. */
const LEAKY = new Set(['unsafe-url', 'no-referrer-when-downgrade']);

export default defineRule({
  id: 'http/referrer-policy',
  title: 'Referrer-Policy is missing or leaks full URLs',
  category: 'security',
  severity: 'low',
  requires: ['endpoints'],
  why: 'With unsafe-url or no-referrer-when-downgrade, the full URL of each page, including path and query string, goes to every third-party site, CDN and analytics script it links to or loads: password-reset tokens, search terms and internal IDs leak that way. Without the header, the result depends on each browser\'s default (current ones use strict-origin-when-cross-origin, older ones leak). The MDN Observatory does not penalise a missing header; opsaudit reports it as low because Django sends same-origin by default, so its absence means the protection was turned off somewhere.',
  fix: "Leave SECURE_REFERRER_POLICY at Django's default 'same-origin' (or 'strict-origin-when-cross-origin'), or add_header Referrer-Policy strict-origin-when-cross-origin always; in nginx; never unsafe-url.",
  references: [
    { title: 'Django settings: SECURE_REFERRER_POLICY', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-referrer-policy' },
    { title: 'OWASP HTTP Headers Cheat Sheet: Referrer-Policy', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#referrer-policy' },
    { title: 'MDN: Referrer-Policy', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Referrer-Policy' },
  ],
  verify: 'curl -sI {url} | grep -i referrer-policy   # expect same-origin or strict-origin-when-cross-origin',
  messages: {
    missing: '{url} sends no Referrer-Policy header.',
    leaky: '{url} sends Referrer-Policy: {value}, which sends full URLs to other origins.',
    invalid: '{url} sends Referrer-Policy: {value}, which browsers do not recognise.',
  },
  check({ endpoints }, ctx) {
    for (const { x, target } of homePages(endpoints ?? [], ctx)) {
      const value = header(x, 'referrer-policy');
      const at = httpProof(x, SECURITY_HEADERS);
      if (value === undefined) {
        ctx.fail('missing', { at, target, data: { url: x.url } });
        continue;
      }
      // Browsers use the last policy they understand.
      const known = value.split(',').map((v) => v.trim().toLowerCase()).filter((v) => VALID.has(v));
      const effective = known[known.length - 1];
      if (!effective) ctx.fail('invalid', { at, target, data: { url: x.url, value } });
      else if (LEAKY.has(effective)) ctx.fail('leaky', { at, target, severity: 'medium', data: { url: x.url, value } });
      else ctx.pass(target, `Referrer-Policy: ${value}`);
    }
  },
});
