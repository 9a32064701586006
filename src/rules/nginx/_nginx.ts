// Shared model for the nginx rules: audited configs, server blocks with their inheritance chain (http -> server ->
// location), listen sockets, includes that are not in the repository, and what nginx would inherit or default.
import type { SourceLoc } from '../../core/types/located.js';
import type { NginxConfig, NginxDirective } from '../../facts/scripts.js';
import { isDevFile } from '../django/_stack.js';

/** A configuration level whose directives are inherited by the levels nested in it. */
export type LevelKind = 'stock' | 'http' | 'server' | 'location' | 'if' | 'limit_except';

export interface Level {
  kind: LevelKind;
  /** The block directive (`server`, `location /static/`), or null for a file's top level and the stock level. */
  node: NginxDirective | null;
  /** Direct children, with includes expanded in place and known stock includes (proxy_params...) replaced by what they set. */
  list: NginxDirective[];
  parent: Level | null;
  /**
   * The stock level: the `http { }` of an nginx.conf that is not in the repository (the Docker image's or the
   * distribution's), into which a conf.d / sites-enabled file is included. Its directives are not visible.
   */
  unseen: boolean;
}

/** One `listen` socket of a server block (or the implicit `listen *:80`). */
export interface Listen {
  /** Port number, null when unknown (a variable, a unix socket). */
  port: number | null;
  /** The address part as written ("", "127.0.0.1", "[::]", "unix:/run/x.sock"). */
  addr: string;
  ssl: boolean;
  quic: boolean;
  defaultServer: boolean;
  proxyProtocol: boolean;
  /** The directive, or null for the implicit default listen. */
  directive: NginxDirective | null;
}

/** An http server block with what the rules need to judge it. */
export interface Server {
  config: NginxConfig;
  node: NginxDirective;
  level: Level;
  names: string[];
  listens: Listen[];
  /** Listens with TLS (ssl / quic parameter, or the legacy `ssl on;`). */
  tls: boolean;
  /** Check target: "nginx/conf.d/app.conf#example.com:443". */
  target: string;
  /** For messages: "server example.com (listen 443 ssl)". */
  label: string;
  /** What an absence points at: the server_name line, else the first listen line, else the `server {` line. */
  anchor: SourceLoc;
}

/** A location block (or `if` / `limit_except` inside one) and its level. */
export interface Location {
  node: NginxDirective;
  level: Level;
  /** The modifier (`=`, `~`, `~*`, `^~`) or null. */
  modifier: string | null;
  /** The path or regex, or `@name`. */
  path: string;
}

/** Directives that hand the request to a backend. */
export const PASS_DIRECTIVES = ['proxy_pass', 'uwsgi_pass', 'fastcgi_pass', 'scgi_pass', 'grpc_pass'];

/** Security response headers an add_header can set (lower case). */
export const SECURITY_HEADERS = [
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'content-security-policy',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
];

// ---------------------------------------------------------------------------------------------------------------
// Includes.

/**
 * What stock includes set, for those the rules need to see through. Debian/Ubuntu's /etc/nginx/proxy_params and
 * certbot's /etc/letsencrypt/options-ssl-nginx.conf are not in repositories but their content is fixed and public.
 */
const STOCK_CONTENT: { re: RegExp; directives: [string, string[]][] }[] = [
  {
    re: /(^|\/)proxy_params$/,
    directives: [
      ['proxy_set_header', ['Host', '$http_host']],
      ['proxy_set_header', ['X-Real-IP', '$remote_addr']],
      ['proxy_set_header', ['X-Forwarded-For', '$proxy_add_x_forwarded_for']],
      ['proxy_set_header', ['X-Forwarded-Proto', '$scheme']],
    ],
  },
  {
    re: /(^|\/)options-ssl-nginx\.conf$/,
    directives: [
      ['ssl_session_cache', ['shared:le_nginx_SSL:10m']],
      ['ssl_session_timeout', ['1440m']],
      ['ssl_session_tickets', ['off']],
      ['ssl_protocols', ['TLSv1.2', 'TLSv1.3']],
      ['ssl_prefer_server_ciphers', ['off']],
      [
        'ssl_ciphers',
        [
          'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384',
        ],
      ],
    ],
  },
];

const locKey = (l: SourceLoc) => `${l.file}:${l.line}:${l.col}`;

/** Includes of a config that resolved to no repository file: stock ones, and opaque ones (anything may be in them). */
function includeIndex(config: NginxConfig): { opaque: Set<string>; stock: Map<string, [string, string[]][]> } {
  const opaque = new Set<string>();
  const stock = new Map<string, [string, string[]][]>();
  for (const inc of config.includes) {
    if (inc.files.length > 0) continue;
    const key = locKey(inc.at.loc);
    const known = STOCK_CONTENT.find((s) => s.re.test(inc.at.value));
    if (known) stock.set(key, known.directives);
    else if (!inc.stock) opaque.add(key);
  }
  return { opaque, stock };
}

const indexes = new WeakMap<NginxConfig, ReturnType<typeof includeIndex>>();
function indexOf(config: NginxConfig): ReturnType<typeof includeIndex> {
  let idx = indexes.get(config);
  if (!idx) {
    idx = includeIndex(config);
    indexes.set(config, idx);
  }
  return idx;
}

/** True for an `include` that matched no repository file and is not a known stock file: it may set anything. */
export function isOpaqueInclude(config: NginxConfig, d: NginxDirective): boolean {
  return d.name === 'include' && indexOf(config).opaque.has(locKey(d.loc));
}

/** A level's children with known stock includes replaced by what they set (pointing at the include line). */
function expandStock(config: NginxConfig, list: NginxDirective[]): NginxDirective[] {
  const { stock } = indexOf(config);
  if (stock.size === 0) return list;
  const out: NginxDirective[] = [];
  for (const d of list) {
    out.push(d);
    const content = d.name === 'include' ? stock.get(locKey(d.loc)) : undefined;
    if (content) for (const [name, args] of content) out.push({ name, args, loc: d.loc, block: null, includedFrom: d.loc, rawBlock: null });
  }
  return out;
}

/**
 * The includes of a level that may set directives of that level. At http level a glob include (`conf.d/*.conf`,
 * `sites-enabled/*`) that is not in the repository brings in sites — server blocks — and is not counted: reading
 * it as "may set anything" would make every http-level setting unknown for the most common nginx.conf.
 */
export function opaqueIncludes(config: NginxConfig, level: Level): NginxDirective[] {
  return level.list.filter((d) => isOpaqueInclude(config, d) && !(level.kind === 'http' && /[*?]/.test(d.args[0] ?? '')));
}

/** Builds the level of a block directive. */
export function levelOf(config: NginxConfig, node: NginxDirective, kind: LevelKind, parent: Level | null): Level {
  return { kind, node, list: expandStock(config, node.block ?? []), parent, unseen: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Lookup with nginx's inheritance: a level without the directive inherits the nearest enclosing level's.

export interface Lookup {
  /** The directives at the nearest level that has any, in order ([] when none has). */
  found: NginxDirective[];
  level: Level | null;
  /** Includes not in the repository at the levels searched: they may set the directive. */
  opaque: NginxDirective[];
  /** The search went up to an nginx.conf that is not in the repository. */
  unseen: boolean;
}

/** Looks a directive (or a group of directives inherited together) up from `level` outwards. */
export function lookup(config: NginxConfig, level: Level, names: string | string[]): Lookup {
  const wanted = typeof names === 'string' ? [names] : names;
  const opaque: NginxDirective[] = [];
  for (let l: Level | null = level; l; l = l.parent) {
    if (l.unseen) return { found: [], level: null, opaque, unseen: true };
    opaque.push(...opaqueIncludes(config, l));
    const found = l.list.filter((d) => wanted.includes(d.name));
    if (found.length > 0) return { found, level: l, opaque, unseen: false };
  }
  return { found: [], level: null, opaque, unseen: false };
}

/** The last value of a single-valued directive (nginx rejects duplicates of most; the last is what a reader means). */
export function lastOf(l: Lookup): NginxDirective | null {
  return l.found.length > 0 ? l.found[l.found.length - 1] : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Configs, http levels and servers.

/** The nginx configs audited: development/test files (by name or directory) are left out. */
export function auditedConfigs(nginx: readonly NginxConfig[]): NginxConfig[] {
  return nginx.filter((c) => !isDevFile(c.path));
}

/** The `http { }` levels of a config where its server blocks live. */
export function httpLevels(config: NginxConfig, all: readonly NginxConfig[]): Level[] {
  if (config.context === 'main') {
    return config.directives.filter((d) => d.name === 'http' && d.block).map((d) => levelOf(config, d, 'http', null));
  }
  if (config.context === 'http') {
    const top: Level = { kind: 'http', node: null, list: expandStock(config, config.directives), parent: outerHttp(config, all), unseen: false };
    return [top];
  }
  return [];
}

/**
 * The level a conf.d / sites-enabled file is included into. When the repository has its own nginx.conf whose
 * `http { }` includes files that are not in the repository (conf.d/*.conf, sites-enabled/*), that http block is the
 * parent; otherwise the image's or distribution's stock nginx.conf, which is not visible.
 */
function outerHttp(config: NginxConfig, all: readonly NginxConfig[]): Level {
  const stock: Level = { kind: 'stock', node: null, list: [], parent: null, unseen: true };
  const dir = config.path.includes('/') ? config.path.slice(0, config.path.lastIndexOf('/')) : '';
  const candidates: { level: Level; score: number }[] = [];
  for (const main of auditedConfigs(all)) {
    if (main === config || main.context !== 'main') continue;
    for (const http of main.directives.filter((d) => d.name === 'http' && d.block)) {
      const includesElsewhere = (http.block ?? []).some((d) => d.name === 'include' && isOpaqueInclude(main, d));
      if (!includesElsewhere) continue;
      const mainDir = main.path.includes('/') ? main.path.slice(0, main.path.lastIndexOf('/')) : '';
      const score = commonPrefix(dir, mainDir);
      // An nginx.conf elsewhere in the tree (docs/, examples/) is not the one this file is deployed with.
      if (score === 0 && mainDir !== '') continue;
      candidates.push({ level: { ...levelOf(main, http, 'http', null), list: expandStock(main, (http.block ?? []).filter((d) => d.name !== 'server')) }, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  if (candidates.length === 1 || (candidates.length > 1 && candidates[0].score > candidates[1].score)) return candidates[0].level;
  return stock;
}

function commonPrefix(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n] && x[n] !== '') n++;
  return n;
}

/** Parses a `listen` directive. */
export function parseListen(d: NginxDirective): Listen {
  const first = d.args[0] ?? '';
  const flags = d.args.slice(1);
  let port: number | null = null;
  let addr = '';
  if (first.startsWith('unix:')) addr = first;
  else if (/^\d+$/.test(first)) port = Number(first);
  else {
    const m = /^(.*):(\d+)$/.exec(first);
    if (m) {
      addr = m[1];
      port = Number(m[2]);
    } else if (!first.includes('$')) {
      // An address without a port listens on 80.
      addr = first;
      port = 80;
    }
  }
  return {
    port,
    addr,
    ssl: flags.includes('ssl'),
    quic: flags.includes('quic'),
    defaultServer: flags.includes('default_server') || flags.includes('default'),
    proxyProtocol: flags.includes('proxy_protocol'),
    directive: d,
  };
}

/** Every http server block of the audited configs, in the order nginx reads them. */
export function serversOf(config: NginxConfig, all: readonly NginxConfig[]): Server[] {
  const out: Server[] = [];
  const seen = new Map<string, number>();
  for (const http of httpLevels(config, all)) {
    for (const node of http.list) {
      if (node.name !== 'server' || !node.block) continue;
      const level = levelOf(config, node, 'server', http);
      const names = level.list.filter((d) => d.name === 'server_name').flatMap((d) => d.args);
      const listenDirs = level.list.filter((d) => d.name === 'listen');
      const listens: Listen[] =
        listenDirs.length > 0
          ? listenDirs.map(parseListen)
          : [{ port: 80, addr: '', ssl: false, quic: false, defaultServer: false, proxyProtocol: false, directive: null }];
      const sslOn = level.list.some((d) => d.name === 'ssl' && d.args[0] === 'on');
      const tls = sslOn || listens.some((l) => l.ssl || l.quic);
      const ports = [...new Set(listens.map((l) => l.port ?? '?'))];
      const name = names.find((n) => n !== '') ?? '_';
      let target = `${node.loc.file}#${name}:${ports.join(',')}`;
      const n = (seen.get(target) ?? 0) + 1;
      seen.set(target, n);
      if (n > 1) target = `${target}#${n}`;
      const listenText = listenDirs.length > 0 ? listenDirs.map((d) => `listen ${d.args.join(' ')}`).join(', ') : 'no listen, so *:80';
      const own = (d: NginxDirective) => d.loc.file === node.loc.file;
      const anchorDir = level.list.find((d) => d.name === 'server_name' && own(d)) ?? listenDirs.find(own) ?? null;
      out.push({
        config,
        node,
        level,
        names,
        listens,
        tls,
        target,
        label: `server ${names.length > 0 ? names.join(' ') : '(no server_name)'} (${listenText})`,
        anchor: anchorDir?.loc ?? { ...node.loc, endLine: node.loc.line, endCol: node.loc.col + 6 },
      });
    }
  }
  return out;
}

/** Location blocks of a level, nested ones included, with their levels (`if` blocks when asked). */
export function locationsOf(config: NginxConfig, level: Level, withIf = false): Location[] {
  const out: Location[] = [];
  for (const d of level.list) {
    if (!d.block) continue;
    const kind: LevelKind | null = d.name === 'location' ? 'location' : d.name === 'if' && withIf ? 'if' : d.name === 'limit_except' && withIf ? 'limit_except' : null;
    if (!kind) continue;
    const child = levelOf(config, d, kind, level);
    const hasModifier = d.args.length > 1 && ['=', '~', '~*', '^~'].includes(d.args[0]);
    out.push({ node: d, level: child, modifier: kind === 'location' && hasModifier ? d.args[0] : null, path: kind === 'location' ? (hasModifier ? d.args[1] : (d.args[0] ?? '')) : d.args.join(' ') });
    out.push(...locationsOf(config, child, withIf));
  }
  return out;
}

/** The backend hand-off directives written directly in a level (not in nested blocks). */
export function passesOf(level: Level): NginxDirective[] {
  return level.list.filter((d) => PASS_DIRECTIVES.includes(d.name));
}

/** Locations of a server that hand requests to a backend (proxy_pass, uwsgi_pass...), with the directive. */
export function proxiedLocations(config: NginxConfig, server: Server): { location: Location | null; level: Level; pass: NginxDirective }[] {
  const out: { location: Location | null; level: Level; pass: NginxDirective }[] = [];
  for (const p of passesOf(server.level)) out.push({ location: null, level: server.level, pass: p });
  for (const loc of locationsOf(config, server.level)) for (const p of passesOf(loc.level)) out.push({ location: loc, level: loc.level, pass: p });
  return out;
}

/** The host a proxy_pass URL targets ("web", "127.0.0.1", "app_upstream"), or null for unix sockets and variables. */
export function passHost(d: NginxDirective): string | null {
  const url = d.args[0] ?? '';
  const rest = url.replace(/^[a-z]+:\/\//i, '');
  if (rest.startsWith('unix:')) return null;
  const host = rest.split('/')[0].replace(/:\d+$/, '');
  return host.includes('$') ? null : host;
}

/** Location paths used for ACME HTTP-01 challenges. */
export const ACME_PATH = /\.well-known/;
/** Health and status endpoints commonly left on plain HTTP for load balancers and monitoring. */
export const HEALTH_PATH = /(^|\/|\^|=\s*)(health|healthz|healthcheck|health-check|ping|status|ready|readiness|live|liveness|nginx_status|stub_status|basic_status|metrics)\b/i;

/** A `return` or `rewrite` that sends the client to an https:// URL. */
export function isHttpsRedirect(d: NginxDirective): boolean {
  if (d.name === 'return') {
    const code = d.args.length > 1 ? d.args[0] : '302';
    const url = d.args.length > 1 ? d.args[1] : (d.args[0] ?? '');
    return /^30[12378]$/.test(code) && /^https:\/\//i.test(url);
  }
  if (d.name === 'rewrite') return d.args.slice(1, 2).some((a) => /^https:\/\//i.test(a));
  return false;
}

/** An unconditional `return` written directly in a level (the request never reaches locations or backends). */
export function returnOf(level: Level): NginxDirective | null {
  return level.list.find((d) => d.name === 'return') ?? null;
}

/** A server-level `if` on the scheme or forwarded protocol that redirects to https (`if ($scheme != "https")`). */
export function conditionalHttpsRedirect(level: Level): NginxDirective | null {
  for (const d of level.list) {
    if (d.name !== 'if' || !d.block) continue;
    const cond = d.args.join(' ');
    if (!/\$(scheme|https|http_x_forwarded_proto|http_x_forwarded_ssl|http_cloudfront_forwarded_proto)\b/i.test(cond)) continue;
    const r = d.block.find(isHttpsRedirect);
    if (r) return r;
  }
  return null;
}

/** The request URI the location path matches best for messages ("/static/"). */
export function locationLabel(loc: Location): string {
  return `location ${loc.modifier ? `${loc.modifier} ` : ''}${loc.path}`;
}

/** Header name of an add_header / proxy_set_header directive, lower case. */
export function headerName(d: NginxDirective): string {
  return (d.args[0] ?? '').toLowerCase();
}

/** Every directive of a tree, depth first. */
export function walk(list: readonly NginxDirective[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const d of list) {
    out.push(d);
    if (d.block) out.push(...walk(d.block));
  }
  return out;
}

/** The configs' server blocks, and the entry files that are server-level fragments (snippets nobody includes). */
export function inventory(nginx: readonly NginxConfig[]): { configs: NginxConfig[]; servers: Server[]; fragments: NginxConfig[] } {
  const configs = auditedConfigs(nginx);
  const servers = configs.flatMap((c) => serversOf(c, nginx));
  const fragments = configs.filter((c) => c.context === 'server');
  return { configs, servers, fragments };
}

/** The top level of a server-level fragment, judged as a server block whose outer levels are not visible. */
export function fragmentLevel(config: NginxConfig): Level {
  return { kind: 'server', node: null, list: expandStock(config, config.directives), parent: { kind: 'stock', node: null, list: [], parent: null, unseen: true }, unseen: false };
}

/** Reason used for fragments by rules that need the whole server block. */
export function fragmentReason(config: NginxConfig): string {
  return `${config.path} holds server-level directives but no server block, and no repository file includes it: the server block it belongs to is not visible`;
}

/** "the http block of nginx/nginx.conf", "the stock nginx.conf of the image" — where an inherited value came from. */
export function levelText(l: Level | null): string {
  if (!l) return 'nowhere';
  if (l.unseen) return "the stock nginx.conf (not in the repository)";
  if (l.node) return `${l.kind} block at ${l.node.loc.file}:${l.node.loc.line}`;
  return `top level of ${l.list[0]?.loc.file ?? 'the file'}`;
}
