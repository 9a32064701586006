// Database, cache, broker and admin-UI ports (PostgreSQL, MySQL, Redis, RabbitMQ, Elasticsearch, Flower...) published on every host interface.
import { defineRule } from '../../core/define-rule.js';
import type { ComposePort, ComposeService } from '../../facts/compose.js';
import { auditedProjects, imageName, isLoopbackAddress, serviceTarget } from './_shared.js';

/** Well-known server ports, by service kind. `byPort`: the port alone identifies it (no other app uses it). */
const KNOWN: { kind: string; images: RegExp; ports: string[]; byPort?: false }[] = [
  { kind: 'PostgreSQL', images: /^(postgres|postgresql|postgis|pgvector|timescaledb(-ha)?|pgbouncer)$/, ports: ['5432', '6432'] },
  { kind: 'MySQL', images: /^(mysql|mysql-server|mariadb|percona|percona-server)$/, ports: ['3306'] },
  { kind: 'Redis', images: /^(redis|valkey|redis-stack|redis-stack-server|keydb)$/, ports: ['6379'] },
  { kind: 'MongoDB', images: /^(mongo|mongodb)$/, ports: ['27017'] },
  { kind: 'Memcached', images: /^memcached$/, ports: ['11211'] },
  { kind: 'RabbitMQ', images: /^(rabbitmq|bitnami-rabbitmq)$/, ports: ['5672', '15672'] },
  { kind: 'Elasticsearch', images: /^(elasticsearch|opensearch)$/, ports: ['9200', '9300'] },
  // Admin UIs, often without a login: recognised by their image only (their ports are common ones).
  { kind: 'Celery Flower', images: /^flower$/, ports: ['5555'], byPort: false },
  { kind: 'Kibana', images: /^(kibana|opensearch-dashboards)$/, ports: ['5601'], byPort: false },
];

const ALL = /^(0\.0\.0\.0|::|\[::\]|\*)?$/;

function serverKind(s: ComposeService, port: ComposePort): string | null {
  const img = imageName(s);
  const byImage = img ? KNOWN.find((k) => k.images.test(img)) : undefined;
  if (byImage) return byImage.kind;
  const targetPort = port.target.split('-')[0];
  return KNOWN.find((k) => k.byPort !== false && k.ports.includes(targetPort))?.kind ?? null;
}

export default defineRule({
  id: 'compose/database-port-published',
  title: 'Database, cache, broker or admin port published on all interfaces',
  category: 'database',
  severity: 'high',
  requires: ['compose'],
  why:
    'A `ports:` entry without a host IP binds 0.0.0.0: PostgreSQL, MySQL, Redis, RabbitMQ (guest account), Elasticsearch or an admin UI such as Celery Flower or Kibana becomes reachable from the internet, and Docker inserts its own iptables rules, so ufw/firewalld rules on the host do not block it. Exposed databases, brokers and dashboards are scanned for and attacked within hours.',
  fix:
    'Remove the `ports:` entry (services on the same compose network reach the database by service name), or bind it to loopback for local tools: "127.0.0.1:5432:5432".',
  references: [
    { title: 'Docker packet filtering and firewalls (published ports bypass ufw)', url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/' },
    { title: 'Compose file reference: ports', url: 'https://docs.docker.com/reference/compose-file/services/#ports' },
    { title: 'Redis security', url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/' },
  ],
  verify: 'docker compose port {service} {port}   # expect 127.0.0.1:..., or nothing when the port is not published',
  messages: {
    published: 'Service "{service}" publishes its {kind} port {port} on all interfaces ({entry}).',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        const target = serviceTarget(s);
        const img = imageName(s);
        const isServer = !!img && KNOWN.some((k) => k.images.test(img));
        const relevant = s.ports.filter((port) => serverKind(s, port) !== null);
        if (relevant.length === 0) {
          if (isServer) {
            judged++;
            ctx.pass(target);
          }
          continue;
        }
        judged++;
        let failed = false;
        for (const port of relevant) {
          const unresolved = port.interpolated.find((i) => i.definedIn === null && i.defaultValue === null);
          if (unresolved) {
            ctx.unknown(target, `the port entry ${port.raw.value} uses \${${unresolved.name}}, which no env file defines`);
            failed = true;
            continue;
          }
          const ip = port.hostIp ?? '';
          if (isLoopbackAddress(ip) || !ALL.test(ip)) continue;
          failed = true;
          ctx.fail('published', {
            at: port.raw,
            target,
            data: { service: s.name.value, kind: serverKind(s, port)!, port: port.target, entry: port.raw.value },
          });
        }
        if (!failed) ctx.pass(target);
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no database or cache service in the audited compose files');
  },
});
