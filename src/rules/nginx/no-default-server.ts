// Requests with an unknown Host header should hit a catch-all default server (444/400), not the app.
import { defineRule } from '../../core/define-rule.js';
import { djangoProjects } from './_app.js';
import { tlsElsewhere } from './_deploy.js';
import { judge, stringList } from '../django/_settings.js';
import { proxiedLocations, type Server } from './_nginx.js';
import { appServers, instanceServers, nginxScope, noNginxReason, onlyReturns } from './_scope.js';
import type { NginxConfig } from '../../facts/scripts.js';

export default defineRule({
  id: 'nginx/no-default-server',
  title: 'Requests for any Host name reach the app (no catch-all default server)',
  category: 'security',
  severity: 'low',
  requires: ['nginx', 'django', 'compose'],
  why: "nginx sends a request whose Host matches no server_name to the default server of the port — the one marked default_server, else the first one. When that is the app, every scanner hitting the IP address, and every forged Host header, reaches Django: ALLOWED_HOSTS rejects them with DisallowedHost errors that flood logs and error e-mails, and with a permissive ALLOWED_HOSTS they are served (host-header poisoning of password-reset links and caches).",
  fix: 'Add a catch-all server for each port that closes the connection: `server { listen 80 default_server; listen 443 ssl default_server; server_name _; ssl_reject_handshake on; return 444; }`, and list the real names in the app\'s server_name.',
  references: [
    { title: 'nginx: How nginx processes a request (default server)', url: 'https://nginx.org/en/docs/http/request_processing.html' },
    { title: 'nginx: ssl_reject_handshake', url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_reject_handshake' },
    { title: 'Django deployment checklist: ALLOWED_HOSTS', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#allowed-hosts' },
    { title: 'Django: host header validation', url: 'https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation' },
  ],
  verify: "curl -sk -o /dev/null -w '%{http_code}\\n' -H 'Host: attacker.example' https://<server-ip>/   # expect 000 (connection closed by 444) or 400, never the app",
  messages: {
    implicit: '{server} is the first server on port {port} and no server is marked default_server: requests with any Host header reach the app.',
    explicit: '{server} is the default_server for port {port} and proxies to the app: requests with any Host header reach it.',
    catchAll: '{server} answers every Host name on port {port} (server_name {names}) and proxies to the app.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    const apps = appServers(scope);
    if (apps.length === 0) {
      ctx.notApplicable('no nginx server block proxies to the app');
      return;
    }
    const wildcardHosts = allowsAnyHost(facts);
    const done = new Set<NginxConfig>();
    for (const config of scope.configs) {
      // One nginx: the default server of a port is chosen among all the files it loads.
      const group = scope.instance.get(config) ?? [config];
      if (done.has(group[0])) continue;
      done.add(group[0]);
      const servers = instanceServers(scope, config);
      const configApps = apps.filter((s) => servers.includes(s));
      if (configApps.length === 0) continue;
      const front = tlsElsewhere(config, facts);
      // Traefik, nginx-proxy and Caddy route by Host: only the names they were given reach this nginx.
      if (front?.kind === 'router') {
        for (const s of configApps) ctx.pass(s.target, `${front.label}: the proxy in front only forwards the host names it routes`);
        continue;
      }
      const ports = [...new Set(configApps.flatMap((s) => s.listens.map((l) => l.port)).filter((p): p is number => p !== null))];
      if (ports.length === 0) {
        for (const s of configApps) ctx.unknown(s.target, 'its listen ports are variables or unix sockets, so the default server cannot be told');
        continue;
      }
      for (const port of ports) {
        const onPort = servers.filter((s) => s.listens.some((l) => l.port === port));
        const explicit = onPort.find((s) => s.listens.some((l) => l.port === port && l.defaultServer));
        const dflt = explicit ?? onPort[0];
        const target = `${dflt.target} port ${port}`;
        if (!isApp(dflt)) {
          ctx.pass(target, `the default server for port ${port} (${dflt.label}) does not proxy to the app`);
          continue;
        }
        const listen = dflt.listens.find((l) => l.port === port)?.directive;
        const catchAll = dflt.names.length === 0 || dflt.names.some((n) => n === '_' || n === '""' || n === '' || n === '*' || n.startsWith('~'));
        const data = { server: dflt.label, port, names: dflt.names.join(' ') || '""' };
        const severity = wildcardHosts ? 'medium' : 'low';
        if (catchAll && dflt.names.length > 0) ctx.fail('catchAll', { at: dflt.anchor, target, severity, data });
        else if (explicit) ctx.fail('explicit', { at: listen?.loc ?? dflt.anchor, target, severity, data });
        else ctx.fail('implicit', { at: listen?.loc ?? dflt.anchor, target, severity, data });
      }
    }
  },
});

function isApp(s: Server): boolean {
  return !onlyReturns(s) && proxiedLocations(s.config, s).length > 0;
}

/** ALLOWED_HOSTS lets any host through ('*'), making the default server an open door rather than log noise. */
function allowsAnyHost(facts: Parameters<typeof djangoProjects>[0]): boolean {
  return djangoProjects(facts).projects.some((p) => {
    const j = judge(p, 'ALLOWED_HOSTS', (v) => stringList(v)?.includes('*') ?? false);
    return j.state === 'decided' && j.result;
  });
}
