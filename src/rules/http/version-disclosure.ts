// Response headers do not announce software versions (Server: nginx/1.22.1, X-Powered-By: PHP/7.4.3).
import { defineRule } from '../../core/define-rule.js';
import type { EndpointFacts, HttpExchange } from '../../facts/endpoint.js';
import { httpProof } from './_shared.js';

const HEADERS = ['server', 'x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version'];
/** A version number: "1.22.1", "/2", "PHP/7.4.3". */
const VERSION = /\d+\.\d+|\/\s*v?\d/;

function exchanges(e: EndpointFacts): HttpExchange[] {
  const fetched = [e.home, e.notFound, e.errorPage, e.health, e.admin].flatMap((f) => f?.hops ?? []);
  return [...fetched, ...(e.plainHttp ? [e.plainHttp] : [])].filter((x) => x.error === null);
}

export default defineRule({
  id: 'http/version-disclosure',
  title: 'Server or X-Powered-By header discloses a version',
  category: 'webserver',
  severity: 'low',
  requires: ['endpoints'],
  why: 'A version in every response lets scanners match the server against known CVEs without probing, and tells an attacker exactly which exploit to try when one is published; it also shows when patches stop being applied.',
  fix: 'In nginx: server_tokens off; (http block). Remove X-Powered-By where the application or a proxy adds it (nginx: proxy_hide_header X-Powered-By;). Keep the software patched either way: hiding the version is not a fix for an old one.',
  references: [
    { title: 'nginx: server_tokens', url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens' },
    { title: 'OWASP HTTP Headers Cheat Sheet: Server and X-Powered-By', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#server' },
    { title: 'OWASP WSTG: fingerprint web server', url: 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/02-Fingerprint_Web_Server' },
  ],
  verify: 'curl -sI {pageUrl} | grep -iE "^(server|x-powered-by):"   # expect no version number',
  messages: {
    disclosed: '{pageUrl} answers with {header}: {value}.',
  },
  check({ endpoints }, ctx) {
    if (!endpoints || endpoints.length === 0) {
      ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
      return;
    }
    for (const e of endpoints) {
      if (e.error) {
        ctx.unknown(e.url, e.error.reason);
        continue;
      }
      const answered = exchanges(e);
      if (answered.length === 0) {
        ctx.unknown(e.url, e.home?.hops[0]?.error?.reason ?? 'no request got an answer');
        continue;
      }
      const found = new Map<string, HttpExchange>();
      for (const x of answered) for (const h of HEADERS) if (!found.has(h) && x.headers[h] !== undefined && VERSION.test(x.headers[h])) found.set(h, x);
      for (const [h, x] of found) {
        const name = h === 'server' ? 'Server' : h === 'x-powered-by' ? 'X-Powered-By' : h;
        ctx.fail('disclosed', { at: httpProof(x, [h]), target: `${e.url}#${h}`, data: { pageUrl: x.url, header: name, value: x.headers[h] } });
      }
      if (found.size === 0) {
        const server = answered.find((x) => x.headers.server)?.headers.server;
        ctx.pass(e.url, server ? `Server: ${server} (no version)` : 'no Server or X-Powered-By header with a version');
      }
    }
  },
});
