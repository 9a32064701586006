// The live HTTPS site sends Strict-Transport-Security with max-age of at least one year.
import { defineRule } from '../../core/define-rule.js';
import { header, homePages, httpProof, SECURITY_HEADERS } from './_shared.js';

/** One year: the HSTS preload list's minimum and what Mozilla and OWASP recommend (the Observatory passes six months). */
const MIN_SECONDS = 31536000;

interface Hsts {
  maxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
  invalid: string | null;
}

/** RFC 6797 section 6.1: directives separated by ";", max-age required, the first header wins. */
function parseHsts(value: string): Hsts {
  const out: Hsts = { maxAge: null, includeSubDomains: false, preload: false, invalid: null };
  if (value.includes(',')) out.invalid = 'the header is sent more than once';
  for (const raw of value.split(',')[0].split(';')) {
    const [name, ...rest] = raw.trim().split('=');
    const key = name.trim().toLowerCase();
    const v = rest.join('=').trim().replace(/^"|"$/g, '');
    if (key === 'max-age') out.maxAge = /^\d+$/.test(v) ? Number(v) : null;
    else if (key === 'includesubdomains') out.includeSubDomains = true;
    else if (key === 'preload') out.preload = true;
  }
  if (out.maxAge === null && !out.invalid) out.invalid = 'max-age is missing or not a number';
  return out;
}

export default defineRule({
  id: 'http/hsts-missing',
  title: 'HSTS is not sent for at least a year',
  category: 'security',
  severity: 'medium',
  requires: ['endpoints'],
  why: 'Without Strict-Transport-Security, a browser that reaches the site over plain HTTP once (typed URL, old link, hostile Wi-Fi) can be downgraded and have its session cookie stolen before any redirect happens; a short max-age lets that protection lapse between visits. Browsers ignore HSTS sent with an untrusted certificate (the tls/* rules report those). The MDN Observatory passes six months; opsaudit asks for one year, the HSTS preload minimum that OWASP and Mozilla recommend (docs/endpoint-probes.md).',
  fix: 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains on HTTPS responses, from Django (SECURE_HSTS_SECONDS = 31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS = True) or from nginx (add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;). Start with a small max-age and raise it once the whole site works over HTTPS.',
  references: [
    { title: 'Django security: HTTP Strict Transport Security', url: 'https://docs.djangoproject.com/en/stable/ref/middleware/#http-strict-transport-security' },
    { title: 'OWASP HTTP Strict Transport Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html' },
    { title: 'RFC 6797: HTTP Strict Transport Security', url: 'https://www.rfc-editor.org/rfc/rfc6797' },
  ],
  verify: 'curl -sI {url} | grep -i strict-transport-security   # expect max-age=31536000 or more',
  messages: {
    missing: '{url} sends no Strict-Transport-Security header.',
    short: '{url} sends Strict-Transport-Security with max-age={maxAge}, less than one year ({min} seconds).',
    invalid: '{url} sends an invalid Strict-Transport-Security header ({problem}): browsers ignore it.',
  },
  check({ endpoints }, ctx) {
    for (const { e, x, target } of homePages(endpoints ?? [], ctx)) {
      if (!x.url.startsWith('https:')) {
        ctx.notApplicable(`${e.url} ends on ${x.url}, plain HTTP: browsers ignore HSTS there (http/no-https-redirect reports it)`);
        continue;
      }
      const value = header(x, 'strict-transport-security');
      const at = httpProof(x, SECURITY_HEADERS);
      const data = { url: x.url, min: MIN_SECONDS };
      if (value === undefined) {
        ctx.fail('missing', { at, target, data });
        continue;
      }
      const h = parseHsts(value);
      if (h.invalid) ctx.fail('invalid', { at, target, data: { ...data, problem: h.invalid } });
      else if ((h.maxAge ?? 0) < MIN_SECONDS) ctx.fail('short', { at, target, severity: 'low', data: { ...data, maxAge: h.maxAge ?? 0 } });
      else ctx.pass(target, `max-age=${h.maxAge}${h.includeSubDomains ? '; includeSubDomains' : ' (without includeSubDomains)'}${h.preload ? '; preload' : ''}`);
    }
  },
});
