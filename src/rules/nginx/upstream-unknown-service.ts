// Cross-file: an nginx config mounted into a compose project must proxy to a service (and port) of that project.
import { defineRule } from '../../core/define-rule.js';
import type { SourceLoc } from '../../core/types/located.js';
import type { ComposeProject, ComposeService } from '../../facts/compose.js';
import type { NginxDirective } from '../../facts/scripts.js';
import { builtStage, effectiveCommand } from '../compose/_shared.js';
import { productionLinks, serviceLinks, type DeployFacts, type ServiceLink } from './_deploy.js';
import { PASS_DIRECTIVES, walk } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';

interface Target {
  host: string;
  port: number | null;
  /** The directive that names host:port (a proxy_pass, or an upstream's server line). */
  at: SourceLoc;
  text: string;
}

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0|host\.docker\.internal|host-gateway)$/i;

/** host:port targets of the pass directives of a config, upstream blocks looked through. */
function targets(directives: NginxDirective[]): Target[] {
  const all = walk(directives);
  const upstreams = new Map(all.filter((d) => d.name === 'upstream' && d.block && d.args[0]).map((d) => [d.args[0], d]));
  const out: Target[] = [];
  const seen = new Set<string>();
  for (const d of all) {
    if (!PASS_DIRECTIVES.includes(d.name) || !d.args[0]) continue;
    const url = d.args[0];
    if (url.includes('$') || url.includes('unix:')) continue;
    const scheme = /^([a-z]+):\/\//i.exec(url)?.[1]?.toLowerCase() ?? null;
    const hostPort = url.replace(/^[a-z]+:\/\//i, '').split('/')[0];
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostPort);
    if (!m) continue;
    const upstream = upstreams.get(m[1]);
    const entries = upstream
      ? (upstream.block ?? []).filter((s) => s.name === 'server' && s.args[0] && !s.args.includes('backup')).map((s) => ({ hp: s.args[0], at: s.loc }))
      : [{ hp: hostPort, at: d.loc }];
    for (const e of entries) {
      if (e.hp.startsWith('unix:')) continue;
      const em = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(e.hp);
      if (!em) continue;
      const key = `${e.at.file}:${e.at.line}:${e.hp}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const dflt = upstream ? 80 : scheme === 'https' ? 443 : scheme === 'http' ? 80 : null;
      out.push({ host: em[1], port: em[2] ? Number(em[2]) : dflt, at: e.at, text: e.hp });
    }
  }
  return out;
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (v && typeof v === 'object') return Object.keys(v);
  return typeof v === 'string' ? [v] : [];
}

/** The names other containers reach a service by: its name, container_name, hostname, network aliases. */
function namesOf(svc: ComposeService): string[] {
  const names = [svc.name.value];
  if (svc.containerName) names.push(svc.containerName.value);
  const hostname = svc.keys.hostname?.value;
  if (typeof hostname === 'string') names.push(hostname);
  const networks = svc.keys.networks?.value;
  if (networks && typeof networks === 'object' && !Array.isArray(networks)) {
    for (const n of Object.values(networks as Record<string, unknown>)) {
      if (n && typeof n === 'object') names.push(...strings((n as Record<string, unknown>).aliases));
    }
  }
  return names.map((n) => n.toLowerCase());
}

/** Names the nginx service itself adds: `links: [web:app]`, `extra_hosts: [app:10.0.0.5]`. */
function extraNames(svc: ComposeService): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const l of strings(svc.keys.links?.value)) {
    const [service, alias] = l.split(':');
    out.set((alias ?? service).toLowerCase(), service);
  }
  for (const h of strings(svc.keys.extra_hosts?.value)) out.set(h.split(/[:=]/)[0].toLowerCase(), null);
  return out;
}

/** Ports a service's command binds (gunicorn --bind, uvicorn/daphne --port, runserver addr:port, uwsgi --http/--socket). */
function commandPorts(cmd: string): number[] | null {
  const ports: number[] = [];
  const re = /(?:--bind|-b|--http|--socket|--http-socket|--uwsgi-socket)[=\s]+['"]?(?:[\w.[\]:-]*:)?(\d+)\b|(?:--port|-p)[=\s]+['"]?(\d+)\b|\brunserver\s+(?:[\w.[\]-]+:)?(\d+)\b/g;
  for (let m = re.exec(cmd); m; m = re.exec(cmd)) ports.push(Number(m[1] ?? m[2] ?? m[3]));
  if (ports.length > 0) return ports;
  if (/\$\{?PORT\b|-c\s|--config\b|\.sh\b/.test(cmd)) return null;
  // The servers' own defaults when nothing is passed.
  if (/\b(gunicorn|uvicorn|daphne|hypercorn|runserver)\b/.test(cmd)) return [8000];
  return null;
}

/** Ports a service declares without binding them: expose, ports targets, the image's EXPOSE. */
function declaredPorts(svc: ComposeService, facts: DeployFacts): number[] {
  const out = strings(svc.keys.expose?.value).concat(Array.isArray(svc.keys.expose?.value) ? (svc.keys.expose?.value as unknown[]).filter((x): x is number => typeof x === 'number').map(String) : []);
  out.push(...svc.ports.map((p) => p.target));
  const built = builtStage(svc, facts.dockerfiles);
  if (built && 'stage' in built) for (const i of built.stage.instructions) if (i.keyword === 'EXPOSE') out.push(...i.expanded.split(/\s+/));
  return out.map((p) => Number(String(p).replace(/\/(tcp|udp)$/, ''))).filter((n) => Number.isInteger(n) && n > 0);
}

export default defineRule({
  id: 'nginx/upstream-unknown-service',
  title: 'nginx proxies to a host or port that no compose service provides',
  category: 'deployment',
  severity: 'high',
  requires: ['nginx', 'compose', 'dockerfiles'],
  why: 'Inside a compose project nginx reaches the app by service name on the project network. A proxy_pass or upstream naming a service that does not exist (renamed, from another project, a copy-pasted tutorial) makes nginx refuse to start ("host not found in upstream"), and a wrong port answers every request with 502 Bad Gateway.',
  fix: 'Point proxy_pass / the upstream server at `<service>:<port>` of the compose project that mounts the config: the service name from docker-compose and the port the app server binds (gunicorn --bind 0.0.0.0:8000).',
  references: [
    { title: 'Docker Compose: Networking in Compose', url: 'https://docs.docker.com/compose/how-tos/networking/' },
    { title: 'nginx: proxy_pass', url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass' },
    { title: 'nginx: upstream server', url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#server' },
  ],
  verify: 'docker compose exec {service} getent hosts {host} && docker compose exec {service} wget -qO- http://{host}:{port}/ >/dev/null   # expect an address and a response',
  messages: {
    unknownHost: '`{target}` names no service of {project} (services: {services}), which {how} in service {service}: nginx will not start.',
    wrongPort: '`{target}` reaches service {host} on port {port}, but it serves on {ports} ({source}): requests fail with 502.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    let judged = 0;
    for (const config of scope.configs) {
      const links = productionLinks(serviceLinks(config, facts));
      const link: ServiceLink | undefined = links[0];
      if (!link || (link.service.networkMode && /^host$/.test(link.service.networkMode.value))) continue;
      for (const t of targets(config.directives)) {
        if (LOCAL.test(t.host) || t.host.includes('.') || /^\d/.test(t.host)) continue;
        judged++;
        const target = `${t.at.file}#${t.text}`;
        const project: ComposeProject = link.project;
        const host = t.host.toLowerCase();
        const extra = extraNames(link.service);
        const aliasOf = extra.get(host);
        if (aliasOf === null) {
          ctx.pass(target, `extra_hosts of service ${link.service.name.value} defines ${t.host}`);
          continue;
        }
        const svc = project.services.find((s) => namesOf(s).includes(aliasOf?.toLowerCase() ?? host));
        if (!svc) {
          const elsewhere = facts.compose.flatMap((p) => p.services).find((s) => namesOf(s).includes(host));
          if (elsewhere) ctx.pass(target, `service ${elsewhere.name.value} of ${elsewhere.file} (another compose project, reached through a shared network)`);
          else if (link.service.keys.networks) ctx.unknown(target, `${t.host} is not a service of ${project.file}; service ${link.service.name.value} joins named networks that other projects may share`);
          else
            ctx.fail('unknownHost', {
              at: t.at,
              also: [link.at],
              target,
              data: { target: t.text, project: project.files.join(' + '), services: project.services.map((s) => s.name.value).join(', '), how: link.how, service: link.service.name.value, host: t.host, port: t.port ?? '' },
            });
          continue;
        }
        if (t.port === null) {
          ctx.pass(target, `service ${svc.name.value} exists`);
          continue;
        }
        const cmd = effectiveCommand(svc, facts);
        const bound = cmd ? commandPorts(cmd) : null;
        const declared = declaredPorts(svc, facts);
        if (bound?.includes(t.port) || (!bound && declared.includes(t.port))) {
          ctx.pass(target, `service ${svc.name.value} serves on port ${t.port}`);
        } else if (bound) {
          ctx.fail('wrongPort', {
            at: t.at,
            also: [svc.command ?? svc.name],
            target,
            data: { target: t.text, host: svc.name.value, port: t.port, ports: bound.join(', '), source: `its command: ${cmd}`, service: link.service.name.value },
          });
        } else {
          ctx.unknown(target, `service ${svc.name.value} exists, but the port it serves on could not be told from its command${declared.length ? ` (it declares ${declared.join(', ')})` : ''}`);
        }
      }
    }
    if (judged === 0) ctx.notApplicable('no nginx config mounted into a compose service proxies to a bare service name');
  },
});
