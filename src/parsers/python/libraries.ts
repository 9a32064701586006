// Settings libraries as the evaluator sees them: django-environ Env objects, python-decouple config / Csv /
// Choices and dj-database-url calls, each turning an environment read into what the library computes.
import {
  type EnvironCast,
  NOTSET,
  castByName,
  decoupleBool,
  decoupleCsv,
  djDatabaseParse,
  environCacheUrl,
  environDbUrl,
  environEmailUrl,
  environGetValue,
  strtobool,
} from './env-libs.js';
import { builtinCall, makePath, valueMethod } from './ops.js';
import { type Py, type PyObj, type Result, type V, err, isConcrete, isList, isSym, isUnk, list, ok, pyEq, pyRepr, pyStr, truthy, unk } from './value.js';

/** Reads one environment variable for a library call (the evaluator's envRead, bound to the running module). */
export interface EnvReader {
  read(nameV: V, deps: V[], compute: (raw: string | undefined, deps: Py[], name: string) => Result, lazyDeps?: boolean): V;
}

/** The argument at position `i` or keyword `name`. */
export function arg(args: V[], kwargs: Map<string, V>, i: number, name: string): V | undefined {
  return kwargs.has(name) ? kwargs.get(name) : args[i];
}


/** A callable usable inside map()/filter() and as a cast: builtins and str methods. */
export function simpleCallable(fnV: V): ((x: Py) => Result) | null {
  if (typeof fnV !== 'object' || fnV === null || isSym(fnV) || fnV.t !== 'ext') return null;
  const name = fnV.name;
  if (name.startsWith('builtins.str.')) {
    const m = name.slice('builtins.str.'.length);
    return (x) => valueMethod(x, m, [], new Map()) ?? err('Unknown', `str.${m} is not evaluated`);
  }
  if (['builtins.str', 'builtins.int', 'builtins.float', 'builtins.bool'].includes(name)) {
    const b = name.slice('builtins.'.length);
    return (x) => builtinCall(b, [x], new Map()) ?? err('Unknown', `${b}() is not evaluated`);
  }
  if (name === 'distutils.util.strtobool') return (x) => strtobool(x);
  return null;
}


/** The cast of a django-environ scheme or call (bool, int, [str], (int,), json.loads...). */
export function environCast(v: V | undefined): EnvironCast | null | 'unsupported' {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || isSym(v) || isUnk(v)) return 'unsupported';
  if (v.t === 'ext') {
    if (v.name === 'json.loads') return { kind: 'type', name: 'json' };
    if (v.name === 'urllib.parse.urlparse') return { kind: 'type', name: 'url' };
    if (v.name.startsWith('builtins.')) return { kind: 'type', name: v.name.slice('builtins.'.length) };
    return 'unsupported';
  }
  if ((v.t === 'list' || v.t === 'tuple') && v.items.length === 1) {
    const inner = v.items[0];
    if (typeof inner === 'object' && inner !== null && !isSym(inner) && inner.t === 'ext' && inner.name.startsWith('builtins.')) {
      return { kind: v.t, inner: inner.name.slice('builtins.'.length) };
    }
  }
  return 'unsupported';
}


/** environ.Env(**scheme): the scheme's casts and defaults apply to later reads. */
export function makeEnviron(kwargs: Map<string, V>): V {
  const scheme = new Map<string, { cast: EnvironCast | null; dflt: V | typeof NOTSET }>();
  for (const [k, spec] of kwargs) {
    if (isList(spec) && spec.t === 'tuple' && spec.items.length === 2) {
      const cast = environCast(spec.items[0]);
      if (cast === 'unsupported') return unk(`environ.Env scheme for ${k} uses a cast the audit does not model`);
      scheme.set(k, { cast, dflt: spec.items[1] });
    } else {
      const cast = environCast(spec);
      if (cast === 'unsupported') return unk(`environ.Env scheme for ${k} uses a cast the audit does not model`);
      scheme.set(k, { cast, dflt: NOTSET });
    }
  }
  return { t: 'obj', cls: 'environ.Env', attrs: { scheme } };
}


/** One django-environ read: scheme defaults, smart cast, then an optional post-processing (db_url_config...). */
export function environRead(reader: EnvReader, env: PyObj, varV: V | undefined, castV: EnvironCast | null | 'unsupported', dfltV: V | undefined, parseDefault: boolean, post?: (v: Py) => Result): V {
  if (castV === 'unsupported') return unk('a django-environ cast the audit does not model');
  if (varV === undefined) return unk('missing variable name');
  const scheme = env.attrs.scheme as Map<string, { cast: EnvironCast | null; dflt: V | typeof NOTSET }>;
  let cast = castV;
  let dflt: V | typeof NOTSET = dfltV === undefined || (typeof dfltV === 'object' && dfltV !== null && !isSym(dfltV) && dfltV.t === 'ext' && dfltV.name === 'environ.Env.NOTSET') ? NOTSET : dfltV;
  if (typeof varV === 'string' && scheme.has(varV)) {
    const sc = scheme.get(varV)!;
    if (sc.dflt !== NOTSET) {
      cast = cast ?? sc.cast;
      if (dflt === NOTSET) dflt = sc.dflt;
    } else cast = cast ?? sc.cast;
  }
  const hasDefault = dflt !== NOTSET;
  return reader.read(varV, hasDefault ? [dflt as V] : [], (raw, ds, name) => {
    const r = environGetValue(name, raw, cast ?? { kind: 'none' }, hasDefault ? ds[0] : NOTSET, parseDefault);
    return r.ok && post ? post(r.v) : r;
  });
}


/** A method of a django-environ Env object (env.bool(), env.db()...); undefined when not modelled. */
export function environMethod(reader: EnvReader, o: PyObj, method: string, args: V[], kwargs: Map<string, V>): V | undefined {
  const v = arg(args, kwargs, 0, 'var');
  switch (method) {
    case 'str':
    case 'bool':
    case 'int':
    case 'float':
    case 'json':
    case 'bytes': {
      const cast: EnvironCast = { kind: 'type', name: method === 'bytes' ? 'str' : method };
      const isStr = method === 'str';
      return environRead(reader, o, v, cast, arg(args, kwargs, 1, 'default'), false, isStr && truthy((kwargs.get('multiline') ?? false) as Py) ? (x) => ok(pyStr(x).replace(/(\\r)?\\n/g, '\n')) : undefined);
    }
    case 'list':
    case 'tuple': {
      const inner = arg(args, kwargs, 1, 'cast');
      const c = inner === undefined || inner === null ? ({ kind: 'type', name: method } as EnvironCast) : environCast(list([inner], method));
      return environRead(reader, o, v, c, arg(args, kwargs, 2, 'default'), false);
    }
    case 'dict':
      return environRead(reader, o, v, { kind: 'type', name: 'dict' }, arg(args, kwargs, 2, 'default'), false);
    case 'url':
      return environRead(reader, o, v, { kind: 'type', name: 'url' }, arg(args, kwargs, 1, 'default'), true);
    case 'path':
      return environRead(reader, o, v, null, arg(args, kwargs, 1, 'default'), false, (x) => makePath([x]));
    case 'db':
    case 'db_url': {
      const engine = arg(args, kwargs, 2, 'engine');
      const eng = typeof engine === 'string' ? engine : null;
      return environRead(reader, o, v ?? 'DATABASE_URL', null, arg(args, kwargs, 1, 'default'), false, (x) => environDbUrl(x, eng));
    }
    case 'cache':
    case 'cache_url': {
      const backend = arg(args, kwargs, 2, 'backend');
      return environRead(reader, o, v ?? 'CACHE_URL', { kind: 'type', name: 'url' }, arg(args, kwargs, 1, 'default'), true, (x) => environCacheUrl(x, typeof backend === 'string' ? backend : null));
    }
    case 'email':
    case 'email_url': {
      const backend = arg(args, kwargs, 2, 'backend');
      return environRead(reader, o, v ?? 'EMAIL_URL', { kind: 'type', name: 'url' }, arg(args, kwargs, 1, 'default'), true, (x) => environEmailUrl(x, typeof backend === 'string' ? backend : null));
    }
    case 'read_env':
      return null;
    default:
      return undefined;
  }
}

/** A python-decouple cast (bool, int, Csv(), Choices(), dj_database_url.parse). */
export function decoupleCast(castV: V | undefined): ((v: Py) => Result) | null {
  if (castV === undefined) return (v) => ok(v);
  if (typeof castV !== 'object' || castV === null || isSym(castV) || isUnk(castV)) return null;
  if (castV.t === 'ext') {
    if (castV.name === 'builtins.bool') return decoupleBool;
    if (['builtins.int', 'builtins.float', 'builtins.str'].includes(castV.name)) {
      const nm = castV.name.slice('builtins.'.length);
      return (v) => castByName(nm, v);
    }
    if (castV.name === 'dj_database_url.parse') {
      return (v) => djDatabaseParse(v, { engine: null, connMaxAge: 0, connHealthChecks: false, disableServerSideCursors: false, sslRequire: false });
    }
    return simpleCallable(castV);
  }
  if (castV.t === 'obj' && castV.cls === 'decouple.Csv') {
    const inner = decoupleCast(castV.attrs.cast as V);
    const delim = castV.attrs.delimiter;
    const strip = castV.attrs.strip;
    const post = castV.attrs.post as V;
    if (!inner || typeof delim !== 'string' || typeof strip !== 'string') return null;
    const tuple = typeof post === 'object' && post !== null && !isSym(post) && post.t === 'ext' && post.name === 'builtins.tuple';
    if (post !== null && !tuple) return null;
    return (v) => decoupleCsv(v, (x) => inner(x), delim, strip, tuple);
  }
  if (castV.t === 'obj' && castV.cls === 'decouple.Choices') {
    const inner = decoupleCast(castV.attrs.cast as V);
    const flat = castV.attrs.flat as V;
    if (!inner || !isList(flat) || !isConcrete(flat)) return null;
    return (v) => {
      const r = inner(v);
      if (!r.ok) return r;
      return flat.items.some((x) => pyEq(x as Py, r.v)) ? r : err('ValueError', `Value not in list: ${pyRepr(r.v)}`);
    };
  }
  return null;
}


/** decouple.config(option, default=, cast=). */
export function decoupleRead(reader: EnvReader, args: V[], kwargs: Map<string, V>): V {
  const option = arg(args, kwargs, 0, 'option') ?? unk('missing option name');
  const dflt = arg(args, kwargs, 1, 'default');
  const cast = decoupleCast(arg(args, kwargs, 2, 'cast'));
  if (!cast) return unk('a decouple cast the audit does not model');
  return reader.read(
    option,
    dflt === undefined ? [] : [dflt],
    (raw, ds, name) => {
      if (raw === undefined && dflt === undefined) return err('UndefinedValueError', `${name} not found. Declare it as envvar or define a default value.`);
      return cast(raw !== undefined ? raw : ds[0]);
    },
    true,
  );
}


/** dj-database-url options after the URL / env name, in signature order. */
export function djOptions(args: V[], kwargs: Map<string, V>, start: number): V[] {
  return [
    arg(args, kwargs, start, 'default') ?? null,
    arg(args, kwargs, start + 1, 'engine') ?? null,
    arg(args, kwargs, start + 2, 'conn_max_age') ?? 0,
    arg(args, kwargs, start + 3, 'conn_health_checks') ?? false,
    arg(args, kwargs, start + 4, 'disable_server_side_cursors') ?? false,
    arg(args, kwargs, start + 5, 'ssl_require') ?? false,
  ];
}

