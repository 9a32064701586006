// Python semantics on concrete values: operators, comparisons, and str / list / dict / path / os.path methods.
import {
  type Py,
  type PyDict,
  type PyList,
  type PyPath,
  type Result,
  type V,
  dict,
  dictIndex,
  err,
  list,
  ok,
  parseFloatLike,
  parseIntLike,
  pyEq,
  pyRepr,
  pyStr,
  truthy,
  typeName,
} from './value.js';

const num = (v: Py): number | null => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null);
const isPath = (v: Py): v is PyPath => typeof v === 'object' && v !== null && v.t === 'path';
const isSeq = (v: Py): v is PyList => typeof v === 'object' && v !== null && (v.t === 'list' || v.t === 'tuple' || v.t === 'set');
const isDictV = (v: Py): v is PyDict => typeof v === 'object' && v !== null && v.t === 'dict';

function unsupported(op: string, a: Py, b?: Py): Result {
  return err('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}'${b !== undefined ? ` and '${typeName(b)}'` : ''}`);
}

// ---------------------------------------------------------------------------------------------------------
// paths (posixpath semantics)

/** posixpath.normpath. */
export function normpath(p: string): string {
  if (p === '') return '.';
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (abs ? '/' : '') + out.join('/');
  return s || (abs ? '/' : '.');
}

/** posixpath.join. */
export function joinPath(a: string, ...rest: string[]): string {
  let path = a;
  for (const b of rest) {
    if (b.startsWith('/')) path = b;
    else if (path === '' || path.endsWith('/')) path += b;
    else path += `/${b}`;
  }
  return path;
}

/** posixpath.dirname. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return head;
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** pathlib's parent of a normalised path. */
export function pathParent(p: string): string {
  const n = normpath(p);
  if (n === '/' || n === '.') return n;
  const d = dirname(n);
  return d === '' ? '.' : d;
}

function pathStr(v: Py): string | null {
  if (typeof v === 'string') return v;
  if (isPath(v)) return v.p;
  return null;
}

/** pathlib.Path(*parts). */
export function makePath(parts: Py[]): Result {
  const strs: string[] = [];
  for (const p of parts) {
    const s = pathStr(p);
    if (s === null) return err('TypeError', `expected str, bytes or os.PathLike object, not ${typeName(p)}`);
    strs.push(s);
  }
  if (strs.length === 0) return ok({ t: 'path', p: '.' });
  const joined = joinPath(strs[0], ...strs.slice(1));
  // pathlib collapses "a//b" and "a/./b" but keeps "..".
  const clean = joined.replace(/\/+/g, '/').replace(/(^|\/)\.(?=\/|$)/g, '$1').replace(/\/+$/, '') || (joined.startsWith('/') ? '/' : '.');
  return ok({ t: 'path', p: clean.replace(/\/\/+/g, '/') || '.' });
}

/** Path attribute reads (parent, name, stem, suffix). */
export function pathAttr(p: PyPath, name: string): Result | null {
  switch (name) {
    case 'parent':
      return ok({ t: 'path', p: lexicalParent(p.p) });
    case 'name':
      return ok(basename(p.p));
    case 'stem': {
      const b = basename(p.p);
      const i = b.lastIndexOf('.');
      return ok(i > 0 ? b.slice(0, i) : b);
    }
    case 'suffix': {
      const b = basename(p.p);
      const i = b.lastIndexOf('.');
      return ok(i > 0 ? b.slice(i) : '');
    }
    case 'parents': {
      const out: Py[] = [];
      let cur = p.p;
      for (let i = 0; i < 64; i++) {
        const par = lexicalParent(cur);
        if (par === cur) break;
        out.push({ t: 'path', p: par });
        cur = par;
      }
      return ok(list(out, 'tuple'));
    }
    default:
      return null;
  }
}

/** pathlib's lexical parent ("a/b/.." -> "a/b"; resolve() is what removes ".."). */
function lexicalParent(p: string): string {
  if (p === '/' || p === '.') return p;
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

/** Path methods that need no filesystem. */
export function pathMethod(p: PyPath, name: string, args: Py[]): Result | null {
  switch (name) {
    case 'resolve':
    case 'absolute':
    case 'expanduser':
      if (!p.p.startsWith('/')) return err('Unknown', 'a relative path depends on the working directory');
      return ok({ t: 'path', p: normpath(p.p) });
    case 'joinpath':
      return makePath([p, ...args]);
    case 'as_posix':
    case '__str__':
    case '__fspath__':
      return ok(p.p);
    case 'with_name':
      return typeof args[0] === 'string' ? ok({ t: 'path', p: joinPath(lexicalParent(p.p), args[0]) }) : null;
    case 'with_suffix': {
      if (typeof args[0] !== 'string') return null;
      const b = basename(p.p);
      const i = b.lastIndexOf('.');
      const stem = i > 0 ? b.slice(0, i) : b;
      return ok({ t: 'path', p: joinPath(lexicalParent(p.p), stem + args[0]) });
    }
    default:
      return null;
  }
}

/** os.path.* functions that need no filesystem. */
export function osPath(fn: string, args: Py[]): Result | null {
  const strs = args.map(pathStr);
  if (strs.some((s) => s === null)) return err('TypeError', `expected str, bytes or os.PathLike object`);
  const s = strs as string[];
  switch (fn) {
    case 'join':
      return s.length ? ok(joinPath(s[0], ...s.slice(1))) : null;
    case 'dirname':
      return ok(dirname(s[0]));
    case 'basename':
      return ok(basename(s[0]));
    case 'normpath':
      return ok(normpath(s[0]));
    case 'abspath':
    case 'realpath':
      if (!s[0].startsWith('/')) return err('Unknown', 'a relative path depends on the working directory');
      return ok(normpath(s[0]));
    case 'splitext': {
      const b = basename(s[0]);
      const i = b.lastIndexOf('.');
      if (i <= 0) return ok(list([s[0], ''], 'tuple'));
      const cut = s[0].length - (b.length - i);
      return ok(list([s[0].slice(0, cut), s[0].slice(cut)], 'tuple'));
    }
    case 'split':
      return ok(list([dirname(s[0]), basename(s[0])], 'tuple'));
    case 'isabs':
      return ok(s[0].startsWith('/'));
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// operators

/** A binary operator on concrete values. */
export function binaryOp(op: string, a: Py, b: Py): Result {
  const na = num(a);
  const nb = num(b);
  switch (op) {
    case '+':
      if (na !== null && nb !== null) return ok(na + nb);
      if (typeof a === 'string' && typeof b === 'string') return ok(a + b);
      if (isSeq(a) && isSeq(b) && a.t === b.t && a.t !== 'set') return ok(list([...a.items, ...b.items], a.t, [...a.locs, ...b.locs]));
      return unsupported('+', a, b);
    case '-':
      if (na !== null && nb !== null) return ok(na - nb);
      if (isSeq(a) && isSeq(b) && a.t === 'set' && b.t === 'set') return ok(list(a.items.filter((x) => !b.items.some((y) => pyEq(x as Py, y as Py))), 'set'));
      // environ.Path(__file__) - 3 climbs three directories.
      if (isPath(a) && typeof b === 'number') {
        let p = a.p;
        for (let i = 0; i < b; i++) p = pathParent(p);
        return ok({ t: 'path', p });
      }
      return unsupported('-', a, b);
    case '*':
      if (na !== null && nb !== null) return ok(na * nb);
      if (typeof a === 'string' && nb !== null) return ok(a.repeat(Math.max(0, nb)));
      if (isSeq(a) && nb !== null && a.t !== 'set') {
        const items: V[] = [];
        for (let i = 0; i < nb; i++) items.push(...a.items);
        return ok(list(items, a.t));
      }
      return unsupported('*', a, b);
    case '/':
      if (na !== null && nb !== null) return nb === 0 ? err('ZeroDivisionError', 'division by zero') : ok(na / nb);
      if (isPath(a) && pathStr(b) !== null) return makePath([a, b]);
      if (typeof a === 'string' && isPath(b)) return makePath([a, b]);
      return unsupported('/', a, b);
    case '//':
      if (na !== null && nb !== null) return nb === 0 ? err('ZeroDivisionError', 'integer division or modulo by zero') : ok(Math.floor(na / nb));
      return unsupported('//', a, b);
    case '%':
      if (na !== null && nb !== null) return nb === 0 ? err('ZeroDivisionError', 'modulo by zero') : ok(((na % nb) + nb) % nb);
      if (typeof a === 'string') return percentFormat(a, b);
      return unsupported('%', a, b);
    case '**':
      if (na !== null && nb !== null) return ok(na ** nb);
      return unsupported('**', a, b);
    case '|':
      if (typeof a === 'boolean' && typeof b === 'boolean') return ok(a || b);
      if (na !== null && nb !== null) return ok(na | nb);
      if (isDictV(a) && isDictV(b)) return ok(mergeDicts(a, b));
      if (isSeq(a) && isSeq(b) && a.t === 'set' && b.t === 'set') return ok(list([...a.items, ...b.items.filter((y) => !a.items.some((x) => pyEq(x as Py, y as Py)))], 'set'));
      return unsupported('|', a, b);
    case '&':
      if (typeof a === 'boolean' && typeof b === 'boolean') return ok(a && b);
      if (na !== null && nb !== null) return ok(na & nb);
      return unsupported('&', a, b);
    case '^':
      if (na !== null && nb !== null) return ok(na ^ nb);
      return unsupported('^', a, b);
    case '<<':
      if (na !== null && nb !== null) return ok(na * 2 ** nb);
      return unsupported('<<', a, b);
    case '>>':
      if (na !== null && nb !== null) return ok(Math.floor(na / 2 ** nb));
      return unsupported('>>', a, b);
    default:
      return err('Unknown', `operator ${op} is not modelled`);
  }
}

/** dict | dict, keeping the first dict's order and locations. */
export function mergeDicts(a: PyDict, b: PyDict): PyDict {
  const out = dict(a.keys.map((k, i) => [k, a.vals[i]]), [...a.locs]);
  b.keys.forEach((k, i) => {
    const j = dictIndex(out, k);
    if (j >= 0) {
      out.vals[j] = b.vals[i];
      out.locs[j] = b.locs[i] ?? out.locs[j];
    } else {
      out.keys.push(k);
      out.vals.push(b.vals[i]);
      out.locs.push(b.locs[i]);
    }
  });
  return out;
}

/** One comparison operator on concrete values. */
export function compareOp(op: string, a: Py, b: Py): Result {
  switch (op) {
    case '==':
      return ok(pyEq(a, b));
    case '!=':
    case '<>':
      return ok(!pyEq(a, b));
    case 'is':
      return ok(a === b || (a !== null && typeof a === 'object' && pyEq(a, b) && a.t === 'ext'));
    case 'is not':
      return ok(!(a === b || (a !== null && typeof a === 'object' && pyEq(a, b) && a.t === 'ext')));
    case 'in':
    case 'not in': {
      const r = contains(b, a);
      if (!r.ok) return r;
      return ok(op === 'in' ? r.v : !r.v);
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const na = num(a);
      const nb = num(b);
      let c: number;
      if (na !== null && nb !== null) c = na - nb;
      else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
      else if (isSeq(a) && isSeq(b) && a.t === 'tuple' && b.t === 'tuple') {
        c = 0;
        for (let i = 0; i < Math.min(a.items.length, b.items.length) && c === 0; i++) {
          const r = compareOp('<', a.items[i] as Py, b.items[i] as Py);
          const r2 = compareOp('>', a.items[i] as Py, b.items[i] as Py);
          if (!r.ok || !r2.ok) return r.ok ? r2 : r;
          c = r.v ? -1 : r2.v ? 1 : 0;
        }
        if (c === 0) c = a.items.length - b.items.length;
      } else return err('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
      return ok(op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0);
    }
    default:
      return err('Unknown', `comparison ${op} is not modelled`);
  }
}

/** `item in container`. */
export function contains(container: Py, item: Py): Result {
  if (typeof container === 'string') {
    if (typeof item !== 'string') return err('TypeError', "'in <string>' requires string as left operand");
    return ok(container.includes(item));
  }
  if (isSeq(container)) return ok(container.items.some((x) => pyEq(x as Py, item)));
  if (isDictV(container)) return ok(dictIndex(container, item) >= 0);
  return err('TypeError', `argument of type '${typeName(container)}' is not iterable`);
}

/** Items of an iterable (str chars, dict keys). */
export function iterate(v: Py): V[] | null {
  if (typeof v === 'string') return [...v];
  if (isSeq(v)) return v.items;
  if (isDictV(v)) return v.keys;
  return null;
}

/** x[key] on concrete values. */
export function getItem(container: Py, key: Py): Result {
  if (isDictV(container)) {
    const i = dictIndex(container, key);
    if (i < 0) return err('KeyError', pyRepr(key));
    return ok(container.vals[i] as Py);
  }
  const n = num(key);
  if (typeof container === 'string') {
    if (n === null) return err('TypeError', 'string indices must be integers');
    const i = n < 0 ? container.length + n : n;
    if (i < 0 || i >= container.length) return err('IndexError', 'string index out of range');
    return ok(container[i]);
  }
  if (isSeq(container) && container.t !== 'set') {
    if (n === null) return err('TypeError', 'list indices must be integers or slices');
    const i = n < 0 ? container.items.length + n : n;
    if (i < 0 || i >= container.items.length) return err('IndexError', `${container.t} index out of range`);
    return ok(container.items[i] as Py);
  }
  return err('TypeError', `'${typeName(container)}' object is not subscriptable`);
}

/** x[a:b:c] on strings and sequences. */
export function sliceOf(container: Py, start: Py, stop: Py, step: Py): Result {
  const len = typeof container === 'string' ? container.length : isSeq(container) ? container.items.length : -1;
  if (len < 0) return err('TypeError', `'${typeName(container)}' object is not subscriptable`);
  const st = step === null ? 1 : num(step);
  if (st !== 1) return err('Unknown', 'slices with a step are not modelled');
  const norm = (x: Py, d: number): number => {
    if (x === null) return d;
    const n = num(x) ?? d;
    return n < 0 ? Math.max(0, len + n) : Math.min(len, n);
  };
  const a = norm(start, 0);
  const b = norm(stop, len);
  if (typeof container === 'string') return ok(container.slice(a, b));
  const c = container as PyList;
  return ok(list(c.items.slice(a, b), c.t, c.locs.slice(a, b)));
}

// ---------------------------------------------------------------------------------------------------------
// methods

function stripSet(s: string, chars: Py, left: boolean, right: boolean): string {
  const set = chars === null || chars === undefined ? ' \t\n\r\x0b\x0c' : pyStr(chars);
  let a = 0;
  let b = s.length;
  if (left) while (a < b && set.includes(s[a])) a++;
  if (right) while (b > a && set.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function splitStr(s: string, sep: Py, maxsplit: number, fromRight: boolean): Result {
  if (sep === null || sep === undefined) {
    const parts = s.trim().split(/\s+/).filter((x) => x !== '');
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      // Rare in settings; joining back loses the exact whitespace, which is acceptable here.
      return fromRight
        ? ok(list([parts.slice(0, parts.length - maxsplit).join(' '), ...parts.slice(parts.length - maxsplit)]))
        : ok(list([...parts.slice(0, maxsplit), parts.slice(maxsplit).join(' ')]));
    }
    return ok(list(parts));
  }
  if (typeof sep !== 'string') return err('TypeError', 'must be str or None');
  if (sep === '') return err('ValueError', 'empty separator');
  const all = s.split(sep);
  if (maxsplit < 0 || all.length <= maxsplit + 1) return ok(list(all));
  return fromRight
    ? ok(list([all.slice(0, all.length - maxsplit).join(sep), ...all.slice(all.length - maxsplit)]))
    : ok(list([...all.slice(0, maxsplit), all.slice(maxsplit).join(sep)]));
}

/** str.format with positional and keyword fields (no format specs beyond plain fields). */
export function strFormat(fmt: string, args: Py[], kwargs: Map<string, Py>): Result {
  let auto = 0;
  let bad: string | null = null;
  const out = fmt.replace(/\{\{|\}\}|\{([^{}!:]*)(![rsa])?(:[^{}]*)?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    if (spec) bad = `format spec ${spec} is not modelled`;
    let v: Py | undefined;
    const f = field ?? '';
    if (f === '') v = args[auto++];
    else if (/^\d+$/.test(f)) v = args[Number(f)];
    else v = kwargs.get(f);
    if (v === undefined) {
      bad = `format field {${f}} has no value`;
      return '';
    }
    return conv === '!r' ? pyRepr(v) : pyStr(v);
  });
  return bad ? err('Unknown', bad) : ok(out);
}

function percentFormat(fmt: string, arg: Py): Result {
  const args: Py[] = isSeq(arg) && arg.t === 'tuple' ? (arg.items as Py[]) : [arg];
  let i = 0;
  let bad: Result | null = null;
  const out = fmt.replace(/%(\(([^)]*)\))?([-+ #0]*\d*(?:\.\d+)?)([sdirfx%])/g, (_m, _k, key: string | undefined, _flags: string, conv: string) => {
    if (conv === '%') return '%';
    let v: Py | undefined;
    if (key !== undefined) {
      if (!isDictV(arg)) {
        bad = err('TypeError', 'format requires a mapping');
        return '';
      }
      const j = dictIndex(arg, key);
      v = j >= 0 ? (arg.vals[j] as Py) : undefined;
    } else v = args[i++];
    if (v === undefined) {
      bad = err('TypeError', 'not enough arguments for format string');
      return '';
    }
    if (conv === 'r') return pyRepr(v);
    if (conv === 'd' || conv === 'i') return String(Math.trunc(num(v) ?? NaN));
    if (conv === 'f') return (num(v) ?? NaN).toFixed(6);
    if (conv === 'x') return (num(v) ?? NaN).toString(16);
    return pyStr(v);
  });
  return bad ?? ok(out);
}

/** Non-mutating methods of str, list, tuple, dict, set on concrete values; null when not modelled. */
export function valueMethod(self: Py, name: string, args: Py[], kwargs: Map<string, Py>): Result | null {
  if (typeof self === 'string') {
    const s = self;
    switch (name) {
      case 'split':
      case 'rsplit': {
        const sep = kwargs.has('sep') ? kwargs.get('sep')! : args.length > 0 ? args[0] : null;
        const max = num(kwargs.get('maxsplit') ?? args[1] ?? -1) ?? -1;
        return splitStr(s, sep, max, name === 'rsplit');
      }
      case 'strip':
        return ok(stripSet(s, args[0] ?? null, true, true));
      case 'lstrip':
        return ok(stripSet(s, args[0] ?? null, true, false));
      case 'rstrip':
        return ok(stripSet(s, args[0] ?? null, false, true));
      case 'lower':
      case 'casefold':
        return ok(s.toLowerCase());
      case 'upper':
        return ok(s.toUpperCase());
      case 'title':
        return ok(s.toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase()));
      case 'capitalize':
        return ok(s.charAt(0).toUpperCase() + s.slice(1).toLowerCase());
      case 'replace': {
        if (typeof args[0] !== 'string' || typeof args[1] !== 'string') return null;
        const count = num(args[2] ?? -1) ?? -1;
        if (count < 0) return ok(s.split(args[0]).join(args[1]));
        let out = s;
        let from = 0;
        for (let i = 0; i < count; i++) {
          const at = out.indexOf(args[0], from);
          if (at < 0) break;
          out = out.slice(0, at) + args[1] + out.slice(at + args[0].length);
          from = at + args[1].length;
        }
        return ok(out);
      }
      case 'startswith':
      case 'endswith': {
        const pre = args[0];
        const opts = typeof pre === 'string' ? [pre] : isSeq(pre) ? pre.items.filter((x): x is string => typeof x === 'string') : null;
        if (!opts) return null;
        return ok(opts.some((o) => (name === 'startswith' ? s.startsWith(o) : s.endsWith(o))));
      }
      case 'join': {
        const items = args[0] !== undefined ? iterate(args[0]) : null;
        if (!items) return null;
        if (!items.every((x) => typeof x === 'string')) return err('TypeError', 'sequence item: expected str instance');
        return ok((items as string[]).join(s));
      }
      case 'format':
        return strFormat(s, args, kwargs);
      case 'isdigit':
      case 'isnumeric':
      case 'isdecimal':
        return ok(s.length > 0 && /^\d+$/.test(s));
      case 'isalpha':
        return ok(s.length > 0 && /^[a-zA-Z]+$/.test(s));
      case 'removeprefix':
        return typeof args[0] === 'string' ? ok(s.startsWith(args[0]) ? s.slice(args[0].length) : s) : null;
      case 'removesuffix':
        return typeof args[0] === 'string' ? ok(args[0] && s.endsWith(args[0]) ? s.slice(0, -args[0].length) : s) : null;
      case 'splitlines':
        return ok(list(s.split(/\r?\n/).filter((_x, i, a) => i < a.length - 1 || a[i] !== '')));
      case 'count':
        return typeof args[0] === 'string' && args[0] ? ok(s.split(args[0]).length - 1) : null;
      case 'find':
        return typeof args[0] === 'string' ? ok(s.indexOf(args[0])) : null;
      case 'zfill': {
        const w = num(args[0] ?? 0) ?? 0;
        return ok(s.padStart(w, '0'));
      }
      case 'encode':
        return ok(s);
      case 'decode':
        return ok(s);
      default:
        return null;
    }
  }
  if (isSeq(self)) {
    switch (name) {
      case 'index': {
        const i = self.items.findIndex((x) => pyEq(x as Py, args[0]));
        return i < 0 ? err('ValueError', `${pyRepr(args[0])} is not in list`) : ok(i);
      }
      case 'count':
        return ok(self.items.filter((x) => pyEq(x as Py, args[0])).length);
      case 'copy':
        return ok(list([...self.items], self.t, [...self.locs]));
      case 'union':
        return args[0] !== undefined ? binaryOp('|', self, { ...list(iterate(args[0]) ?? [], 'set') }) : null;
      default:
        return null;
    }
  }
  if (isDictV(self)) {
    switch (name) {
      case 'get': {
        const i = dictIndex(self, args[0]);
        return ok(i >= 0 ? (self.vals[i] as Py) : (args[1] ?? null));
      }
      case 'keys':
        return ok(list([...self.keys]));
      case 'values':
        return ok(list([...self.vals]));
      case 'items':
        return ok(list(self.keys.map((k, i) => list([k, self.vals[i]], 'tuple'))));
      case 'copy':
        return ok(dict(self.keys.map((k, i) => [k, self.vals[i]]), [...self.locs]));
      default:
        return null;
    }
  }
  return null;
}

/** Mutating list / dict / set methods on a concrete container: the new container and the call's return value. */
export function mutateConcrete(self: Py, name: string, args: Py[], kwargs: Map<string, Py>): { self: Py; ret: Py } | Result | null {
  if (isSeq(self) && self.t !== 'tuple') {
    const items = [...self.items];
    const locs = [...self.locs];
    switch (name) {
      case 'append':
      case 'add':
        if (self.t === 'set' && items.some((x) => pyEq(x as Py, args[0]))) return { self, ret: null };
        items.push(args[0]);
        locs.push(null);
        return { self: list(items, self.t, locs), ret: null };
      case 'extend':
      case 'update': {
        const more = args[0] !== undefined ? iterate(args[0]) : null;
        if (!more) return null;
        for (const m of more) {
          if (self.t === 'set' && items.some((x) => pyEq(x as Py, m as Py))) continue;
          items.push(m);
          locs.push(null);
        }
        return { self: list(items, self.t, locs), ret: null };
      }
      case 'insert': {
        const n = num(args[0]);
        if (n === null) return null;
        const at = n < 0 ? Math.max(0, items.length + n) : Math.min(items.length, n);
        items.splice(at, 0, args[1]);
        locs.splice(at, 0, null);
        return { self: list(items, self.t, locs), ret: null };
      }
      case 'remove':
      case 'discard': {
        const i = items.findIndex((x) => pyEq(x as Py, args[0]));
        if (i < 0) return name === 'discard' ? { self, ret: null } : err('ValueError', 'list.remove(x): x not in list');
        items.splice(i, 1);
        locs.splice(i, 1);
        return { self: list(items, self.t, locs), ret: null };
      }
      case 'pop': {
        if (items.length === 0) return err('IndexError', 'pop from empty list');
        const n = args.length ? num(args[0]) : -1;
        if (n === null) return null;
        const i = n < 0 ? items.length + n : n;
        if (i < 0 || i >= items.length) return err('IndexError', 'pop index out of range');
        const [ret] = items.splice(i, 1);
        locs.splice(i, 1);
        return { self: list(items, self.t, locs), ret: ret as Py };
      }
      case 'clear':
        return { self: list([], self.t), ret: null };
      case 'reverse':
        return { self: list(items.reverse(), self.t, locs.reverse()), ret: null };
      case 'sort': {
        if (!items.every((x) => typeof x === 'string') && !items.every((x) => typeof x === 'number')) return null;
        const idx = items.map((_x, i) => i).sort((a, b) => ((items[a] as string | number) < (items[b] as string | number) ? -1 : (items[a] as string | number) > (items[b] as string | number) ? 1 : 0));
        if (truthy(kwargs.get('reverse') ?? false)) idx.reverse();
        return { self: list(idx.map((i) => items[i]), self.t, idx.map((i) => locs[i])), ret: null };
      }
      default:
        return null;
    }
  }
  if (isDictV(self)) {
    const d = dict(self.keys.map((k, i) => [k, self.vals[i]]), [...self.locs]);
    switch (name) {
      case 'update': {
        let merged = d;
        if (args[0] !== undefined) {
          if (isDictV(args[0])) merged = mergeDicts(merged, args[0]);
          else return null;
        }
        if (kwargs.size) merged = mergeDicts(merged, dict([...kwargs].map(([k, v]) => [k, v])));
        return { self: merged, ret: null };
      }
      case 'setdefault': {
        const i = dictIndex(d, args[0]);
        if (i >= 0) return { self, ret: d.vals[i] as Py };
        d.keys.push(args[0]);
        d.vals.push(args[1] ?? null);
        d.locs.push(null);
        return { self: d, ret: args[1] ?? null };
      }
      case 'pop': {
        const i = dictIndex(d, args[0]);
        if (i < 0) return args.length > 1 ? { self, ret: args[1] } : err('KeyError', pyRepr(args[0]));
        const ret = d.vals[i] as Py;
        d.keys.splice(i, 1);
        d.vals.splice(i, 1);
        d.locs.splice(i, 1);
        return { self: d, ret };
      }
      case 'clear':
        return { self: dict([]), ret: null };
      default:
        return null;
    }
  }
  return null;
}

/** Builtin conversions and helpers on concrete values (bool, int, str, list...); null when not modelled. */
export function builtinCall(name: string, args: Py[], kwargs: Map<string, Py>): Result | null {
  const a0 = args[0];
  switch (name) {
    case 'bool':
      return ok(args.length ? truthy(a0) : false);
    case 'str':
      return ok(args.length ? pyStr(a0) : '');
    case 'repr':
      return ok(pyRepr(a0));
    case 'int': {
      if (!args.length) return ok(0);
      if (typeof a0 === 'number') return ok(Math.trunc(a0));
      if (typeof a0 === 'boolean') return ok(Number(a0));
      if (typeof a0 === 'string') {
        const base = num(args[1] ?? kwargs.get('base') ?? 10) ?? 10;
        if (base !== 10) {
          const v = parseInt(a0.trim().replace(/^0[xob]/i, ''), base);
          return Number.isNaN(v) ? err('ValueError', `invalid literal for int() with base ${base}: '${a0}'`) : ok(v);
        }
        const i = parseIntLike(a0);
        return i === null ? err('ValueError', `invalid literal for int() with base 10: ${pyRepr(a0)}`) : ok(i);
      }
      return err('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(a0)}'`);
    }
    case 'float': {
      if (!args.length) return ok(0);
      if (typeof a0 === 'number') return ok(a0);
      if (typeof a0 === 'boolean') return ok(Number(a0));
      if (typeof a0 === 'string') {
        const f = parseFloatLike(a0);
        return f === null ? err('ValueError', `could not convert string to float: ${pyRepr(a0)}`) : ok(f);
      }
      return err('TypeError', `float() argument must be a string or a real number, not '${typeName(a0)}'`);
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'frozenset':
    case 'sorted': {
      if (!args.length) return ok(list([], name === 'frozenset' ? 'set' : name === 'sorted' ? 'list' : name));
      const items = iterate(a0);
      if (!items) return err('TypeError', `'${typeName(a0)}' object is not iterable`);
      if (name === 'sorted') return sortedOf(items, kwargs);
      if (name === 'set' || name === 'frozenset') {
        const out: V[] = [];
        for (const x of items) if (!out.some((y) => pyEq(y as Py, x as Py))) out.push(x);
        return ok(list(out, 'set'));
      }
      return ok(list([...items], name));
    }
    case 'dict': {
      let d = dict([]);
      if (args.length) {
        if (isDictV(a0)) d = dict(a0.keys.map((k, i) => [k, a0.vals[i]]), [...a0.locs]);
        else {
          const items = iterate(a0);
          if (!items) return null;
          for (const it of items) {
            if (!isSeq(it as Py) || (it as PyList).items.length !== 2) return null;
            d = mergeDicts(d, dict([[(it as PyList).items[0] as Py, (it as PyList).items[1]]]));
          }
        }
      }
      if (kwargs.size) d = mergeDicts(d, dict([...kwargs].map(([k, v]) => [k, v])));
      return ok(d);
    }
    case 'len': {
      if (typeof a0 === 'string') return ok(a0.length);
      if (isSeq(a0)) return ok(a0.items.length);
      if (isDictV(a0)) return ok(a0.keys.length);
      return err('TypeError', `object of type '${typeName(a0)}' has no len()`);
    }
    case 'any':
    case 'all': {
      const items = iterate(a0);
      if (!items) return null;
      return ok(name === 'any' ? items.some((x) => truthy(x as Py)) : items.every((x) => truthy(x as Py)));
    }
    case 'min':
    case 'max': {
      const items = args.length === 1 ? iterate(a0) : args;
      if (!items || !items.length || !items.every((x) => typeof x === 'number')) return null;
      return ok(name === 'min' ? Math.min(...(items as number[])) : Math.max(...(items as number[])));
    }
    case 'abs':
      return num(a0) === null ? null : ok(Math.abs(num(a0)!));
    case 'round':
      return num(a0) === null ? null : ok(Math.round(num(a0)!));
    case 'range': {
      const ns = args.map(num);
      if (ns.some((x) => x === null)) return null;
      const [start, stop, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? 1];
      if (step === 0 || Math.abs((stop - start) / step) > 10000) return null;
      const out: Py[] = [];
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
      return ok(list(out));
    }
    case 'enumerate': {
      const items = iterate(a0);
      if (!items) return null;
      const start = num(args[1] ?? kwargs.get('start') ?? 0) ?? 0;
      return ok(list(items.map((x, i) => list([start + i, x], 'tuple'))));
    }
    case 'zip': {
      const its = args.map(iterate);
      if (its.some((x) => !x)) return null;
      const n = Math.min(...its.map((x) => x!.length));
      const out: V[] = [];
      for (let i = 0; i < n; i++) out.push(list(its.map((x) => x![i]), 'tuple'));
      return ok(list(out));
    }
    case 'reversed': {
      const items = iterate(a0);
      return items ? ok(list([...items].reverse())) : null;
    }
    case 'print':
      return ok(null);
    default:
      return null;
  }
}

function sortedOf(items: V[], kwargs: Map<string, Py>): Result {
  const r = mutateConcrete(list([...items]), 'sort', [], kwargs);
  if (!r) return err('Unknown', 'sorted() of mixed values is not modelled');
  if ('ok' in r) return r;
  return ok(r.self);
}
