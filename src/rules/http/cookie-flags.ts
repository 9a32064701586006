// Session and CSRF cookies the live site sets carry Secure, HttpOnly (session) and SameSite.
import { defineRule } from '../../core/define-rule.js';
import type { EndpointFacts, HttpExchange, SetCookie } from '../../facts/endpoint.js';
import { fetchProblem, httpProof } from './_shared.js';

/** Django's names, and the usual names of session and CSRF cookies of other stacks. */
const SESSION = /^(sessionid|session|sessid|phpsessid|jsessionid)$|sess/i;
const CSRF = /csrf|xsrf/i;

function exchanges(e: EndpointFacts): HttpExchange[] {
  return [e.home, e.admin].flatMap((f) => f?.hops ?? []).filter((x) => x.error === null);
}

export default defineRule({
  id: 'http/cookie-flags',
  title: 'Session or CSRF cookie lacks Secure, HttpOnly or SameSite',
  category: 'security',
  severity: 'medium',
  requires: ['endpoints'],
  why: 'A session cookie without Secure is also sent over plain HTTP, where anyone on the network can copy it and take over the session; without HttpOnly, any XSS can read it with document.cookie; without SameSite, it rides along on cross-site requests (CSRF). The CSRF cookie needs Secure for the same reason; HttpOnly brings it nothing (Django documents that). Unlike the MDN Observatory, other cookies are not judged (docs/endpoint-probes.md).',
  fix: "Set SESSION_COOKIE_SECURE = True and CSRF_COOKIE_SECURE = True in the production settings, keep SESSION_COOKIE_HTTPONLY = True and SESSION_COOKIE_SAMESITE / CSRF_COOKIE_SAMESITE = 'Lax' (Django's defaults).",
  references: [
    { title: 'Django deployment checklist: SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#csrf-cookie-secure' },
    { title: 'Django settings: SESSION_COOKIE_SAMESITE', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-samesite' },
    { title: 'OWASP Session Management Cheat Sheet: cookies', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies' },
  ],
  verify: 'curl -sI {pageUrl} | grep -i set-cookie   # expect Secure (and HttpOnly for {cookie}) and SameSite=Lax',
  messages: {
    notSecure: '{pageUrl} sets the {role} cookie {cookie} without Secure: it is also sent over plain HTTP.',
    notHttpOnly: '{pageUrl} sets the session cookie {cookie} without HttpOnly: JavaScript (and any XSS) can read it.',
    sameSite: '{pageUrl} sets the {role} cookie {cookie} with {how}: it is sent on cross-site requests.',
  },
  check({ endpoints }, ctx) {
    if (!endpoints || endpoints.length === 0) {
      ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
      return;
    }
    for (const e of endpoints) {
      const problem = fetchProblem(e, e.home, 'the page');
      if (problem) {
        ctx.unknown(e.url, problem);
        continue;
      }
      const seen = new Map<string, { c: SetCookie; x: HttpExchange }>();
      for (const x of exchanges(e)) for (const c of x.cookies) if (!seen.has(c.name) && (SESSION.test(c.name) || CSRF.test(c.name))) seen.set(c.name, { c, x });
      if (seen.size === 0) {
        const pages = [e.home, e.admin].flatMap((f) => (f ? [f.hops[f.hops.length - 1].url] : [])).join(', ');
        ctx.unknown(e.url, `no session or CSRF cookie was set on the pages probed (${pages}); Django sets sessionid only after login — check Set-Cookie after logging in (django/session-cookie-insecure checks the settings)`);
        continue;
      }
      for (const [name, { c, x }] of seen) {
        const target = `${e.url}#cookie:${name}`;
        const session = !CSRF.test(name);
        const role = session ? 'session' : 'CSRF';
        // The value is never shown; attributes go to the excerpt, where the secret masker cannot mistake them for
        // the value of a "...token=" assignment.
        const at = { ...httpProof(x, [], `Set-Cookie attributes: ${c.attributes || '(none)'}`), headers: { 'set-cookie': `${name}=***` } };
        const data = { pageUrl: x.url, cookie: name, role };
        let failed = false;
        if (x.url.startsWith('https:') && !c.secure) {
          ctx.fail('notSecure', { at, target, severity: session ? 'medium' : 'low', data });
          failed = true;
        }
        if (session && !c.httpOnly) {
          ctx.fail('notHttpOnly', { at, target, data });
          failed = true;
        }
        const sameSite = c.sameSite?.toLowerCase();
        if (sameSite !== 'lax' && sameSite !== 'strict') {
          ctx.fail('sameSite', { at, target, severity: 'low', data: { ...data, how: c.sameSite ? `SameSite=${c.sameSite}` : 'no SameSite attribute' } });
          failed = true;
        }
        if (!failed) ctx.pass(target, `cookie ${name} set with ${c.attributes}`);
      }
    }
  },
});
