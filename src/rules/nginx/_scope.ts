// What each nginx rule iterates over: the production configs (dev-only ones left out), their server blocks, the
// server-level fragments, the configs that run in one nginx (an nginx.conf and the conf.d files mounted beside it),
// and the servers that serve the app (hand requests to a backend rather than redirect).
import type { NginxConfig } from '../../facts/scripts.js';
import { devOnly, productionLinks, serviceLinks, type DeployFacts } from './_deploy.js';
import { ACME_PATH, auditedConfigs, fragmentReason, HEALTH_PATH, PASS_DIRECTIVES, proxiedLocations, returnOf, serversOf, walk, type Server } from './_nginx.js';

export interface Scope {
  configs: NginxConfig[];
  servers: Server[];
  /** Entry files holding server-level directives (locations...) that no repository file includes. */
  fragments: NginxConfig[];
  /** For each config, the configs loaded by the same nginx (itself included), nginx.conf first. */
  instance: Map<NginxConfig, NginxConfig[]>;
}

/** The nginx configs, servers and fragments the rules judge. */
export function nginxScope(facts: DeployFacts): Scope {
  const configs = auditedConfigs(facts.nginx).filter((c) => !devOnly(c, facts));
  const servers = configs.flatMap((c) => serversOf(c, facts.nginx));
  return { configs, servers, fragments: configs.filter((c) => c.context === 'server'), instance: instances(configs, servers, facts) };
}

/**
 * Groups configs that one nginx loads together: files mounted into the same compose service, and a conf.d file
 * with the repository nginx.conf it is included into. nginx reads nginx.conf first, then conf.d files by name.
 */
function instances(configs: NginxConfig[], servers: Server[], facts: DeployFacts): Map<NginxConfig, NginxConfig[]> {
  const parent = new Map<NginxConfig, NginxConfig>(configs.map((c) => [c, c]));
  const find = (c: NginxConfig): NginxConfig => {
    let x = c;
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: NginxConfig, b: NginxConfig) => parent.set(find(a), find(b));
  const byService = new Map<unknown, NginxConfig>();
  for (const c of configs) {
    for (const link of productionLinks(serviceLinks(c, facts))) {
      const other = byService.get(link.service);
      if (other) union(c, other);
      else byService.set(link.service, c);
    }
  }
  for (const s of servers) {
    for (let l = s.level.parent; l; l = l.parent) {
      const file = l.node?.loc.file;
      const owner = file ? configs.find((c) => c !== s.config && c.files[0] === file) : undefined;
      if (owner) union(s.config, owner);
    }
  }
  const out = new Map<NginxConfig, NginxConfig[]>();
  for (const c of configs) {
    const group = configs.filter((x) => find(x) === find(c));
    group.sort((a, b) => Number(b.context === 'main') - Number(a.context === 'main') || basename(a.path).localeCompare(basename(b.path)));
    out.set(c, group);
  }
  return out;
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The servers of every config loaded by the same nginx as `config`, in the order nginx reads them. */
export function instanceServers(scope: Scope, config: NginxConfig): Server[] {
  return (scope.instance.get(config) ?? [config]).flatMap((c) => scope.servers.filter((s) => s.config === c));
}

/** Reason for not-applicable when there is nothing nginx to audit. */
export function noNginxReason(facts: DeployFacts): string {
  return facts.nginx.length === 0 ? 'no nginx config in the repository' : 'only development or test nginx configs in the repository';
}

/**
 * A server that answers every request with a `return` (a redirect, 444, a fixed health reply) and serves nothing:
 * a server-level return, or locations that all return — ACME challenge and health locations aside (the usual
 * catch-all `location / { return 444; }`, or a port-80 server whose `location /` redirects).
 */
export function onlyReturns(server: Server): boolean {
  if (returnOf(server.level) !== null) return true;
  const locations = server.level.list.filter((d) => d.name === 'location' && d.block);
  const servesHere = server.level.list.some((d) => ['root', 'alias', 'try_files', 'index', ...PASS_DIRECTIVES].includes(d.name));
  const others = locations.filter((l) => !l.args.some((a) => ACME_PATH.test(a) || HEALTH_PATH.test(a)));
  return others.length > 0 && !servesHere && others.every((l) => (l.block ?? []).some((d) => d.name === 'return'));
}

/** The nginx running `server` also has a TLS server block. */
function instanceHasTls(scope: Scope, server: Server): boolean {
  return instanceServers(scope, server.config).some((o) => o.tls);
}

/**
 * Servers that serve the app: they hand requests to a backend and do not end every request with a return. A
 * plain-HTTP server of an nginx that also has TLS servers is left out: it should redirect, and when it proxies
 * instead nginx/http-not-redirected reports it.
 */
export function appServers(scope: Scope): Server[] {
  return scope.servers.filter((s) => !onlyReturns(s) && proxiedLocations(s.config, s).length > 0 && (s.tls || !instanceHasTls(scope, s)));
}

/** Servers that serve content (app or files): not return-only; plain ones only when their nginx has no TLS server. */
export function contentServers(scope: Scope): Server[] {
  return scope.servers.filter((s) => servesSomething(s) && !onlyReturns(s) && (s.tls || !instanceHasTls(scope, s)));
}

/** A server with locations or something to serve (an empty `server {}` only shows nginx's welcome page). */
function servesSomething(s: Server): boolean {
  return s.level.list.some((d) => d.name === 'location' || ['root', 'alias', 'try_files', 'index', 'return', ...PASS_DIRECTIVES].includes(d.name));
}

/**
 * The app servers a rule judges, after saying what it cannot judge: not applicable without an audited nginx config
 * or without a server proxying to the app (only `proxy_pass` ones with `proxyPassOnly`), unknown for each proxying
 * fragment. Null when the rule has nothing left to judge.
 */
export function judgedAppServers(
  facts: DeployFacts,
  ctx: { unknown(target: string, reason: string): void; notApplicable(reason: string): void },
  opts: { proxyPassOnly?: boolean } = {},
): { scope: Scope; servers: Server[] } | null {
  const scope = nginxScope(facts);
  if (scope.configs.length === 0) {
    ctx.notApplicable(noNginxReason(facts));
    return null;
  }
  const all = appServers(scope);
  const servers = opts.proxyPassOnly ? all.filter((s) => proxiedLocations(s.config, s).some((p) => p.pass.name === 'proxy_pass')) : all;
  const fragments = unknownProxyFragments(scope, ctx);
  if (servers.length > 0) return { scope, servers };
  if (fragments === 0) ctx.notApplicable(`no nginx server block proxies to the app${opts.proxyPassOnly ? ' with proxy_pass' : ''}`);
  return null;
}

/**
 * Reports unknown for each fragment (a snippet nobody includes) that hands requests to a backend: the server block
 * around it, which the app-level rules judge, is not visible. Returns how many there were.
 */
export function unknownProxyFragments(scope: Scope, ctx: { unknown(target: string, reason: string): void }): number {
  const proxying = scope.fragments.filter((f) => walk(f.directives).some((d) => PASS_DIRECTIVES.includes(d.name)));
  for (const f of proxying) ctx.unknown(f.path, fragmentReason(f));
  return proxying.length;
}
