// What the settings libraries compute from a raw environment string: django-environ, python-decouple,
// dj-database-url and distutils strtobool, written after their source so DEBUG-style traps are exact.
import { type Py, type PyDict, type Result, dict, err, list, ok, parseFloatLike, parseIntLike, pyEq, pyStr, typeName } from './value.js';

/** Marker for "no default given" (django-environ NOTSET, decouple undefined). */
export const NOTSET = Symbol('NOTSET');
export type Default = Py | typeof NOTSET;

// ---------------------------------------------------------------------------------------------------------
// Python's urllib.parse.urlsplit, the parts the URL helpers read. Written by hand because WHATWG URL (node:url)
// splits differently (special schemes, percent handling), and these libraries use Python's rules.

export interface SplitUrl {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  username: string | null;
  password: string | null;
  hostname: string | null;
  port: number | null;
  portError: boolean;
}

export function urlsplit(url: string): SplitUrl {
  let rest = url;
  let scheme = '';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  let netloc = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    rest = end < 0 ? '' : rest.slice(2 + end);
  }
  let fragmentAt = rest.indexOf('#');
  if (fragmentAt >= 0) rest = rest.slice(0, fragmentAt);
  fragmentAt = rest.indexOf('?');
  const path = fragmentAt >= 0 ? rest.slice(0, fragmentAt) : rest;
  const query = fragmentAt >= 0 ? rest.slice(fragmentAt + 1) : '';
  let username: string | null = null;
  let password: string | null = null;
  let hostport = netloc;
  const at = netloc.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = netloc.slice(0, at);
    hostport = netloc.slice(at + 1);
    const colon = userinfo.indexOf(':');
    username = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    password = colon >= 0 ? userinfo.slice(colon + 1) : null;
  }
  let hostname: string | null = hostport;
  let portText: string | null = null;
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    hostname = close >= 0 ? hostport.slice(1, close) : hostport.slice(1);
    const after = close >= 0 ? hostport.slice(close + 1) : '';
    if (after.startsWith(':')) portText = after.slice(1);
  } else {
    const colon = hostport.lastIndexOf(':');
    if (colon >= 0) {
      hostname = hostport.slice(0, colon);
      portText = hostport.slice(colon + 1);
    }
  }
  hostname = hostname ? hostname.toLowerCase() : null;
  let port: number | null = null;
  let portError = false;
  if (portText) {
    if (/^\d+$/.test(portText) && Number(portText) <= 65535) port = Number(portText);
    else portError = true;
  }
  return { scheme, netloc, path, query, username, password, hostname, port, portError };
}

function unquote(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function unquotePlus(s: string): string {
  return unquote(s.replace(/\+/g, ' '));
}

function parseQs(query: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of query.split(/[&;]/)) {
    if (!part) continue;
    const eq = part.indexOf('=');
    // parse_qs drops blank values by default.
    if (eq < 0 || eq === part.length - 1) continue;
    out.push([unquotePlus(part.slice(0, eq)), unquotePlus(part.slice(eq + 1))]);
  }
  return out;
}

/** Python ast.literal_eval for the simple scalars found in query strings; the string itself otherwise. */
function literalCast(v: string): Py {
  const i = parseIntLike(v);
  if (i !== null && !/_/.test(v)) return i;
  const f = parseFloatLike(v);
  if (f !== null && !/^[+-]?(inf|infinity|nan)$/i.test(v.trim())) return f;
  if (v === 'True') return true;
  if (v === 'False') return false;
  if (v === 'None') return null;
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// django-environ (environ.Env)

const ENVIRON_TRUE = ['true', 'on', 'ok', 'y', 'yes', '1'];

/** A django-environ cast: a builtin name ("bool", "int", "list"...), or a list / tuple of one inner cast. */
export type EnvironCast = { kind: 'none' } | { kind: 'type'; name: string } | { kind: 'list'; inner: string } | { kind: 'tuple'; inner: string };

const POSTGRES_FAMILY = ['postgres', 'postgresql', 'psql', 'pgsql', 'postgis', 'prometheus-postgresql', 'prometheus-postgis'];
const DJANGO_POSTGRES = 'django.db.backends.postgresql';
const ENVIRON_DB_SCHEMES: Record<string, string> = {
  postgres: DJANGO_POSTGRES,
  postgresql: DJANGO_POSTGRES,
  psql: DJANGO_POSTGRES,
  pgsql: DJANGO_POSTGRES,
  postgis: 'django.contrib.gis.db.backends.postgis',
  'prometheus-postgresql': 'django_prometheus.db.backends.postgresql',
  'prometheus-postgis': 'django_prometheus.db.backends.postgis',
  cockroachdb: 'django_cockroachdb',
  mysql: 'django.db.backends.mysql',
  mysql2: 'django.db.backends.mysql',
  'mysql-connector': 'mysql.connector.django',
  mysqlgis: 'django.contrib.gis.db.backends.mysql',
  mssql: 'mssql',
  oracle: 'django.db.backends.oracle',
  pyodbc: 'sql_server.pyodbc',
  redshift: 'django_redshift_backend',
  spatialite: 'django.contrib.gis.db.backends.spatialite',
  sqlite: 'django.db.backends.sqlite3',
  ldap: 'ldapdb.backends.ldap',
};
const ENVIRON_DB_BASE_OPTIONS = ['CONN_MAX_AGE', 'ATOMIC_REQUESTS', 'AUTOCOMMIT', 'DISABLE_SERVER_SIDE_CURSORS', 'CONN_HEALTH_CHECKS'];
const REDIS_DRIVER = 'django_redis.cache.RedisCache';
const ENVIRON_CACHE_SCHEMES: Record<string, string> = {
  dbcache: 'django.core.cache.backends.db.DatabaseCache',
  dummycache: 'django.core.cache.backends.dummy.DummyCache',
  filecache: 'django.core.cache.backends.filebased.FileBasedCache',
  locmemcache: 'django.core.cache.backends.locmem.LocMemCache',
  memcache: 'django.core.cache.backends.memcached.MemcachedCache',
  pymemcache: 'django.core.cache.backends.memcached.PyMemcacheCache',
  pylibmc: 'django.core.cache.backends.memcached.PyLibMCCache',
  rediscache: REDIS_DRIVER,
  redis: REDIS_DRIVER,
  rediss: REDIS_DRIVER,
  valkey: REDIS_DRIVER,
  valkeys: REDIS_DRIVER,
};
const ENVIRON_CACHE_BASE_OPTIONS = ['TIMEOUT', 'KEY_PREFIX', 'VERSION', 'KEY_FUNCTION', 'BINARY'];
const ENVIRON_EMAIL_SCHEMES: Record<string, string> = {
  smtp: 'django.core.mail.backends.smtp.EmailBackend',
  smtps: 'django.core.mail.backends.smtp.EmailBackend',
  'smtp+tls': 'django.core.mail.backends.smtp.EmailBackend',
  'smtp+ssl': 'django.core.mail.backends.smtp.EmailBackend',
  consolemail: 'django.core.mail.backends.console.EmailBackend',
  filemail: 'django.core.mail.backends.filebased.EmailBackend',
  memorymail: 'django.core.mail.backends.locmem.EmailBackend',
  dummymail: 'django.core.mail.backends.dummy.EmailBackend',
};

function castScalar(name: string, value: Py): Result {
  switch (name) {
    case 'str':
      return ok(pyStr(value));
    case 'int': {
      if (typeof value === 'number') return ok(Math.trunc(value));
      if (typeof value === 'boolean') return ok(Number(value));
      if (typeof value !== 'string') return err('TypeError', `int() argument must be a string or a number, not '${typeName(value)}'`);
      const i = parseIntLike(value);
      return i === null ? err('ValueError', `invalid literal for int() with base 10: '${value}'`) : ok(i);
    }
    case 'float': {
      if (typeof value === 'number') return ok(value);
      if (typeof value !== 'string') return err('TypeError', `float() argument must be a string or a number`);
      const f = parseFloatLike(value);
      return f === null ? err('ValueError', `could not convert string to float: '${value}'`) : ok(f);
    }
    case 'bool':
      return ok(typeof value === 'string' ? value !== '' : value !== null && value !== false && value !== 0);
    default:
      return err('Unknown', `cast ${name} is not modelled`);
  }
}

/** environ.Env.parse_value. */
export function environParseValue(value: Py, cast: EnvironCast): Result {
  if (cast.kind === 'none') return ok(value);
  if (cast.kind === 'type' && cast.name === 'bool') {
    if (typeof value !== 'string') {
      if (typeof value === 'number' || typeof value === 'boolean') return ok(Number(value) !== 0);
      return err('AttributeError', `'${typeName(value)}' object has no attribute 'lower'`);
    }
    const i = parseIntLike(value);
    if (i !== null) return ok(i !== 0);
    return ok(ENVIRON_TRUE.includes(value.toLowerCase().trim()));
  }
  if (typeof value !== 'string') {
    if (cast.kind === 'type' && ['str', 'int', 'float'].includes(cast.name)) return castScalar(cast.name, value);
    return ok(value);
  }
  if (cast.kind === 'list' || cast.kind === 'tuple') {
    const raw = cast.kind === 'tuple' ? stripChars(stripChars(value, '('), ')').split(',') : value.split(',');
    const items: Py[] = [];
    for (const x of raw.filter((x) => x !== '')) {
      const r = castScalar(cast.inner, x);
      if (!r.ok) return r;
      items.push(r.v);
    }
    return ok(list(items, cast.kind));
  }
  switch (cast.name) {
    case 'list':
      return ok(list(value.split(',').filter((x) => x !== '')));
    case 'tuple':
      return ok(list(stripChars(stripChars(value, '('), ')').split(',').filter((x) => x !== ''), 'tuple'));
    case 'dict': {
      const entries: [Py, Py][] = [];
      for (const part of value.split(',').filter((x) => x !== '')) {
        const eq = part.indexOf('=');
        if (eq < 0) return err('ValueError', 'dictionary update sequence element has length 1; 2 is required');
        entries.push([part.slice(0, eq), part.slice(eq + 1)]);
      }
      return ok(dict(entries));
    }
    case 'float': {
      // django-environ cleans the string and treats the last , or . as the decimal point.
      const cleaned = value.replace(/[^\d,.-]/g, '');
      const parts = cleaned.split(/[,.]/);
      const s = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('')}.${parts[parts.length - 1]}`;
      const f = parseFloatLike(s);
      return f === null ? err('ValueError', `could not convert string to float: '${s}'`) : ok(f);
    }
    case 'json':
      return jsonToPy(value);
    case 'url':
      return ok(value);
    default:
      return castScalar(cast.name, value);
  }
}

function stripChars(s: string, c: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === c) a++;
  while (b > a && s[b - 1] === c) b--;
  return s.slice(a, b);
}

function jsonToPy(text: string): Result {
  try {
    const conv = (x: unknown): Py => {
      if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
      if (Array.isArray(x)) return list(x.map(conv));
      return dict(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, conv(v)]));
    };
    return ok(conv(JSON.parse(text)));
  } catch (e) {
    return err('JSONDecodeError', (e as Error).message);
  }
}

/**
 * environ.Env.get_value: `raw` is the environment value (undefined = unset). Smart casting takes the default's
 * type when no cast is given; a default equal to the value is returned unparsed (so an unset variable yields
 * the default as written, even `default='False'`).
 */
export function environGetValue(varName: string, raw: string | undefined, cast: EnvironCast, dflt: Default, parseDefault = false): Result {
  let value: Py;
  if (raw === undefined) {
    if (dflt === NOTSET) return err('ImproperlyConfigured', `Set the ${varName} environment variable`);
    value = dflt;
  } else {
    value = raw;
  }
  let effective = cast;
  if (effective.kind === 'none' && dflt !== NOTSET && dflt !== null) {
    const t = smartCastOf(dflt);
    if (t) effective = t;
  }
  if (dflt === null && value === '') value = null;
  const isDefault = dflt !== NOTSET && pyEq(value, dflt);
  if (!isDefault || (parseDefault && value !== null)) return environParseValue(value, effective);
  return ok(value);
}

function smartCastOf(d: Py): EnvironCast | null {
  if (typeof d === 'boolean') return { kind: 'type', name: 'bool' };
  if (typeof d === 'number') return { kind: 'type', name: Number.isInteger(d) ? 'int' : 'float' };
  if (typeof d === 'string') return { kind: 'type', name: 'str' };
  if (d && typeof d === 'object') {
    if (d.t === 'list') return { kind: 'type', name: 'list' };
    if (d.t === 'tuple') return { kind: 'type', name: 'tuple' };
    if (d.t === 'dict') return { kind: 'type', name: 'dict' };
  }
  return null;
}

/** environ.Env.db_url_config. */
export function environDbUrl(url: Py, engine: string | null = null): Result {
  if (typeof url !== 'string') return url && typeof url === 'object' && url.t === 'dict' ? ok(url) : err('TypeError', 'database URL is not a string');
  if (url === 'sqlite://:memory:') return ok(dict([['ENGINE', ENVIRON_DB_SCHEMES.sqlite], ['NAME', ':memory:']]));
  const u = urlsplit(url);
  let path = unquotePlus(u.path.slice(1).split('?')[0]);
  if (u.scheme === 'sqlite' && path === '') path = ':memory:';
  if (u.portError) return err('ValueError', `Port could not be cast to integer value in ${JSON.stringify(url)}`);
  const entries: [Py, Py][] = [
    ['NAME', path || ''],
    ['USER', u.username ? unquote(u.username) : ''],
    ['PASSWORD', u.password ? unquote(u.password) : ''],
    ['HOST', u.hostname ?? ''],
    ['PORT', u.port ?? ''],
  ];
  const cfg = dict(entries);
  const set = (k: string, v: Py) => {
    const i = cfg.keys.indexOf(k);
    if (i >= 0) cfg.vals[i] = v;
    else {
      cfg.keys.push(k);
      cfg.vals.push(v);
      cfg.locs.push(null);
    }
  };
  if ((POSTGRES_FAMILY.includes(u.scheme) && path.startsWith('/')) || (path.includes('cloudsql') && path.startsWith('/'))) {
    const slash = path.lastIndexOf('/');
    set('HOST', path.slice(0, slash));
    set('NAME', path.slice(slash + 1));
  }
  if (u.query) {
    const options: [Py, Py][] = [];
    for (const [k, v] of parseQs(u.query)) {
      if (ENVIRON_DB_BASE_OPTIONS.includes(k.toUpperCase())) set(k.toUpperCase(), literalCast(v));
      else options.push([k, /^\d+$/.test(v) ? Number(v) : v]);
    }
    set('OPTIONS', dict(options));
  }
  const eng = engine ?? u.scheme;
  set('ENGINE', ENVIRON_DB_SCHEMES[eng] ?? eng);
  if (!eng) return ok(dict([]));
  return ok(cfg);
}

/** environ.Env.cache_url_config. */
export function environCacheUrl(url: Py, backend: string | null = null): Result {
  if (typeof url !== 'string') return url && typeof url === 'object' && url.t === 'dict' ? ok(url) : err('TypeError', 'cache URL is not a string');
  if (!url) return ok(dict([]));
  const u = urlsplit(url);
  if (!(u.scheme in ENVIRON_CACHE_SCHEMES)) return err('ImproperlyConfigured', `Invalid cache schema ${u.scheme}`);
  const locations = u.netloc.split(',');
  const cfg = dict([
    ['BACKEND', ENVIRON_CACHE_SCHEMES[u.scheme]],
    ['LOCATION', locations.length === 1 ? locations[0] : list(locations)],
  ]);
  const set = (k: string, v: Py) => {
    const i = cfg.keys.indexOf(k);
    if (i >= 0) cfg.vals[i] = v;
    else {
      cfg.keys.push(k);
      cfg.vals.push(v);
      cfg.locs.push(null);
    }
  };
  if (u.scheme === 'filecache') set('LOCATION', u.netloc + u.path);
  if (!u.netloc && (u.scheme === 'memcache' || u.scheme === 'pymemcache')) set('LOCATION', `unix:${u.path}`);
  else if (u.scheme.startsWith('redis')) {
    const scheme = u.hostname ? u.scheme.replace('cache', '') : 'unix';
    const locs = u.netloc.split(',').map((l) => `${scheme}://${l}${u.path}`);
    set('LOCATION', locs.length === 1 ? locs[0] : list(locs));
  }
  if (backend) set('BACKEND', backend);
  const q = u.query ? parseQs(u.query) : [];
  if (q.length) {
    const lower = (cfg.vals[0] as string) === 'django.core.cache.backends.redis.RedisCache';
    const options: [Py, Py][] = [];
    for (const [k, v] of q) {
      const key = lower ? k.toLowerCase() : k.toUpperCase();
      if (ENVIRON_CACHE_BASE_OPTIONS.includes(k.toUpperCase())) set(key, literalCast(v));
      else options.push([key, literalCast(v)]);
    }
    set('OPTIONS', dict(options));
  }
  return ok(cfg);
}

/** environ.Env.email_url_config. */
export function environEmailUrl(url: Py, backend: string | null = null): Result {
  if (typeof url !== 'string') return err('TypeError', 'email URL is not a string');
  const u = urlsplit(url);
  const entries: [Py, Py][] = [
    ['EMAIL_FILE_PATH', unquotePlus(u.path.slice(1).split('?')[0])],
    ['EMAIL_HOST_USER', u.username === null ? null : unquote(u.username)],
    ['EMAIL_HOST_PASSWORD', u.password === null ? null : unquote(u.password)],
    ['EMAIL_HOST', u.hostname],
    ['EMAIL_PORT', u.port],
  ];
  if (backend) entries.push(['EMAIL_BACKEND', backend]);
  else if (!(u.scheme in ENVIRON_EMAIL_SCHEMES)) return err('ImproperlyConfigured', `Invalid email schema ${u.scheme}`);
  else entries.push(['EMAIL_BACKEND', ENVIRON_EMAIL_SCHEMES[u.scheme]]);
  if (u.scheme === 'smtps' || u.scheme === 'smtp+tls') entries.push(['EMAIL_USE_TLS', true]);
  else if (u.scheme === 'smtp+ssl') entries.push(['EMAIL_USE_SSL', true]);
  return ok(dict(entries));
}

// ---------------------------------------------------------------------------------------------------------
// python-decouple

const DECOUPLE_BOOLEANS: Record<string, boolean> = {
  '1': true,
  yes: true,
  true: true,
  on: true,
  '0': false,
  no: false,
  false: false,
  off: false,
  '': false,
};

/** decouple's cast=bool: booleans pass, None is False, strings must be one of its words (else ValueError). */
export function decoupleBool(value: Py): Result {
  if (typeof value === 'boolean') return ok(value);
  if (value === null) return ok(false);
  const s = pyStr(value).toLowerCase();
  if (!(s in DECOUPLE_BOOLEANS)) return err('ValueError', `Not a boolean: ${pyStr(value)}`);
  return ok(DECOUPLE_BOOLEANS[s]);
}

/**
 * decouple.Csv()(value): shlex-split on the delimiter characters (empty tokens vanish, quotes group),
 * each token stripped and cast.
 */
export function decoupleCsv(value: Py, cast: (s: string) => Result, delimiter = ',', strip = ' \t\n\r\x0b\x0c', postTuple = false): Result {
  const s = pyStr(value);
  const tokens: string[] = [];
  let cur = '';
  let inToken = false;
  let quote: string | null = null;
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inToken = true;
      continue;
    }
    if (delimiter.includes(ch)) {
      if (inToken) tokens.push(cur);
      cur = '';
      inToken = false;
      continue;
    }
    cur += ch;
    inToken = true;
  }
  if (quote) return err('ValueError', 'No closing quotation');
  if (inToken) tokens.push(cur);
  const items: Py[] = [];
  for (const t of tokens) {
    let a = 0;
    let b = t.length;
    while (a < b && strip.includes(t[a])) a++;
    while (b > a && strip.includes(t[b - 1])) b--;
    const r = cast(t.slice(a, b));
    if (!r.ok) return r;
    items.push(r.v);
  }
  return ok(list(items, postTuple ? 'tuple' : 'list'));
}

// ---------------------------------------------------------------------------------------------------------
// dj-database-url

const DJDB_SCHEMES: Record<string, string> = {
  postgres: DJANGO_POSTGRES,
  postgresql: DJANGO_POSTGRES,
  pgsql: DJANGO_POSTGRES,
  postgis: 'django.contrib.gis.db.backends.postgis',
  mysql: 'django.db.backends.mysql',
  mysql2: 'django.db.backends.mysql',
  mysqlgis: 'django.contrib.gis.db.backends.mysql',
  'mysql-connector': 'mysql.connector.django',
  mssql: 'sql_server.pyodbc',
  mssqlms: 'mssql',
  spatialite: 'django.contrib.gis.db.backends.spatialite',
  sqlite: 'django.db.backends.sqlite3',
  oracle: 'django.db.backends.oracle',
  oraclegis: 'django.contrib.gis.db.backends.oracle',
  redshift: 'django_redshift_backend',
  cockroach: 'django_cockroachdb',
  timescale: 'timescale.db.backends.postgresql',
  timescalegis: 'timescale.db.backends.postgis',
};

export interface DjDatabaseOptions {
  engine: string | null;
  connMaxAge: Py;
  connHealthChecks: Py;
  disableServerSideCursors: Py;
  sslRequire: boolean;
}

/** dj_database_url.parse. */
export function djDatabaseParse(url: Py, o: DjDatabaseOptions): Result {
  if (typeof url !== 'string') return err('TypeError', 'database URL is not a string');
  if (url === 'sqlite://:memory:') return ok(dict([['ENGINE', DJDB_SCHEMES.sqlite], ['NAME', ':memory:']]));
  const u = urlsplit(url);
  let path = u.path.slice(1);
  if (u.scheme === 'sqlite' && path === '') path = ':memory:';
  const engine = o.engine ?? DJDB_SCHEMES[u.scheme];
  if (!engine) return err('ValueError', `No support for '${u.scheme}'.`);
  if (u.portError) return err('ValueError', `Port could not be cast to integer value`);
  const port = u.port !== null && ['django.db.backends.oracle', 'sql_server.pyodbc', 'mssql'].includes(engine) ? String(u.port) : u.port;
  const entries: [Py, Py][] = [
    ['NAME', unquote(path || '')],
    ['USER', unquote(u.username ?? '')],
    ['PASSWORD', unquote(u.password ?? '')],
    ['HOST', u.hostname ?? ''],
    ['PORT', port ?? ''],
    ['CONN_MAX_AGE', o.connMaxAge],
    ['CONN_HEALTH_CHECKS', o.connHealthChecks],
    ['DISABLE_SERVER_SIDE_CURSORS', o.disableServerSideCursors],
    ['ENGINE', engine],
  ];
  const options: [Py, Py][] = [];
  for (const [k, v] of parseQs(u.query)) {
    if (/^\d+$/.test(v)) options.push([k, Number(v)]);
    else if (v.toLowerCase() === 'true' || v.toLowerCase() === 'false') options.push([k, v.toLowerCase() === 'true']);
    else options.push([k, v]);
  }
  if (o.sslRequire) options.push(['sslmode', 'require']);
  if (options.length) entries.push(['OPTIONS', dict(options)]);
  return ok(dict(entries));
}

/** dj_database_url.config: the URL from the environment (or the default); {} when neither. */
export function djDatabaseConfig(raw: string | undefined, dflt: Py, o: DjDatabaseOptions): Result {
  const s = raw !== undefined ? raw : dflt;
  if (s === null || s === '' || s === false) return ok(dict([]));
  return djDatabaseParse(s, o);
}

// ---------------------------------------------------------------------------------------------------------

/** distutils.util.strtobool (also str2bool-style helpers): 1/0, ValueError for other words. */
export function strtobool(value: Py): Result {
  const s = pyStr(value).toLowerCase();
  if (['y', 'yes', 't', 'true', 'on', '1'].includes(s)) return ok(1);
  if (['n', 'no', 'f', 'false', 'off', '0'].includes(s)) return ok(0);
  return err('ValueError', `invalid truth value ${JSON.stringify(s)}`);
}

/** Reads a scalar as a decouple/environ-style bool cast given as a builtin name. */
export function castByName(name: string, value: Py): Result {
  return castScalar(name, value);
}

export type { PyDict };
