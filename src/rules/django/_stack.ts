// What the rest of the stack does for a Django app: which compose services and Dockerfiles run Django, which
// reverse proxy terminates TLS in front of it, and what that proxy already does (HTTPS redirect, HSTS, X-Frame-Options).
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { ComposeProject, ComposeService } from '../../facts/compose.js';
import type { DockerfileFacts } from '../../facts/dockerfile.js';
import type { Facts } from '../../facts/index.js';
import type { NginxConfig, NginxDirective } from '../../facts/scripts.js';
import { isLoopbackAddress } from '../compose/_shared.js';

/** File names that say "not production" (docker-compose.dev.yml, local.yml, Dockerfile.test...). */
const DEV_NAME = /(^|[._-])(dev|devel|develop|development|local|test|tests|testing|ci|override|debug)([._-]|$)/i;

/** True for a compose file / Dockerfile / env file whose name marks it as development, test or CI. */
export function isDevFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return DEV_NAME.test(base) || /(^|\/)(dev|development|local|test|tests)\//i.test(path);
}

/** Compose projects that may run in production (the base file is not a dev/test/CI file). */
export function productionCompose(compose: readonly ComposeProject[]): ComposeProject[] {
  return compose.filter((c) => !isDevFile(c.file));
}

const DJANGO_PROCESS = /\b(gunicorn|uwsgi|daphne|uvicorn|hypercorn|granian|waitress-serve|manage\.py|django-admin|runserver)\b/;

/** A Dockerfile that builds a Django image: it sets DJANGO_SETTINGS_MODULE or starts a Django server process. */
export function isDjangoDockerfile(d: DockerfileFacts): boolean {
  return d.stages.some(
    (s) =>
      'DJANGO_SETTINGS_MODULE' in s.env ||
      s.instructions.some((i) => ['CMD', 'ENTRYPOINT', 'RUN'].includes(i.keyword) && DJANGO_PROCESS.test(i.expanded)),
  );
}

/** The Dockerfile a compose service builds, when it is in the facts. */
export function serviceDockerfile(svc: ComposeService, dockerfiles: readonly DockerfileFacts[]): DockerfileFacts | null {
  if (!svc.build) return null;
  const dir = svc.file.includes('/') ? svc.file.slice(0, svc.file.lastIndexOf('/') + 1) : '';
  const ctx = normalize(dir + svc.build.context.value);
  const name = svc.build.dockerfile?.value ?? 'Dockerfile';
  const path = normalize(name.startsWith('/') ? name.slice(1) : `${ctx ? `${ctx}/` : ''}${name}`);
  return dockerfiles.find((d) => d.path === path) ?? null;
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** A compose service that runs Django (DJANGO_SETTINGS_MODULE, a Django server command, or a Django Dockerfile). */
export function isDjangoService(svc: ComposeService, dockerfiles: readonly DockerfileFacts[]): boolean {
  if (svc.environment.some((e) => e.key.value === 'DJANGO_SETTINGS_MODULE')) return true;
  if (svc.command && DJANGO_PROCESS.test(svc.command.value)) return true;
  if (svc.entrypoint && DJANGO_PROCESS.test(svc.entrypoint.value)) return true;
  const d = serviceDockerfile(svc, dockerfiles);
  if (!d || !isDjangoDockerfile(d)) return false;
  // A worker built from the same image (celery, rq) runs another command: not the web server.
  return !(svc.command && /\b(celery|rq|dramatiq|huey|beat|worker)\b/.test(svc.command.value));
}

function envOf(svc: ComposeService, key: string): string | null {
  const e = svc.environment.find((x) => x.key.value === key);
  return e?.value?.value ?? null;
}

function labelsOf(svc: ComposeService): string[] {
  const raw = svc.keys.labels?.value;
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string');
  if (raw && typeof raw === 'object') return Object.entries(raw as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
  return [];
}

function publishes443(svc: ComposeService): boolean {
  return svc.ports.some((p) => [p.published, p.target].some((x) => x !== null && /^443(\/tcp)?$/.test(x.trim())));
}

export type ProxyKind = 'nginx-proxy' | 'traefik' | 'caddy' | 'nginx' | 'other';

/** A reverse proxy in front of Django that terminates TLS. */
export interface TlsProxy {
  kind: ProxyKind;
  /** "compose service nginx-proxy (docker-compose.prod.yaml)", "nginx config deploy/nginx.conf". */
  label: string;
  at: Located<unknown> | SourceLoc;
  service: ComposeService | null;
  nginx: NginxConfig | null;
}

function proxyKind(image: string, name: string): ProxyKind {
  const s = `${image} ${name}`.toLowerCase();
  if (/nginx-proxy|jwilder\/nginx/.test(s) && !/nginx-proxy-manager/.test(s)) return 'nginx-proxy';
  if (/traefik/.test(s)) return 'traefik';
  if (/caddy/.test(s)) return 'caddy';
  if (/nginx|swag|openresty/.test(s)) return 'nginx';
  return 'other';
}

/** A compose service running a web server or reverse proxy (nginx, nginx-proxy, Traefik, Caddy...), by image or name. */
export function isProxyService(svc: ComposeService): boolean {
  return proxyKind(svc.image?.value ?? '', svc.name.value) !== 'other' || /(^|[-_])(proxy|web-?server|haproxy|apache|httpd)([-_]|$)/i.test(svc.name.value);
}

/** nginx server blocks anywhere in a config tree (http { server {} } or a conf.d snippet's top-level server {}). */
export function nginxServers(dirs: readonly NginxDirective[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const d of dirs) {
    if (d.name === 'server' && d.block) out.push(d);
    else if (d.block && d.name !== 'upstream') out.push(...nginxServers(d.block));
  }
  return out;
}

/** Every directive of a tree, depth first. */
export function walkNginx(dirs: readonly NginxDirective[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const d of dirs) {
    out.push(d);
    if (d.block) out.push(...walkNginx(d.block));
  }
  return out;
}

function isTlsServer(server: NginxDirective): boolean {
  return walkNginx(server.block ?? []).some(
    (d) => (d.name === 'listen' && d.args.some((a) => a === 'ssl' || /(^|:)443$/.test(a))) || d.name === 'ssl_certificate',
  );
}

function proxiesUpstream(server: NginxDirective): NginxDirective | null {
  return passIn(server.block ?? []);
}

/** The first directive handing requests to a backend in a tree. */
function passIn(dirs: readonly NginxDirective[]): NginxDirective | null {
  return walkNginx(dirs).find((d) => ['proxy_pass', 'uwsgi_pass', 'fastcgi_pass', 'scgi_pass', 'grpc_pass'].includes(d.name)) ?? null;
}

/**
 * TLS-terminating proxies visible in the repository: a non-Django compose service publishing port 443 (nginx-proxy,
 * Traefik, Caddy, nginx...), or an nginx server block that listens with TLS and proxies to an upstream.
 */
export function tlsProxies(facts: Pick<Facts, 'compose' | 'dockerfiles' | 'nginx'>): TlsProxy[] {
  const out: TlsProxy[] = [];
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      if (isDjangoService(svc, facts.dockerfiles) || !publishes443(svc)) continue;
      const kind = proxyKind(svc.image?.value ?? '', svc.name.value);
      out.push({ kind, label: `compose service ${svc.name.value} (${svc.file})`, at: svc.image ?? svc.name, service: svc, nginx: null });
    }
  }
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    const server = nginxServers(conf.directives).find((s) => isTlsServer(s) && proxiesUpstream(s));
    if (server) out.push({ kind: 'nginx', label: `nginx config ${conf.path}`, at: server.loc, service: null, nginx: conf });
  }
  return out;
}

/** Something the proxy does, with where it is configured (or the proxy itself when it is the image's default). */
export interface ProxyFeature {
  label: string;
  at: Located<unknown> | SourceLoc;
}

/** Django services' and proxy services' env values for nginx-proxy's per-container settings. */
function nginxProxyEnv(facts: Pick<Facts, 'compose' | 'dockerfiles'>, key: string): string[] {
  const values: string[] = [];
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      const v = envOf(svc, key);
      if (v !== null) values.push(v.trim().toLowerCase());
    }
  }
  return values;
}

/** A visible proxy redirects plain HTTP to HTTPS (nginx return/rewrite to https://, nginx-proxy and Caddy defaults, Traefik redirections). */
export function proxyRedirectsToHttps(facts: Pick<Facts, 'compose' | 'dockerfiles' | 'nginx'>): ProxyFeature | null {
  for (const proxy of tlsProxies(facts)) {
    if (proxy.kind === 'nginx-proxy') {
      const methods = nginxProxyEnv(facts, 'HTTPS_METHOD');
      if (!methods.some((m) => m === 'noredirect' || m === 'nohttps')) return { label: `${proxy.label} (nginx-proxy redirects HTTP to HTTPS by default)`, at: proxy.at };
    }
    if (proxy.kind === 'caddy') return { label: `${proxy.label} (Caddy redirects HTTP to HTTPS automatically)`, at: proxy.at };
    if (proxy.kind === 'traefik' && proxy.service) {
      const cmd = proxy.service.command?.value ?? '';
      if (/redirections\.entry[pP]oint\.to/.test(cmd)) return { label: `${proxy.label} (entry point redirection)`, at: proxy.service.command ?? proxy.at };
    }
  }
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      if (labelsOf(svc).some((l) => /redirectscheme\.scheme\s*=\s*https/i.test(l))) return { label: `compose service ${svc.name.value} Traefik redirectscheme label`, at: svc.keys.labels ?? svc.name };
    }
  }
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    for (const server of nginxServers(conf.directives)) {
      const redirect = walkNginx(server.block ?? []).find(
        (d) => (d.name === 'return' && d.args.some((a) => /^https:\/\//i.test(a))) || (d.name === 'rewrite' && d.args.some((a) => /^https:\/\//i.test(a))),
      );
      if (redirect) return { label: `nginx config ${conf.path}`, at: redirect.loc };
    }
  }
  return null;
}

/** An nginx server block that accepts only TLS: every listen has `ssl` (or `quic`), or the legacy `ssl on;`. */
function nginxTlsOnly(server: NginxDirective): boolean {
  const own = server.block ?? [];
  const listens = own.filter((d) => d.name === 'listen');
  // No listen at all means `listen *:80`.
  if (listens.length === 0) return false;
  if (own.some((d) => d.name === 'ssl' && d.args[0] === 'on')) return true;
  return listens.every((d) => d.args.slice(1).some((a) => a === 'ssl' || a === 'quic'));
}

/** Traefik routers (`traefik.http.routers.<name>.*`) of a service's labels, with their settings. */
function traefikRouters(svc: ComposeService): Map<string, Map<string, string>> {
  const routers = new Map<string, Map<string, string>>();
  for (const label of labelsOf(svc)) {
    const m = /^traefik\.http\.routers\.([^.=\s]+)\.([^=\s]+)\s*=\s*(.*)$/i.exec(label.trim());
    if (!m) continue;
    const router = routers.get(m[1]) ?? new Map<string, string>();
    router.set(m[2].toLowerCase(), m[3].trim());
    routers.set(m[1], router);
  }
  return routers;
}

/**
 * A Traefik router that serves only HTTPS: with a TLS section (`tls=true`, `tls.certresolver`, `tls.domains`,
 * `tls.options`) Traefik matches only TLS requests on it, whatever its entry points.
 */
function traefikTlsRouter(settings: Map<string, string>): boolean {
  if (/^true$/i.test(settings.get('tls') ?? '')) return true;
  return [...settings.keys()].some((k) => /^tls\.(certresolver|domains|options)/.test(k));
}

/**
 * Every visible way to the app is TLS, so plain-HTTP requests never reach Django and there is nothing to redirect:
 * each production nginx server block that proxies to a backend listens only with `ssl`, and each Traefik router on a
 * Django service has a TLS section, and at least one of them exists. Null when a plain-HTTP way to the app is seen
 * (a server or router without TLS, a Django service publishing a port, nginx-proxy without redirect) or when no
 * such entry is visible; unknown when part of the way in is not readable.
 */
export function tlsOnlyIngress(facts: Pick<Facts, 'compose' | 'dockerfiles' | 'nginx'>): ProxyFeature | { unknown: string } | null {
  const tls: ProxyFeature[] = [];
  const unseen: string[] = [];
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    // A location snippet: the server block (and its listen) around it is not in the repository.
    if (conf.context === 'server') {
      if (passIn(conf.directives)) {
        unseen.push(`${conf.path} proxies to a backend from a server block that is not in the repository, so whether it listens only with TLS is not visible`);
      }
      continue;
    }
    for (const server of nginxServers(conf.directives)) {
      if (!proxiesUpstream(server)) continue;
      if (!nginxTlsOnly(server)) return null;
      const listen = (server.block ?? []).find((d) => d.name === 'listen');
      tls.push({ label: `nginx config ${conf.path} proxies to the app only from servers that listen with ssl`, at: listen?.loc ?? server.loc });
    }
  }
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      if (isDjangoService(svc, facts.dockerfiles)) {
        // A published port takes plain HTTP straight to the app server, past any proxy.
        if (svc.ports.some((p) => !(p.hostIp && isLoopbackAddress(p.hostIp)))) return null;
        const labels = labelsOf(svc);
        if (labels.some((l) => /^traefik\.enable\s*=\s*false$/i.test(l.trim())) || !labels.some((l) => /^traefik\./i.test(l.trim()))) continue;
        const routers = traefikRouters(svc);
        // traefik.enable=true without routers gets Traefik's default router: every entry point, no TLS.
        if (routers.size === 0 || [...routers.values()].some((r) => !traefikTlsRouter(r))) return null;
        tls.push({ label: `compose service ${svc.name.value} Traefik routers ${[...routers.keys()].join(', ')} serve only TLS`, at: svc.keys.labels ?? svc.name });
        continue;
      }
      if (!isProxyService(svc) || svc.ports.length === 0) continue;
      const kind = proxyKind(svc.image?.value ?? '', svc.name.value);
      // nginx-proxy here did not redirect (proxyRedirectsToHttps is asked first), so it serves plain HTTP.
      if (kind === 'nginx-proxy') return null;
      if (kind === 'other') unseen.push(`compose service ${svc.name.value} publishes ports and its proxy configuration is not read, so it may pass plain HTTP to the app`);
    }
  }
  if (tls.length === 0) return null;
  if (unseen.length > 0) return { unknown: unseen[0] };
  return tls[0];
}

/** HSTS as sent by a proxy. */
export interface ProxyHsts extends ProxyFeature {
  maxAge: number | null;
  includeSubdomains: boolean;
  preload: boolean;
}

function parseHsts(value: string): { maxAge: number | null; includeSubdomains: boolean; preload: boolean } {
  const m = /max-age\s*=\s*"?(\d+)/i.exec(value);
  return { maxAge: m ? Number(m[1]) : null, includeSubdomains: /includesubdomains/i.test(value), preload: /\bpreload\b/i.test(value) };
}

/** A visible proxy sends Strict-Transport-Security (nginx add_header, nginx-proxy's default, Traefik sts labels). */
export function proxyHsts(facts: Pick<Facts, 'compose' | 'dockerfiles' | 'nginx'>): ProxyHsts | null {
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    const d = walkNginx(conf.directives).find((x) => x.name === 'add_header' && x.args[0]?.toLowerCase() === 'strict-transport-security');
    if (d) return { label: `nginx config ${conf.path}`, at: d.loc, ...parseHsts(d.args.slice(1).join(' ')) };
  }
  for (const proxy of tlsProxies(facts)) {
    if (proxy.kind === 'nginx-proxy') {
      const methods = nginxProxyEnv(facts, 'HTTPS_METHOD');
      const hsts = nginxProxyEnv(facts, 'HSTS');
      if (methods.some((m) => m === 'noredirect' || m === 'nohttps') || hsts.includes('off')) continue;
      const custom = hsts.find((h) => /max-age/.test(h));
      return { label: `${proxy.label} (nginx-proxy sends HSTS ${custom ?? 'max-age=31536000'} by default)`, at: proxy.at, ...parseHsts(custom ?? 'max-age=31536000') };
    }
  }
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      const labels = labelsOf(svc);
      const sts = labels.find((l) => /headers\.stsSeconds\s*=/i.test(l));
      if (sts) {
        return {
          label: `compose service ${svc.name.value} Traefik headers labels`,
          at: svc.keys.labels ?? svc.name,
          maxAge: Number(/=\s*(\d+)/.exec(sts)?.[1] ?? NaN) || null,
          includeSubdomains: labels.some((l) => /stsIncludeSubdomains\s*=\s*true/i.test(l)),
          preload: labels.some((l) => /stsPreload\s*=\s*true/i.test(l)),
        };
      }
    }
  }
  return null;
}

/** A visible nginx config sets X-Frame-Options or a CSP frame-ancestors. */
export function proxyFrameOptions(facts: Pick<Facts, 'nginx'>): (ProxyFeature & { value: string }) | null {
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    const d = walkNginx(conf.directives).find(
      (x) =>
        x.name === 'add_header' &&
        (x.args[0]?.toLowerCase() === 'x-frame-options' || (x.args[0]?.toLowerCase() === 'content-security-policy' && /frame-ancestors/i.test(x.args.slice(1).join(' ')))),
    );
    if (d) return { label: `nginx config ${conf.path}`, at: d.loc, value: d.args.slice(1).join(' ') };
  }
  return null;
}

const LOOPBACK_UPSTREAM = /^(https?:\/\/)?(unix:|127\.\d+\.\d+\.\d+|localhost|\[::1\])/i;

/**
 * The app server itself turns the proxy's X-Forwarded-Proto into the request scheme, so Django's is_secure() is right
 * without SECURE_PROXY_SSL_HEADER: gunicorn/uvicorn started with --forwarded-allow-ips (or FORWARDED_ALLOW_IPS), an
 * nginx on the same host that passes X-Forwarded-Proto to a loopback or unix-socket upstream (gunicorn and uvicorn
 * trust 127.0.0.1 and unix sockets by default), or uwsgi_pass with the uwsgi_params include (HTTPS variable).
 */
export function schemeFromAppServer(facts: Pick<Facts, 'compose' | 'dockerfiles' | 'nginx'> & Partial<Pick<Facts, 'shell' | 'systemd'>>): ProxyFeature | null {
  // The app server started by a script or a unit (`daphne --proxy-headers` in start-daphne.sh).
  const started = [...(facts.shell ?? []).filter((s) => !isDevFile(s.path)).flatMap((s) => s.commands), ...(facts.systemd ?? []).filter((u) => !isDevFile(u.path)).flatMap((u) => u.commands)];
  const trusting = started.find((c) => /^(daphne|uvicorn|gunicorn|hypercorn)$/.test(c.effectiveName) && c.effectiveArgs.some((a) => /^--(forwarded-allow-ips|proxy-headers)\b/.test(a)));
  if (trusting) return { label: `${trusting.loc.file} starts ${trusting.effectiveName} with ${trusting.effectiveArgs.find((a) => a.startsWith('--proxy-headers') || a.startsWith('--forwarded-allow-ips'))}`, at: trusting.loc };
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      if (!isDjangoService(svc, facts.dockerfiles)) continue;
      for (const cmd of [svc.command, svc.entrypoint]) {
        if (cmd && /--forwarded-allow-ips|--proxy-headers/.test(cmd.value)) return { label: `compose service ${svc.name.value} command`, at: cmd };
      }
      const env = svc.environment.find((e) => e.key.value === 'FORWARDED_ALLOW_IPS');
      if (env) return { label: `compose service ${svc.name.value} FORWARDED_ALLOW_IPS`, at: env.key };
    }
  }
  for (const d of facts.dockerfiles) {
    if (isDevFile(d.path)) continue;
    for (const s of d.stages) {
      const i = s.instructions.find((x) => (x.keyword === 'CMD' || x.keyword === 'ENTRYPOINT') && /--forwarded-allow-ips|--proxy-headers/.test(x.expanded));
      if (i) return { label: `${d.path} ${i.keyword}`, at: i.loc };
      if (s.env.FORWARDED_ALLOW_IPS) return { label: `${d.path} ENV FORWARDED_ALLOW_IPS`, at: s.env.FORWARDED_ALLOW_IPS.at };
    }
  }
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    const upstreams = new Map<string, string[]>();
    for (const d of walkNginx(conf.directives)) {
      if (d.name === 'upstream' && d.block && d.args[0]) {
        upstreams.set(d.args[0], d.block.filter((x) => x.name === 'server').map((x) => x.args[0] ?? ''));
      }
    }
    for (const server of nginxServers(conf.directives)) {
      if (!isTlsServer(server)) continue;
      const all = walkNginx(server.block ?? []);
      const forwardsProto = all.some((d) => d.name === 'proxy_set_header' && d.args[0]?.toLowerCase() === 'x-forwarded-proto');
      for (const d of all) {
        if (d.name === 'uwsgi_pass' && all.some((x) => x.name === 'include' && /uwsgi_params/.test(x.args[0] ?? ''))) return { label: `nginx config ${conf.path} (uwsgi_pass)`, at: d.loc };
        if (d.name !== 'proxy_pass' || !forwardsProto) continue;
        const target = d.args[0] ?? '';
        const host = target.replace(/^https?:\/\//i, '').split(/[/:]/)[0];
        const servers = upstreams.get(host) ?? [target];
        if (servers.length > 0 && servers.every((s) => LOOPBACK_UPSTREAM.test(s))) return { label: `nginx config ${conf.path} (loopback upstream with X-Forwarded-Proto)`, at: d.loc };
      }
    }
  }
  return null;
}
