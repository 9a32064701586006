// An app using Django Channels needs nginx to pass the WebSocket upgrade (HTTP/1.1 with Upgrade and Connection headers).
import { defineRule } from '../../core/define-rule.js';
import type { NginxDirective } from '../../facts/scripts.js';
import { channelsEvidence } from './_app.js';
import { headerName, lastOf, lookup, proxiedLocations } from './_nginx.js';
import { judgedAppServers } from './_scope.js';

export default defineRule({
  id: 'nginx/websocket-upgrade-missing',
  title: 'nginx does not pass WebSocket upgrades to a Channels app',
  category: 'webserver',
  severity: 'medium',
  requires: ['nginx', 'django', 'compose', 'dockerfiles'],
  why: 'nginx talks HTTP/1.0 to the backend by default and drops the hop-by-hop Upgrade and Connection headers, so the WebSocket handshake never reaches Daphne/Uvicorn: every `new WebSocket(...)` fails (often as a 400 or a silent fallback to polling) and real-time features of the Channels app do not work in production although they work locally.',
  fix: 'In the location that serves the WebSocket routes (e.g. `location /ws/`), add `proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;` (with `map $http_upgrade $connection_upgrade { default upgrade; \'\' close; }` in the http block), plus the Host and X-Forwarded-* headers, and a proxy_read_timeout longer than the idle time of the sockets.',
  references: [
    { title: 'nginx: WebSocket proxying', url: 'https://nginx.org/en/docs/http/websocket.html' },
    { title: 'Django Channels: Deploying', url: 'https://channels.readthedocs.io/en/latest/deploying.html' },
  ],
  verify: 'curl -si -H "Connection: Upgrade" -H "Upgrade: websocket" -H "Sec-WebSocket-Version: 13" -H "Sec-WebSocket-Key: SGVsbG8sIHdvcmxkIQ==" https://{host}/ws/   # expect HTTP/1.1 101 Switching Protocols',
  messages: {
    missing: '{server} proxies to the app but no location passes WebSocket upgrades, while the app uses Channels ({evidence}).',
    partial: '{location} of {server} sets up WebSocket proxying but lacks {missing}, so the handshake does not reach the app, which uses Channels ({evidence}).',
  },
  check(facts, ctx) {
    const evidence = channelsEvidence(facts);
    if ('none' in evidence) {
      ctx.notApplicable(evidence.none);
      return;
    }
    const judged = judgedAppServers(facts, ctx, { proxyPassOnly: true });
    if (!judged) return;
    const { servers } = judged;
    for (const server of servers) {
      let opaque = false;
      let upgrades = false;
      // A location that sets the Upgrade header means to proxy WebSockets: what else it lacks is named on it.
      let partial: { at: NginxDirective; missing: string[] } | null = null;
      for (const p of proxiedLocations(server.config, server)) {
        const version = lastOf(lookup(server.config, p.level, 'proxy_http_version'));
        const headers = lookup(server.config, p.level, 'proxy_set_header');
        if (headers.opaque.length > 0) opaque = true;
        const names = new Set(headers.found.map(headerName));
        const missing = [
          ...(version?.args[0] === '1.1' ? [] : ['`proxy_http_version 1.1`']),
          ...(names.has('upgrade') ? [] : ['`proxy_set_header Upgrade $http_upgrade`']),
          ...(names.has('connection') ? [] : ['`proxy_set_header Connection $connection_upgrade`']),
        ];
        if (missing.length === 0) upgrades = true;
        else if (names.has('upgrade') && !partial) partial = { at: p.location?.node ?? p.pass, missing };
      }
      if (upgrades) ctx.pass(server.target, 'a proxied location sets proxy_http_version 1.1 with Upgrade and Connection');
      else if (opaque) ctx.unknown(server.target, 'an include outside the repository may set the WebSocket headers');
      else if (!('label' in evidence)) ctx.unknown(server.target, evidence.unknown);
      else {
        const data = { server: server.label, evidence: evidence.label, host: server.names.find((n) => n.includes('.') && !n.startsWith('~')) ?? '<your-domain>' };
        if (partial) {
          const location = partial.at.name === 'location' ? `location ${partial.at.args.join(' ')}` : 'the server block';
          ctx.fail('partial', { at: partial.at.loc, also: [evidence.at], target: server.target, data: { ...data, location, missing: partial.missing.join(' and ') } });
        } else ctx.fail('missing', { at: server.anchor, also: [evidence.at], target: server.target, data });
      }
    }
  },
});
