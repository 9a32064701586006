// Plain http:// requests are redirected to https:// on the same host, before anything else is served.
import { defineRule } from '../../core/define-rule.js';
import { httpProof } from './_shared.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export default defineRule({
  id: 'http/no-https-redirect',
  title: 'Plain HTTP is not redirected to HTTPS',
  category: 'security',
  severity: 'high',
  requires: ['endpoints'],
  why: 'Whatever is served over plain HTTP can be read and changed by anyone on the path (public Wi-Fi, a hostile ISP): session cookies without Secure leak, and forms can be rewritten. A redirect to https:// on the same host is also what lets the browser pick up HSTS on the first visit; a redirect to another host first gives no HSTS for the typed name.',
  fix: 'In nginx, answer every plain-HTTP request with a permanent redirect to the same host: server { listen 80; server_name example.com; return 301 https://$host$request_uri; } (or SECURE_SSL_REDIRECT = True in Django when the proxy forwards X-Forwarded-Proto).',
  references: [
    { title: 'Django deployment checklist: HTTPS', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#https' },
    { title: 'MDN HTTP Observatory: redirection', url: 'https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring' },
    { title: 'OWASP Transport Layer Security Cheat Sheet: use TLS for all pages', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI {plainUrl} | grep -iE "^(HTTP|location)"   # expect 301 and Location: https://{host}/...',
  messages: {
    noRedirect: '{plainUrl} answers {status} over plain HTTP instead of redirecting to https://.',
    notToHttps: '{plainUrl} redirects to {location}, which is not https://.',
    otherHost: '{plainUrl} redirects to {location}, another host: the browser never gets HSTS for {host} over HTTPS first.',
  },
  check({ endpoints }, ctx) {
    if (!endpoints || endpoints.length === 0) {
      ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
      return;
    }
    for (const e of endpoints) {
      const target = e.url;
      const x = e.plainHttp;
      if (e.error) {
        ctx.unknown(target, e.error.reason);
        continue;
      }
      if (!x) {
        ctx.unknown(target, 'plain HTTP was not probed');
        continue;
      }
      const data = { plainUrl: x.url, host: e.host, status: x.status ?? 'no answer', location: x.headers.location ?? '' };
      if (x.error) {
        // Nothing listening on the HTTP port serves nothing in clear text: safe, if unfriendly to typed URLs.
        if (x.error.kind === 'refused' && e.scheme === 'https') ctx.pass(target, `nothing answers plain HTTP on port ${e.settings.httpPort} (${x.error.reason})`);
        else ctx.unknown(target, x.error.reason);
        continue;
      }
      const location = x.headers.location;
      if (x.status === null || !REDIRECTS.has(x.status) || !location) {
        ctx.fail('noRedirect', { at: httpProof(x, ['location', 'content-type']), target, data });
        continue;
      }
      let to: URL;
      try {
        to = new URL(location, x.url);
      } catch {
        ctx.fail('notToHttps', { at: httpProof(x, ['location']), target, data });
        continue;
      }
      if (to.protocol !== 'https:') ctx.fail('notToHttps', { at: httpProof(x, ['location']), target, data });
      else if (to.hostname.toLowerCase() !== e.host.toLowerCase()) ctx.fail('otherHost', { at: httpProof(x, ['location']), target, severity: 'low', data });
      else ctx.pass(target, `${x.url} answers ${x.status} with Location: ${location}`);
    }
  },
});
