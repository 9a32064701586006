// Where an nginx config runs: the compose services that mount or copy it, the image version, and whether TLS is
// terminated in front of it (Traefik, Caddy, nginx-proxy, a load balancer, Cloudflare, a hosting platform).
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { ComposeProject, ComposeService } from '../../facts/compose.js';
import type { Facts } from '../../facts/index.js';
import type { NginxConfig } from '../../facts/scripts.js';
import { builtStage, imageName, imageRepository } from '../compose/_shared.js';
import { isDjangoService, isProxyService } from '../django/_stack.js';
import { walk } from './_nginx.js';

export type DeployFacts = Pick<Facts, 'compose' | 'dockerfiles' | 'nginx' | 'repo' | 'django' | 'shell'>;

/** A compose service that runs an nginx config, and how the config gets into it. */
export interface ServiceLink {
  project: ComposeProject;
  service: ComposeService;
  /** "mounts nginx/ at /etc/nginx/conf.d", "copies nginx/nginx.conf in nginx/Dockerfile". */
  how: string;
  at: Located<unknown> | SourceLoc;
}

/** Something seen in the repository, for pass reasons and extra evidence. */
export interface Sign {
  /**
   * `router`: a proxy that routes by Host name (Traefik, nginx-proxy, Caddy...); `proxy`: something in front that
   * forwards whatever it gets (a load balancer, Cloudflare, a tunnel); `platform`: a hosting platform's load balancer.
   */
  kind: 'router' | 'proxy' | 'platform';
  label: string;
  at: Located<unknown> | SourceLoc | null;
}

const NGINX_DIRS = /^\/(etc\/nginx|usr\/local\/nginx|etc\/openresty|usr\/local\/openresty|opt\/nginx|usr\/share\/nginx)(\/|$)/;

function normalize(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const covers = (dir: string, file: string) => dir !== '' && (file === dir || file.startsWith(`${dir}/`));

/** Compose services (any project) that mount or COPY one of the config's files. */
export function serviceLinks(config: NginxConfig, facts: DeployFacts): ServiceLink[] {
  const out: ServiceLink[] = [];
  for (const project of facts.compose) {
    for (const service of project.services) {
      const mount = service.volumes.find(
        (v) => v.sourcePath !== null && config.files.some((f) => covers(v.sourcePath ?? '', f)) && (NGINX_DIRS.test(v.target) || isProxyService(service)),
      );
      if (mount) {
        out.push({ project, service, how: `mounts ${mount.source ?? mount.sourcePath} at ${mount.target}`, at: mount.raw });
        continue;
      }
      const built = builtStage(service, facts.dockerfiles);
      if (!built || !('stage' in built) || !service.build) continue;
      const context = normalize(`${dirOf(service.file)}/${service.build.context.value}`);
      if (service.build.context.value.includes('://')) continue;
      for (const i of built.stage.instructions) {
        if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) continue;
        const words = i.execForm ?? i.expanded.split(/\s+/).filter((w) => w && !w.startsWith('--'));
        const sources = words.slice(0, -1).map((s) => normalize(`${context}/${s}`));
        if (sources.some((s) => config.files.some((f) => f === s || covers(s, f)))) {
          out.push({ project, service, how: `${i.keyword} in ${built.file.path}`, at: i.loc });
          break;
        }
      }
    }
  }
  return out;
}

/** Links in projects that may run in production (development and test projects left out). */
export function productionLinks(links: ServiceLink[]): ServiceLink[] {
  return links.filter((l) => l.project.purpose.kind !== 'development' && l.project.purpose.kind !== 'test');
}

/**
 * The configs whose only compose links are development or test projects: they are not what production runs.
 * Configs not linked to compose at all are kept (systemd / host installs).
 */
export function devOnly(config: NginxConfig, facts: DeployFacts): boolean {
  const links = serviceLinks(config, facts);
  return links.length > 0 && productionLinks(links).length === 0;
}

/** The nginx image a compose service runs and its version ("1.25" from nginx:1.25-alpine; null when the tag pins none). */
export function nginxImage(link: ServiceLink, facts: DeployFacts): { ref: string; version: { major: number; minor: number; patch: number } | null } | null {
  let ref = link.service.image?.value ?? null;
  const built = builtStage(link.service, facts.dockerfiles);
  if (built && 'stage' in built) {
    let stage = built.stage;
    while (stage.fromStage && stage.parent !== null) stage = built.file.stages[stage.parent];
    ref = stage.from.value;
  }
  if (!ref || !/(^|\/)(nginx|nginx-unprivileged|openresty)(:|$)/.test(ref.split('@')[0])) return null;
  const tag = ref.split('@')[0].split(':')[1] ?? '';
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag);
  return { ref, version: m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : null };
}

/** a >= b for dotted versions. */
export function versionAtLeast(a: { major: number; minor: number; patch: number }, b: [number, number, number]): boolean {
  return a.major - b[0] || a.minor - b[1] || a.patch - b[2] ? (a.major - b[0] || a.minor - b[1] || a.patch - b[2]) > 0 : true;
}

function labelsOf(svc: ComposeService): string[] {
  const raw = svc.keys.labels?.value;
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string');
  if (raw && typeof raw === 'object') return Object.entries(raw as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
  return [];
}

const TLS_PROXY_IMAGE = /(^|\/)(traefik|caddy|nginx-proxy|nginx-proxy-manager|swag|haproxy|envoy)$/;
const TUNNEL_IMAGE = /(^|\/)(cloudflared)$/;

function publishes(svc: ComposeService, port: number): boolean {
  return svc.ports.some((p) => [p.published, p.target].some((x) => x !== null && new RegExp(`^${port}(/tcp)?$`).test(x.trim())));
}

/** Compose services in front of the config that terminate TLS, or route to it by host name. */
function composeTls(facts: DeployFacts, links: ServiceLink[]): Sign | null {
  for (const link of links) {
    const svc = link.service;
    const labels = labelsOf(svc);
    const traefik = labels.find((l) => /^traefik\.(enable\s*=\s*true|http\.routers\.)/i.test(l));
    if (traefik) return { kind: 'router', label: `compose service ${svc.name.value} is routed by Traefik (label ${traefik})`, at: svc.keys.labels ?? svc.name };
    const vhost = svc.environment.find((e) => ['VIRTUAL_HOST', 'LETSENCRYPT_HOST'].includes(e.key.value));
    if (vhost) return { kind: 'router', label: `compose service ${svc.name.value} sets ${vhost.key.value} for nginx-proxy, which terminates TLS`, at: vhost.key };
  }
  const projects = links.length > 0 ? [...new Set(links.map((l) => l.project))] : facts.compose.filter((p) => p.purpose.kind !== 'development' && p.purpose.kind !== 'test');
  for (const project of projects) {
    for (const svc of project.services) {
      if (links.some((l) => l.service === svc)) continue;
      const repo = imageRepository(svc) ?? '';
      const name = imageName(svc) ?? '';
      if (/acme-companion|letsencrypt-nginx-proxy-companion/.test(repo)) return { kind: 'router', label: `compose service ${svc.name.value} (${svc.image?.value}) obtains certificates for nginx-proxy`, at: svc.image ?? svc.name };
      if (TUNNEL_IMAGE.test(name)) return { kind: 'proxy', label: `compose service ${svc.name.value} (${svc.image?.value}) is a Cloudflare tunnel: TLS ends at Cloudflare`, at: svc.image ?? svc.name };
      if ((TLS_PROXY_IMAGE.test(repo) || TLS_PROXY_IMAGE.test(name)) && publishes(svc, 443)) {
        const router = /traefik|caddy|nginx-proxy|swag/.test(`${repo} ${name}`);
        return { kind: router ? 'router' : 'proxy', label: `compose service ${svc.name.value} (${svc.image?.value}) publishes port 443 in front of nginx`, at: svc.image ?? svc.name };
      }
      if (links.length > 0 && isProxyService(svc) && !isDjangoService(svc, facts.dockerfiles) && publishes(svc, 443)) {
        return { kind: 'proxy', label: `compose service ${svc.name.value} publishes port 443 in front of nginx`, at: svc.name };
      }
    }
  }
  for (const link of links) {
    const svc = link.service;
    if (svc.networkMode && /host/.test(svc.networkMode.value)) continue;
    if (svc.ports.length === 0) return { kind: 'proxy', label: `compose service ${svc.name.value} publishes no port: it is reached through another proxy`, at: svc.name };
    if (svc.ports.every((p) => p.hostIp !== null && /^(127\.|localhost|\[?::1)/.test(p.hostIp))) {
      return { kind: 'proxy', label: `compose service ${svc.name.value} publishes its ports on the loopback interface only: a host proxy is in front`, at: svc.ports[0].raw };
    }
  }
  return null;
}

/** Directives that show nginx sits behind another proxy or load balancer (which then terminates TLS). */
function behindProxy(config: NginxConfig): Sign | null {
  for (const d of walk(config.directives)) {
    if (d.name === 'real_ip_header' || d.name === 'set_real_ip_from') return { kind: 'proxy', label: `${d.name} at ${d.loc.file}:${d.loc.line} trusts a proxy in front of nginx`, at: d.loc };
    if (d.name === 'listen' && d.args.includes('proxy_protocol')) return { kind: 'proxy', label: `listen ... proxy_protocol at ${d.loc.file}:${d.loc.line}: a load balancer is in front`, at: d.loc };
    if (d.args.some((a) => /\$http_(x_forwarded_proto|x_forwarded_ssl|cf_connecting_ip|cf_visitor|cloudfront_forwarded_proto)\b/i.test(a))) {
      return { kind: 'proxy', label: `${d.name} at ${d.loc.file}:${d.loc.line} reads the protocol or client address a proxy in front sets`, at: d.loc };
    }
  }
  return null;
}

const PLATFORM_FILES = /(^|\/)(fly\.toml|render\.ya?ml|app\.ya?ml|heroku\.yml|railway\.(json|toml)|\.platform\/|\.ebextensions\/|Chart\.yaml|[^/]*ingress[^/]*\.ya?ml)$|(^|\/)\.platform\//;

/** A hosting platform whose load balancer terminates TLS (Fly.io, Render, Heroku, Elastic Beanstalk, Kubernetes ingress). */
function platform(config: NginxConfig, facts: DeployFacts): Sign | null {
  if (/(^|\/)\.platform\//.test(config.path)) return { kind: 'platform', label: `${config.path} is an AWS Elastic Beanstalk platform hook: the load balancer terminates TLS`, at: null };
  const file = facts.repo.files.find((f) => PLATFORM_FILES.test(f.path) && !f.path.includes('node_modules/'));
  return file ? { kind: 'platform', label: `${file.path} deploys to a platform whose load balancer terminates TLS`, at: null } : null;
}

/** Why TLS is (very likely) terminated in front of this nginx, or null when nothing says so. */
export function tlsElsewhere(config: NginxConfig, facts: DeployFacts): Sign | null {
  const links = productionLinks(serviceLinks(config, facts));
  return composeTls(facts, links) ?? behindProxy(config) ?? platform(config, facts);
}

/** A compose service publishing the given container port on the host (the nginx is the edge). */
export function publishedPort(links: ServiceLink[], port: number): Located<string> | null {
  for (const l of links) {
    const p = l.service.ports.find((x) => x.target.replace(/\/tcp$/, '') === String(port) && x.published !== null && (x.hostIp === null || !/^(127\.|localhost)/.test(x.hostIp)));
    if (p) return p.raw;
  }
  return null;
}

/** `certbot --nginx`, `certbot run --nginx`, `certbot --installer nginx` / `-i nginx`: certbot edits the nginx config. */
const CERTBOT_NGINX_ARGS = (args: readonly string[]) =>
  args.some((a, i) => a === '--nginx' || a === '--installer=nginx' || ((a === '--installer' || a === '-i') && args[i + 1] === 'nginx'));
const CERTBOT_NGINX_TEXT = /\bcertbot\b(?=.*?(\s--nginx\b|\s--installer[= ]nginx\b|\s-i\s+nginx\b))/;

/**
 * A repository script or document that runs `certbot --nginx`: certbot's nginx installer rewrites the committed
 * plain-HTTP server block on the server (adds `listen 443 ssl` and the certificate), so the committed file is the
 * pre-certificate state. Null when nothing does.
 */
export function certbotNginxInstaller(facts: Pick<Facts, 'shell'> & Partial<Pick<Facts, 'texts'>>): { label: string; at: SourceLoc | Located<unknown> } | null {
  for (const sh of facts.shell) {
    for (const c of sh.commands) {
      const name = c.effectiveName.split('/').pop() ?? '';
      if ((name === 'certbot' || name === 'certbot-auto') && CERTBOT_NGINX_ARGS(c.effectiveArgs)) return { label: `${sh.path}:${c.loc.line} runs ${c.text}`, at: c.loc };
    }
  }
  for (const t of facts.texts ?? []) {
    for (const line of t.lines) {
      if (CERTBOT_NGINX_TEXT.test(line.value)) return { label: `${t.path}:${line.loc.line} runs ${line.value.trim()}`, at: line };
    }
  }
  return null;
}
