// proxy_pass to the app must forward Host, X-Forwarded-Proto and X-Forwarded-For (Django's host and scheme checks).
import { defineRule } from '../../core/define-rule.js';
import type { NginxConfig, NginxDirective } from '../../facts/scripts.js';
import { tlsElsewhere } from './_deploy.js';
import { headerName, locationLabel, lookup, passHost, proxiedLocations, walk, type Level } from './_nginx.js';
import { judgedAppServers } from './_scope.js';

const HEADER = { host: 'Host', 'x-forwarded-proto': 'X-Forwarded-Proto', 'x-forwarded-for': 'X-Forwarded-For' } as const;
type Needed = keyof typeof HEADER;

/** A proxy_pass to something other than the app: a public host name (S3, a CDN, an external API). */
function externalTarget(config: NginxConfig, d: NginxDirective): boolean {
  const host = passHost(d);
  if (!host || !host.includes('.') || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return false;
  return !walk(config.directives).some((u) => u.name === 'upstream' && u.args[0] === host);
}

export default defineRule({
  id: 'nginx/proxy-headers-missing',
  title: 'proxy_pass does not forward Host / X-Forwarded-Proto / X-Forwarded-For',
  category: 'webserver',
  severity: 'medium',
  requires: ['nginx', 'compose'],
  why: "Without `proxy_set_header Host` Django sees the upstream name (\"web:8000\", \"127.0.0.1\") instead of the site's host: ALLOWED_HOSTS rejects requests or must be loosened, and absolute URLs, redirects and CSRF origin checks use the wrong host. Without X-Forwarded-Proto, SECURE_PROXY_SSL_HEADER never sees https (redirect loops with SECURE_SSL_REDIRECT, CSRF 'Origin checking failed' on HTTPS forms, insecure-looking request.is_secure()). Without X-Forwarded-For every request seems to come from nginx: logs, rate limiting and lockout by IP see one client.",
  fix: 'In every location that proxies to the app (or once at server level when no location sets its own proxy_set_header): `proxy_set_header Host $host; proxy_set_header X-Forwarded-Proto $scheme; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;` — or `include proxy_params;` on Debian/Ubuntu. Remember that a location with any proxy_set_header of its own (e.g. the WebSocket Upgrade headers) no longer inherits the server-level ones.',
  references: [
    { title: 'nginx: proxy_set_header', url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_set_header' },
    { title: 'Django settings: SECURE_PROXY_SSL_HEADER', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-proxy-ssl-header' },
    { title: 'Django: host header validation', url: 'https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation' },
    { title: 'Gunicorn: deploying behind nginx', url: 'https://docs.gunicorn.org/en/stable/deploy.html' },
  ],
  verify: "nginx -T 2>/dev/null | grep -nE 'proxy_pass|proxy_set_header (Host|X-Forwarded-Proto|X-Forwarded-For)'   # expect the three headers for every proxy_pass to the app",
  messages: {
    missing: '{where} proxies to the app without {missing}{inherited}.',
  },
  check(facts, ctx) {
    const judged = judgedAppServers(facts, ctx, { proxyPassOnly: true });
    if (!judged) return;
    const { servers } = judged;
    for (const server of servers) {
      const edge = tlsElsewhere(server.config, facts) === null;
      // X-Forwarded-Proto matters where TLS ends (a proxy in front sets it and nginx passes it through);
      // X-Forwarded-For where the client connects (behind another proxy its header is passed through too).
      const needed: Needed[] = ['host', ...(server.tls ? (['x-forwarded-proto'] as Needed[]) : []), ...(edge ? (['x-forwarded-for'] as Needed[]) : [])];
      const problems: { pass: NginxDirective; level: Level; where: string; missing: Needed[]; websocket: boolean; inherited: boolean }[] = [];
      const unknown: string[] = [];
      for (const p of proxiedLocations(server.config, server)) {
        if (p.pass.name !== 'proxy_pass' || externalTarget(server.config, p.pass)) continue;
        const l = lookup(server.config, p.level, 'proxy_set_header');
        const set = new Set(l.found.map(headerName));
        const missing = needed.filter((h) => !set.has(h) && !(h === 'x-forwarded-proto' && set.has('forwarded')));
        if (missing.length === 0) continue;
        const where = p.location ? locationLabel(p.location) : 'the server block';
        if (l.opaque.length > 0) {
          unknown.push(`${where}: ${l.opaque.map((i) => `include ${i.args[0]}`).join(', ')} is not in the repository and may set the headers`);
          continue;
        }
        const websocket = set.has('upgrade');
        // Headers set at server level that this location's own proxy_set_header stops inheriting.
        const inherited = l.level !== null && l.level !== server.level && server.level.list.some((d) => d.name === 'proxy_set_header' && missing.includes(headerName(d) as Needed));
        problems.push({ pass: p.pass, level: p.level, where, missing, websocket, inherited });
      }
      if (problems.length === 0) {
        if (unknown.length > 0) ctx.unknown(server.target, unknown.join('; '));
        else ctx.pass(server.target, 'every proxy_pass to the app forwards the headers Django needs');
        continue;
      }
      const first = problems.find((p) => !p.websocket) ?? problems[0];
      const onlyXff = problems.every((p) => p.missing.every((m) => m === 'x-forwarded-for'));
      const where = problems.length === 1 ? `${first.where} of ${server.label}` : `${problems.map((p) => p.where).join(', ')} of ${server.label}`;
      const missing = [...new Set(problems.flatMap((p) => p.missing))].map((m) => HEADER[m]);
      ctx.fail('missing', {
        at: first.pass.loc,
        also: problems.filter((p) => p !== first).map((p) => p.pass.loc),
        target: server.target,
        severity: onlyXff || problems.every((p) => p.websocket) ? 'low' : 'medium',
        data: { where, missing: missing.join(', '), inherited: problems.some((p) => p.inherited) ? ' (its own proxy_set_header stops the server-level ones from being inherited)' : '' },
      });
    }
  },
});
