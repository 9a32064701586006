// The evaluator's value model: Python objects, values computed from the environment, and unknowns.
import type { SourceLoc } from '../../core/types/located.js';
import type { PyValue, Outcome } from '../../facts/django.js';
import type { Node } from './tree.js';

/** A concrete Python object (containers may still hold environment-dependent items). */
export type Py = string | number | boolean | null | PyList | PyDict | PyPath | PyExt | PyFunc | PyClass | PyObj | PyModuleRef;

/** Any evaluated value: a Python object, a value computed from environment variables, or an unknown. */
export type V = Py | Sym | Unk;

export interface PyList {
  t: 'list' | 'tuple' | 'set';
  items: V[];
  /** Where each item was written, when known. */
  locs: (SourceLoc | null)[];
}

export interface PyDict {
  t: 'dict';
  keys: Py[];
  vals: V[];
  locs: (SourceLoc | null)[];
}

/** A pathlib.Path (or a path string built by os.path): `p` is absolute, under REPO_ROOT for repository files. */
export interface PyPath {
  t: 'path';
  p: string;
}

/** Something defined outside the repository, by qualified name ("os.environ.get", "builtins.bool"). */
export interface PyExt {
  t: 'ext';
  name: string;
}

export interface PyFunc {
  t: 'func';
  name: string;
  node: Node;
  file: string;
  /** Module globals at definition (looked up when called). */
  globals: Map<string, Binding>;
}

export interface PyClass {
  t: 'class';
  name: string;
  node: Node;
  file: string;
  globals: Map<string, Binding>;
}

/** A modelled library object (django-environ Env, decouple Csv, url route, DRF router...). */
export interface PyObj {
  t: 'obj';
  cls: string;
  attrs: Record<string, unknown>;
}

/** A project module, imported as a name (`from . import views`); evaluated when an attribute is read. */
export interface PyModuleRef {
  t: 'module';
  name: string;
  file: string;
}

/** A value computed from environment variables: `fn` gives what Python computes for an environment. */
export interface Sym {
  t: 'sym';
  vars: string[];
  fn: (env: Env) => Result;
  /** Keys assigned into this computed container afterwards (`DATABASES['default']['CONN_MAX_AGE'] = ...`). */
  patches?: { path: Py[]; value: V; loc: SourceLoc }[];
}

/** A value that could not be computed, with the reason. */
export interface Unk {
  t: 'unk';
  reason: string;
}

/** What Python computes: a value, or the exception raised. */
export type Result = { ok: true; v: Py } | { ok: false; exc: string; msg: string };

/** The process environment as seen by the settings: undefined = unset. */
export type Env = (name: string) => string | undefined;

/** A module-level name binding, with the statement that made it. */
export interface Binding {
  v: V;
  loc: SourceLoc;
  module: string;
}

/** The absolute path standing for the repository root in path values. */
export const REPO_ROOT = '/__repo__';

export function ok(v: Py): Result {
  return { ok: true, v };
}

export function err(exc: string, msg: string): Result {
  return { ok: false, exc, msg };
}

export function unk(reason: string): Unk {
  return { t: 'unk', reason };
}

export function list(items: V[], t: PyList['t'] = 'list', locs?: (SourceLoc | null)[]): PyList {
  return { t, items, locs: locs ?? items.map(() => null) };
}

export function dict(entries: [Py, V][], locs?: (SourceLoc | null)[]): PyDict {
  return { t: 'dict', keys: entries.map((e) => e[0]), vals: entries.map((e) => e[1]), locs: locs ?? entries.map(() => null) };
}

export function isSym(v: V): v is Sym {
  return typeof v === 'object' && v !== null && v.t === 'sym';
}

export function isUnk(v: V): v is Unk {
  return typeof v === 'object' && v !== null && v.t === 'unk';
}

export function isList(v: V): v is PyList {
  return typeof v === 'object' && v !== null && (v.t === 'list' || v.t === 'tuple' || v.t === 'set');
}

export function isDict(v: V): v is PyDict {
  return typeof v === 'object' && v !== null && v.t === 'dict';
}

/** The first unknown inside a value (containers included), or null. */
export function findUnk(v: V): Unk | null {
  if (isUnk(v)) return v;
  if (isList(v)) {
    for (const i of v.items) {
      const u = findUnk(i);
      if (u) return u;
    }
  } else if (isDict(v)) {
    for (const i of v.vals) {
      const u = findUnk(i);
      if (u) return u;
    }
  }
  return null;
}

/** Environment variables a value depends on (containers included), in first-read order. */
export function varsOf(v: V, out: string[] = []): string[] {
  if (isSym(v)) {
    for (const x of v.vars) if (!out.includes(x)) out.push(x);
  } else if (isList(v)) {
    for (const i of v.items) varsOf(i, out);
  } else if (isDict(v)) {
    for (const i of v.vals) varsOf(i, out);
  }
  return out;
}

/** True when a value holds no environment-dependent or unknown part. */
export function isConcrete(v: V): v is Py {
  if (isSym(v) || isUnk(v)) return false;
  if (isList(v)) return v.items.every(isConcrete);
  if (isDict(v)) return v.vals.every(isConcrete);
  return true;
}

/** Computes a value for an environment (deeply: containers come back fully concrete). */
export function resolve(v: V, env: Env): Result {
  if (isSym(v)) return v.fn(env);
  if (isUnk(v)) return err('Unknown', v.reason);
  if (isList(v)) {
    if (v.items.every(isConcrete)) return ok(v);
    const items: Py[] = [];
    for (const i of v.items) {
      const r = resolve(i, env);
      if (!r.ok) return r;
      items.push(r.v);
    }
    return ok({ t: v.t, items, locs: v.locs });
  }
  if (isDict(v)) {
    if (v.vals.every(isConcrete)) return ok(v);
    const vals: Py[] = [];
    for (const i of v.vals) {
      const r = resolve(i, env);
      if (!r.ok) return r;
      vals.push(r.v);
    }
    return ok({ t: 'dict', keys: v.keys, vals, locs: v.locs });
  }
  return ok(v);
}

/**
 * Applies an operation to values that may depend on the environment: directly when all are concrete,
 * else as a new environment-dependent value; an unknown operand makes the result unknown.
 */
export function lift(args: V[], op: (...a: Py[]) => Result): V {
  for (const a of args) {
    const u = findUnk(a);
    if (u) return u;
  }
  const vars: string[] = [];
  for (const a of args) varsOf(a, vars);
  if (vars.length === 0 && args.every(isConcrete)) {
    const r = op(...(args as Py[]));
    if (r.ok) return r.v;
    return { t: 'sym', vars: [], fn: () => r };
  }
  return {
    t: 'sym',
    vars,
    fn: (env) => {
      const resolved: Py[] = [];
      for (const a of args) {
        const r = resolve(a, env);
        if (!r.ok) return r;
        resolved.push(r.v);
      }
      return op(...resolved);
    },
  };
}

/** Python truthiness of a concrete value. */
export function truthy(v: Py): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (v === true || typeof v === 'number' || typeof v === 'string') return true;
  if (v.t === 'list' || v.t === 'tuple' || v.t === 'set') return v.items.length > 0;
  if (v.t === 'dict') return v.keys.length > 0;
  return true;
}

/** Python `==` on concrete values. */
export function pyEq(a: Py, b: Py): boolean {
  if (a === b) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean' || typeof a === 'number' || typeof b === 'number') {
    const na = typeof a === 'boolean' ? Number(a) : a;
    const nb = typeof b === 'boolean' ? Number(b) : b;
    return typeof na === 'number' && typeof nb === 'number' && na === nb;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a.t === 'path' && b.t === 'path') return a.p === b.p;
  if ((a.t === 'list' || a.t === 'tuple') && a.t === b.t) {
    const bl = b as PyList;
    return a.items.length === bl.items.length && a.items.every((x, i) => pyEq(x as Py, bl.items[i] as Py));
  }
  if (a.t === 'set' && b.t === 'set') {
    return a.items.length === b.items.length && a.items.every((x) => b.items.some((y) => pyEq(x as Py, y as Py)));
  }
  if (a.t === 'dict' && b.t === 'dict') {
    if (a.keys.length !== b.keys.length) return false;
    return a.keys.every((k, i) => {
      const j = b.keys.findIndex((bk) => pyEq(k, bk));
      return j >= 0 && pyEq(a.vals[i] as Py, b.vals[j] as Py);
    });
  }
  if (a.t === 'ext' && b.t === 'ext') return a.name === b.name;
  return false;
}

/** Index of a key in a dict, by Python equality. */
export function dictIndex(d: PyDict, key: Py): number {
  for (let i = 0; i < d.keys.length; i++) if (pyEq(d.keys[i], key)) return i;
  return -1;
}

/** Python type name, for messages. */
export function typeName(v: Py): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  switch (v.t) {
    case 'path':
      return 'PosixPath';
    case 'ext':
      return v.name;
    case 'obj':
      return v.cls;
    default:
      return v.t;
  }
}

/** Python str() of a concrete value. */
export function pyStr(v: Py): string {
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/** Python repr() of a concrete value (close enough for messages and f-strings). */
export function pyRepr(v: Py): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  switch (v.t) {
    case 'list':
      return `[${v.items.map((i) => pyRepr(i as Py)).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${pyRepr(v.items[0] as Py)},)` : `(${v.items.map((i) => pyRepr(i as Py)).join(', ')})`;
    case 'set':
      return v.items.length === 0 ? 'set()' : `{${v.items.map((i) => pyRepr(i as Py)).join(', ')}}`;
    case 'dict':
      return `{${v.keys.map((k, i) => `${pyRepr(k)}: ${pyRepr(v.vals[i] as Py)}`).join(', ')}}`;
    case 'path':
      return v.p;
    case 'ext':
      return v.name;
    case 'func':
      return `<function ${v.name}>`;
    case 'class':
      return `<class ${v.name}>`;
    case 'module':
      return `<module ${v.name}>`;
    case 'obj':
      return `<${v.cls}>`;
  }
}

/** Rewrites the repository-root marker in path strings: "/__repo__/<projectRoot>/x" -> "<BASE_DIR>/x". */
export function displayPath(s: string, projectRoot: string): string {
  if (!s.includes(REPO_ROOT)) return s;
  const base = projectRoot ? `${REPO_ROOT}/${projectRoot}` : REPO_ROOT;
  return s
    .split(base + '/')
    .join('<BASE_DIR>/')
    .replace(new RegExp(`${escapeRe(base)}(?![\\w.-])`, 'g'), '<BASE_DIR>')
    .split(REPO_ROOT + '/')
    .join('<repo>/')
    .split(REPO_ROOT)
    .join('<repo>');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Converts a concrete value to the facts' plain value (paths become display strings). */
export function toPyValue(v: Py, projectRoot: string): PyValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'string') return displayPath(v, projectRoot);
  switch (v.t) {
    case 'list':
    case 'tuple':
    case 'set':
      return v.items.map((i) => toPyValue(i as Py, projectRoot));
    case 'dict': {
      const out: { [key: string]: PyValue } = {};
      v.keys.forEach((k, i) => {
        out[typeof k === 'string' ? k : pyStr(k)] = toPyValue(v.vals[i] as Py, projectRoot);
      });
      return out;
    }
    case 'path':
      return displayPath(v.p, projectRoot);
    default:
      return pyRepr(v);
  }
}

/** Converts an evaluation result to the facts' Outcome. */
export function toOutcome(r: Result, projectRoot: string): Outcome {
  if (r.ok) return { ok: true, value: toPyValue(r.v, projectRoot) };
  return { ok: false, reason: r.exc === 'Unknown' ? r.msg : `${r.exc}: ${displayPath(r.msg, projectRoot)}` };
}

/** Parses a Python int literal or int() argument string; null when Python would raise ValueError. */
export function parseIntLike(s: string): number | null {
  const t = s.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(t)) return null;
  return parseInt(t.replace(/_/g, ''), 10);
}

/** Parses a Python float() argument string; null when Python would raise ValueError. */
export function parseFloatLike(s: string): number | null {
  const t = s.trim().toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (!/^[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*|\d+(_\d+)*\.)(e[+-]?\d+)?$/.test(t)) return null;
  return parseFloat(t.replace(/_/g, ''));
}
