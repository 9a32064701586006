// Responses carry HSTS (on TLS servers), X-Content-Type-Options, X-Frame-Options (or CSP frame-ancestors) and
// Referrer-Policy, from nginx or, on proxied locations, from Django's own middleware.
import { defineRule } from '../../core/define-rule.js';
import type { SourceLoc } from '../../core/types/located.js';
import { djangoSendsHeader, type Answer } from './_app.js';
import { HEADER_NAMES, headersAt } from './_headers.js';
import { ACME_PATH, fragmentReason, locationsOf, proxiedLocations, type Level } from './_nginx.js';
import { contentServers, nginxScope, noNginxReason } from './_scope.js';

const REQUIRED = ['strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];
/** Locations that hand out files rather than pages. */
const FILES_PATH = /(^|\/)(static|staticfiles|media|mediafiles|uploads?|assets|favicon\.ico|robots\.txt)(\/|$)/i;

export default defineRule({
  id: 'nginx/security-headers-missing',
  title: 'Security response headers are missing',
  category: 'security',
  severity: 'medium',
  requires: ['nginx', 'django'],
  why: 'Without Strict-Transport-Security a user who types the bare domain can be downgraded to HTTP and have the session stolen on hostile Wi-Fi; without X-Frame-Options (or CSP frame-ancestors) pages can be framed for clickjacking; without X-Content-Type-Options browsers may sniff an uploaded file into HTML or script; without Referrer-Policy full URLs (tokens in query strings) leak to other sites.',
  fix: "Let Django send them on the app's responses (SecurityMiddleware with SECURE_HSTS_SECONDS, SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY; XFrameOptionsMiddleware), and add them in nginx for what nginx serves itself: `add_header Strict-Transport-Security \"max-age=63072000; includeSubDomains\" always; add_header X-Content-Type-Options nosniff always; add_header X-Frame-Options DENY always; add_header Referrer-Policy strict-origin-when-cross-origin always;` in the server block.",
  references: [
    { title: 'OWASP HTTP Headers Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html' },
    { title: 'nginx: add_header', url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header' },
    { title: 'Django: SecurityMiddleware', url: 'https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.security' },
    { title: 'Mozilla SSL Configuration Generator (HSTS)', url: 'https://ssl-config.mozilla.org/' },
  ],
  verify: 'curl -sI https://{host}/ | grep -iE "strict-transport|x-content-type|x-frame|referrer-policy"   # expect every header',
  messages: {
    missing: '{server} sends no {missing}: {details}.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    for (const f of scope.fragments) ctx.unknown(f.path, fragmentReason(f));
    const servers = contentServers(scope);
    if (servers.length === 0 && scope.fragments.length === 0) {
      ctx.notApplicable('no nginx server block serves content (only redirects or returns)');
      return;
    }
    const django = new Map<string, Answer>();
    const fromDjango = (h: string): Answer => {
      if (!django.has(h)) django.set(h, djangoSendsHeader(facts, h, facts));
      return django.get(h)!;
    };
    for (const server of servers) {
      const proxied = proxiedLocations(server.config, server);
      // The responses to judge: those of the app (proxied locations), else what the server serves itself.
      const levels: { level: Level; proxied: boolean }[] = proxied.length > 0 ? proxied.map((p) => ({ level: p.level, proxied: true })) : [{ level: server.level, proxied: false }];
      // A server that only hands out files (static/media aliases) serves no pages to frame or to leak referrers
      // from: only nosniff (and HSTS) matter there — uploaded files must not be sniffed into HTML.
      const locations = locationsOf(server.config, server.level);
      const filesOnly =
        proxied.length === 0 &&
        !server.level.list.some((d) => d.name === 'root' || d.name === 'index') &&
        locations.length > 0 &&
        locations.every((l) => FILES_PATH.test(l.path) || ACME_PATH.test(l.path));
      const required = filesOnly ? ['strict-transport-security', 'x-content-type-options'] : REQUIRED;
      const missing: string[] = [];
      const details: string[] = [];
      const unknown = new Map<string, string[]>();
      const opaque = new Set<string>();
      for (const h of required) {
        if (h === 'strict-transport-security' && !server.tls) continue;
        // Set at server level but dropped by a location's own add_header: nginx/add-header-inheritance reports that.
        if (headersAt(server.config, server.level).headers.has(h)) continue;
        let gap: string | null = null;
        let unsure: string | null = null;
        // HSTS is a host-wide policy: one response carrying it is enough.
        const all = h === 'strict-transport-security' ? [{ level: server.level, proxied: proxied.length > 0 }, ...levels, ...locations.map((l) => ({ level: l.level, proxied: false }))] : levels;
        const judged = all.map(({ level, proxied: isApp }) => {
          const set = headersAt(server.config, level);
          for (const o of set.opaque) opaque.add(`include ${o.args[0]}`);
          if (set.headers.has(h)) return 'yes';
          if (!isApp) return set.opaque.length > 0 ? 'unsure' : 'no';
          const a = fromDjango(h);
          if (a.state === 'yes') return 'yes';
          if (a.state === 'unknown') {
            unsure = a.reason;
            return 'unsure';
          }
          gap = `nginx does not add it and ${a.how}`;
          return set.opaque.length > 0 ? 'unsure' : 'no';
        });
        const ok = h === 'strict-transport-security' ? judged.includes('yes') : judged.every((j) => j === 'yes');
        if (ok) continue;
        if (judged.includes('unsure')) {
          const why = unsure ?? `an include outside the repository may add it (${[...opaque].join(', ')})`;
          unknown.set(why, [...(unknown.get(why) ?? []), HEADER_NAMES[h]]);
          continue;
        }
        missing.push(HEADER_NAMES[h]);
        details.push(`${HEADER_NAMES[h]} (${gap ?? (proxied.length > 0 ? 'nginx does not add it' : 'nginx serves these files itself and does not add it')})`);
      }
      if (missing.length > 0) {
        const worst = missing.some((m) => m === 'Strict-Transport-Security' || m === 'X-Frame-Options');
        const at: SourceLoc = server.anchor;
        ctx.fail('missing', {
          at,
          target: server.target,
          severity: worst ? 'medium' : 'low',
          data: { server: server.label, missing: missing.join(', '), details: details.join('; '), host: server.names.find((n) => /\./.test(n) && !n.startsWith('~')) ?? '<your-domain>' },
        });
      } else if (unknown.size > 0) {
        ctx.unknown(server.target, [...unknown].map(([why, hs]) => `${hs.join(', ')}: ${why}`).join('; '));
      } else {
        ctx.pass(server.target, proxied.length > 0 ? 'the headers come from nginx or from Django on the proxied locations' : 'nginx adds the headers');
      }
    }
  },
});
