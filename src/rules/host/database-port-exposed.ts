// Rule: PostgreSQL, Redis or the app server listens on a public interface with no firewall rule in front.
import { defineRule } from '../../core/define-rule.js';
import type { FirewallState, HostFacts, ListeningSocket } from '../../facts/index.js';
import { eachHost, focus, mainProof, need, target } from './_shared.js';

const BY_PROCESS: [RegExp, string, boolean][] = [
  [/^postgres/, 'PostgreSQL', true],
  [/^redis/, 'Redis', true],
  [/^(gunicorn|uwsgi|daphne|uvicorn)/, 'the app server', false],
];
const BY_PORT: Record<number, [string, boolean]> = { 5432: ['PostgreSQL', true], 6379: ['Redis', true], 8000: ['the app server', false] };

/** Which sensitive service a socket belongs to (process name when visible, else its well-known port). */
export function sensitiveService(s: ListeningSocket): { name: string; database: boolean } | null {
  for (const p of s.processes) {
    if (p === 'docker-proxy') continue;
    for (const [rx, name, database] of BY_PROCESS) if (rx.test(p)) return { name, database };
    // A process we can name that is none of these (nginx on 8000, say) is not the app server.
    return null;
  }
  const known = BY_PORT[s.port];
  return known ? { name: known[0], database: known[1] } : null;
}

function reachable(s: ListeningSocket, h: HostFacts): boolean {
  if (s.loopback) return false;
  const wildcard = ['0.0.0.0', '::', '*'].includes(s.address);
  if (!wildcard) return true;
  // Bound to every interface: exposed unless the host has only loopback addresses.
  return !h.addresses.ok || h.addresses.value.some((a) => !a.loopback);
}

function firewallVerdict(fw: FirewallState, port: number, dockerProxy: boolean): { blocked: boolean | null; why: string } {
  if (!fw.active) return { blocked: false, why: fw.summary };
  if (dockerProxy && fw.tool === 'ufw')
    return { blocked: false, why: 'the port is published by Docker, whose iptables rules bypass ufw' };
  if (fw.allowedPorts?.includes(port)) return { blocked: false, why: `${fw.tool} allows port ${port} from anywhere` };
  if (fw.defaultDeny) return { blocked: true, why: `${fw.tool} drops incoming traffic by default and does not allow port ${port}` };
  return { blocked: null, why: `${fw.tool} has rules but no default-deny policy; whether they cover port ${port} was not analysed` };
}

export default defineRule({
  id: 'host/database-port-exposed',
  title: 'Database, Redis or app server reachable from the network without a firewall',
  category: 'security',
  severity: 'critical',
  requires: ['host'],
  why: 'PostgreSQL and Redis on a public interface are found by internet-wide scanners within hours: password brute force, Redis CONFIG SET / module loading for remote code execution, data theft. An app server port bypasses nginx (TLS, headers, limits).',
  fix: 'Bind the service to 127.0.0.1 (postgresql.conf listen_addresses, redis bind, gunicorn --bind 127.0.0.1:8000) or a private interface, and put a default-deny firewall in front (ufw default deny incoming; allow 22, 80, 443). For Docker, publish as "127.0.0.1:5432:5432" or not at all.',
  references: [
    { title: 'PostgreSQL: Connections and Authentication (listen_addresses)', url: 'https://www.postgresql.org/docs/current/runtime-config-connection.html' },
    { title: 'Redis security', url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/' },
    { title: 'Docker: Packet filtering and firewalls (Docker and ufw)', url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/' },
  ],
  verify: 'ss -tlnp | grep :{port}   # 127.0.0.1 only; from another machine: nc -vz {host} {port} fails',
  messages: { exposed: '{service} listens on {address}:{port} on {host} and {why}.' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const sockets = need(ctx, h, h.sockets, 'listening sockets');
      if (!sockets) return;
      let any = false;
      for (const s of sockets) {
        const svc = sensitiveService(s);
        if (!svc) continue;
        any = true;
        const where = target(h, `port ${s.port}`);
        if (!reachable(s, h)) {
          ctx.pass(where, `${svc.name} listens on ${s.address} only`);
          continue;
        }
        if (!h.firewall.ok) {
          ctx.unknown(where, `${svc.name} listens on ${s.address}:${s.port}, and the firewall is unknown: ${h.firewall.reason}`);
          continue;
        }
        const v = firewallVerdict(h.firewall.value, s.port, s.processes.includes('docker-proxy'));
        if (v.blocked === true) ctx.pass(where, `${svc.name} listens on ${s.address}:${s.port} but ${v.why}`);
        else if (v.blocked === null) ctx.unknown(where, `${svc.name} listens on ${s.address}:${s.port}; ${v.why}`);
        else
          ctx.fail('exposed', {
            at: focus(mainProof(h.sockets), [s.line]),
            also: h.firewall.proof.slice(0, 1),
            target: where,
            severity: svc.database ? 'critical' : 'high',
            data: { service: svc.name, address: s.address, port: s.port, host: h.name, why: v.why },
          });
      }
      if (!any) ctx.pass(target(h, 'listening sockets'), 'no PostgreSQL, Redis or app server socket is listening');
    });
  },
});
