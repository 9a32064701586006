// Runs the module-level statements of Python files (settings, urls) the way Python would, on a value model
// where environment reads stay symbolic: a value computed from os.environ is a function of the environment.
// Written by hand: no library evaluates Python statically with this environment-aware semantics.
import type { SourceLoc } from '../../core/types/located.js';
import { codeChildren, decodeEscapes, nodeLoc, parsePython, stringPrefix, type Node, type PythonTree } from './tree.js';
import {
  type Binding,
  type Env,
  type Py,
  type PyClass,
  type PyDict,
  type PyFunc,
  type PyList,
  type PyModuleRef,
  type PyObj,
  type Result,
  type Sym,
  type Unk,
  type V,
  REPO_ROOT,
  dict,
  dictIndex,
  err,
  findUnk,
  isConcrete,
  isDict,
  isList,
  isSym,
  isUnk,
  lift,
  list,
  ok,
  pyEq,
  pyRepr,
  pyStr,
  resolve,
  truthy,
  unk,
  varsOf,
} from './value.js';
import { binaryOp, builtinCall, compareOp, getItem, iterate, makePath, mergeDicts, mutateConcrete, osPath, pathAttr, pathMethod, sliceOf, valueMethod } from './ops.js';
import { type EnvReader, arg, decoupleCast, decoupleRead, djOptions, environCast, environMethod, environRead, makeEnviron, simpleCallable } from './libraries.js';
import { djDatabaseConfig, djDatabaseParse, environCacheUrl, environDbUrl, strtobool } from './env-libs.js';
import { LIST_MUTATORS, bindPattern, globalsChangedBy, handlerMatches, namesAssignedIn } from './names.js';

/** A Python file to execute, parsed once by the host. */
export interface ModuleSource {
  /** Repo-relative path. */
  file: string;
  /** Dotted module name ("myproj.settings.prod"). */
  module: string;
  /** The file is a package's __init__.py. */
  isPackage: boolean;
  tree: PythonTree;
}

/** How the host found an imported module: in the repository, outside it (stdlib, third party), or missing. */
export type Resolution = ModuleSource | 'missing' | 'external';

/** What the evaluator asks of its caller: module lookup (the evaluator does no I/O). */
export interface ImportHost {
  /** `import name` (level 0) or a relative import with `level` dots, from a module. */
  resolve(name: string, level: number, from: ModuleSource): Resolution;
  /** Files matched by a django-split-settings include() pattern, relative to the including file. */
  include(pattern: string, from: ModuleSource): ModuleSource[];
}

export interface EvaluatorOptions {
  /** Values read through `django.conf.settings.NAME` (urls.py). */
  settings?: (name: string) => V;
  /**
   * Under a condition that cannot be evaluated, keep list items added in either branch, each route marked with
   * the condition (urls.py: `if settings.DEBUG: urlpatterns += [...]`), instead of making the list unknown.
   */
  unionUnknownBranches?: boolean;
}

/** A module-level exception raised only for some environments (`if not SECRET_KEY: raise ...`, os.environ['X']). */
export interface Guard {
  vars: string[];
  /** The exception raised for an environment, or null. */
  test: (env: Env) => Result | null;
  where: SourceLoc;
}

/** os.environ changed by the settings: `os.environ['X'] = v` (set) or `os.environ.setdefault('X', v)`. */
export interface Override {
  mode: 'set' | 'default';
  v: V;
}

export interface Raised {
  exc: string;
  msg: string;
  loc: SourceLoc;
}

/** The namespace a module leaves behind, and what can make importing it fail. */
export interface ModuleResult {
  source: ModuleSource;
  ns: Map<string, Binding>;
  guards: Guard[];
  overrides: Map<string, Override>;
  /** The exception importing the module raises for every environment, when it does. */
  failure: Raised | null;
  /** Files executed (this one, star imports, split-settings includes), in order. */
  files: string[];
  /** `from X import *` of modules outside the repository: any name may come from them (optional for older callers). */
  externalStars?: string[];
}

interface Frame {
  /** The module being imported (its __file__, __name__). */
  module: ModuleSource;
  /** The file whose statements run now (differs for split-settings includes). */
  src: ModuleSource;
  ns: Map<string, Binding>;
  guards: Guard[];
  overrides: Map<string, Override>;
  raised: Raised | null;
  /** Why every binding made now is unknown (a syntax error in the file). */
  taint: string | null;
  files: string[];
  externalStars?: string[];
  /** Calls the evaluator does not model, seen in this frame (decides whether a try body may raise). */
  uncertain: number;
  includeDepth: number;
  /** Module names an unevaluated function call may have changed (`global X`, `X.append()` inside it). */
  clobbered: Map<string, string>;
}

interface Scope {
  frame: Frame;
  locals: Map<string, V> | null;
  parent: Scope | null;
  callDepth: number;
}

const BUILTINS = new Set([
  'bool', 'int', 'float', 'str', 'list', 'tuple', 'dict', 'set', 'frozenset', 'len', 'sorted', 'reversed', 'min', 'max',
  'any', 'all', 'range', 'enumerate', 'zip', 'abs', 'round', 'repr', 'print', 'open', 'isinstance', 'getattr', 'hasattr',
  'filter', 'map', 'type', 'object', 'super', 'Exception', 'BaseException', 'ImportError', 'ModuleNotFoundError',
  'KeyError', 'ValueError', 'TypeError', 'AttributeError', 'OSError', 'IOError', 'FileNotFoundError', 'RuntimeError',
  'NotImplementedError', 'LookupError', 'IndexError', 'globals', 'locals', 'vars', 'format', 'hash', 'id', 'callable',
  'ord', 'chr', 'iter', 'next', 'sum', 'bytes', 'staticmethod', 'classmethod', 'property', 'exit', 'quit',
  'eval', 'exec', 'compile', '__import__', 'setattr', 'delattr', 'issubclass', 'divmod', 'pow', 'hex', 'oct', 'bin',
]);

const URL_FUNCS: Record<string, 'path' | 're_path' | 'url'> = {
  'django.urls.path': 'path',
  'django.urls.conf.path': 'path',
  'django.urls.re_path': 're_path',
  'django.urls.conf.re_path': 're_path',
  'django.conf.urls.url': 'url',
  'django.conf.urls.re_path': 're_path',
};

const DELETE = Symbol('delete');
/** settle(): the statement raised. */
const RAISED = Symbol('raised');
type Leaf = V | typeof DELETE;

const EMPTY_ENV: Env = () => undefined;
/** Exceptions the model computes faithfully; others (TypeError...) may be gaps in the model. */
const TRUSTED_EXC = (exc: string): boolean => exc !== 'Unknown' && exc !== 'TypeError';
const MAX_STEPS = 200_000;

/** A value standing for an exception raised whatever the environment. */
function raising(exc: string, msg: string): Sym {
  const r = err(exc, msg);
  return { t: 'sym', vars: [], fn: () => r };
}

function union(...lists: string[][]): string[] {
  const out: string[] = [];
  for (const l of lists) for (const x of l) if (!out.includes(x)) out.push(x);
  return out;
}

/** Chooses between two values by a condition, resolving only the branch taken. */
function select(cond: V, a: V, b: V): V {
  const cu = findUnk(cond);
  if (cu) return cu;
  if (isConcrete(cond)) return truthy(cond) ? a : b;
  return {
    t: 'sym',
    vars: union(varsOf(cond), varsOf(a), varsOf(b)),
    fn: (env) => {
      const c = resolve(cond, env);
      if (!c.ok) return c;
      return resolve(truthy(c.v) ? a : b, env);
    },
  };
}

function lineOf(n: Node): number {
  return n.startPosition.row + 1;
}

function oneLine(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

/** Evaluates modules; results are cached per file, so shared base modules run once. */
export class Evaluator {
  private readonly cache = new Map<string, ModuleResult>();
  private readonly running = new Map<string, Frame>();
  private readonly sources = new Map<string, ModuleSource>();
  private steps = 0;

  constructor(
    private readonly host: ImportHost,
    private readonly options: EvaluatorOptions = {},
  ) {}

  /** Imports a module: runs its statements once and returns its namespace. */
  evaluate(src: ModuleSource): ModuleResult {
    const cached = this.cache.get(src.file);
    if (cached) return cached;
    const partial = this.running.get(src.file);
    if (partial) {
      // A circular import sees the partly executed module, as in Python.
      return { source: src, ns: partial.ns, guards: partial.guards, overrides: partial.overrides, failure: null, files: [src.file] };
    }
    this.sources.set(src.file, src);
    const frame: Frame = {
      module: src,
      src,
      ns: new Map(),
      guards: [],
      overrides: new Map(),
      raised: null,
      taint: null,
      files: [],
      uncertain: 0,
      includeDepth: 0,
      clobbered: new Map(),
    };
    this.running.set(src.file, frame);
    try {
      this.execFile(src, frame);
    } finally {
      this.running.delete(src.file);
    }
    const result: ModuleResult = {
      source: src,
      ns: frame.ns,
      guards: frame.guards,
      overrides: frame.overrides,
      failure: frame.raised,
      files: frame.files,
      externalStars: frame.externalStars ?? [],
    };
    this.cache.set(src.file, result);
    return result;
  }

  private execFile(src: ModuleSource, frame: Frame): void {
    const prevSrc = frame.src;
    const prevTaint = frame.taint;
    frame.src = src;
    if (src.tree.syntaxError) {
      frame.taint = `${src.file} has a Python syntax error at line ${src.tree.syntaxError.line}, so Python cannot import it`;
    }
    if (!frame.files.includes(src.file)) frame.files.push(src.file);
    this.execBlock(codeChildren(src.tree.root), frame);
    frame.src = prevSrc;
    frame.taint = prevTaint;
  }

  // -------------------------------------------------------------------------------------------------------
  // statements

  private execBlock(stmts: Node[], frame: Frame): void {
    for (const st of stmts) {
      if (frame.raised) return;
      this.execStmt(st, frame);
      if (frame.clobbered.size > 0) {
        const loc = nodeLoc(frame.src.file, st);
        for (const [name, reason] of frame.clobbered) if (frame.ns.has(name)) this.bind(frame, name, unk(reason), loc);
        frame.clobbered.clear();
      }
    }
  }

  private scope(frame: Frame): Scope {
    return { frame, locals: null, parent: null, callDepth: 0 };
  }

  private execStmt(n: Node, frame: Frame): void {
    // Settings are short programs; a runaway unrolled loop must not hang the audit.
    if (++this.steps > MAX_STEPS) throw new Error(`evaluation stopped after ${MAX_STEPS} statements (${frame.src.file}:${n.startPosition.row + 1})`);
    const loc = nodeLoc(frame.src.file, n);
    const s = this.scope(frame);
    switch (n.type) {
      case 'expression_statement': {
        for (const e of codeChildren(n)) {
          if (e.type === 'assignment') this.execAssign(e, frame, loc);
          else if (e.type === 'augmented_assignment') this.execAugmented(e, frame, loc);
          else if (e.type === 'call') this.execCallStmt(e, frame, loc);
          else if (e.type === 'string' || e.type === 'concatenated_string') continue;
          else this.ev(e, s);
        }
        return;
      }
      case 'import_statement':
        return this.execImport(n, frame, loc);
      case 'import_from_statement':
        return this.execImportFrom(n, frame, loc);
      case 'future_import_statement':
      case 'pass_statement':
      case 'assert_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'comment':
        return;
      case 'ERROR': {
        // Statements tree-sitter could not parse: names they seem to assign are unknown, never guessed.
        const reason = frame.taint ?? `${frame.src.file} has a Python syntax error at line ${loc.line}`;
        for (const name of namesAssignedIn(n)) this.bind(frame, name, unk(reason), loc);
        for (const m of n.text.matchAll(/(?:^|\n)\s*([A-Za-z_]\w*)\s*(?:\[[^\]\n]*\]\s*)*[+|]?=(?!=)/g)) this.bind(frame, m[1], unk(reason), loc);
        return;
      }
      case 'if_statement':
        return this.execIf(n, frame);
      case 'try_statement':
        return this.execTry(n, frame, loc);
      case 'for_statement':
        return this.execFor(n, frame, loc);
      case 'with_statement':
        return this.execWith(n, frame, loc);
      case 'function_definition':
      case 'class_definition':
        return this.execDef(n, frame, loc);
      case 'decorated_definition': {
        const def = n.childForFieldName('definition');
        if (def) this.execDef(def, frame, loc);
        return;
      }
      case 'raise_statement':
        return this.execRaise(n, frame, loc);
      case 'delete_statement':
        return this.execDelete(n, frame, loc);
      default: {
        // while, match...: whatever they assign is unknown.
        const reason = `assigned inside a ${n.type.replace(/_statement$/, '')} statement at ${frame.src.file}:${loc.line}, which the audit does not evaluate`;
        for (const name of namesAssignedIn(n)) this.bind(frame, name, unk(reason), loc);
      }
    }
  }

  private bind(frame: Frame, name: string, v: V, loc: SourceLoc): void {
    frame.ns.set(name, { v: frame.taint ? unk(frame.taint) : v, loc, module: frame.src.module });
  }

  /** Checks a statement's value: an exception raised whatever the environment stops the module; one raised for
   * some environments becomes a guard. */
  private settle(v: V, frame: Frame, loc: SourceLoc): V | typeof RAISED {
    if (findUnk(v)) return v;
    const vars = varsOf(v);
    if (vars.length === 0 && !isConcrete(v)) {
      const r = resolve(v, EMPTY_ENV);
      if (!r.ok) {
        // A TypeError more likely means an operation the audit models incompletely than a broken settings
        // module: the value is unknown, the rest of the module still runs.
        if (!TRUSTED_EXC(r.exc)) return unk(`evaluating it gave ${r.exc}${r.msg ? `: ${r.msg}` : ''} (${frame.src.file}:${loc.line}), which the audit does not trust`);
        this.raise(frame, r.exc, r.msg, loc);
        return RAISED;
      }
      return r.v;
    }
    if (vars.length > 0) {
      frame.guards.push({
        vars,
        where: loc,
        test: (env) => {
          const r = resolve(v, env);
          return r.ok || !TRUSTED_EXC(r.exc) ? null : r;
        },
      });
    }
    return v;
  }

  private raise(frame: Frame, exc: string, msg: string, loc: SourceLoc): void {
    frame.raised = { exc, msg, loc };
  }

  private execAssign(a: Node, frame: Frame, loc: SourceLoc): void {
    const targets: Node[] = [];
    let cur: Node | null = a;
    let right: Node | null = null;
    while (cur && cur.type === 'assignment') {
      const left = cur.childForFieldName('left');
      if (left) targets.push(left);
      right = cur.childForFieldName('right');
      cur = right;
    }
    if (!right) return; // an annotation without a value binds nothing
    const v = this.settle(this.ev(right, this.scope(frame)), frame, loc);
    if (v === RAISED) return;
    for (const t of targets) this.assignTarget(t, v, frame, loc);
  }

  private assignTarget(t: Node, v: V, frame: Frame, loc: SourceLoc): void {
    switch (t.type) {
      case 'identifier':
        return this.bind(frame, t.text, v, loc);
      case 'parenthesized_expression': {
        const inner = codeChildren(t)[0];
        if (inner) this.assignTarget(inner, v, frame, loc);
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
      case 'expression_list': {
        const parts = codeChildren(t);
        if (parts.some((p) => p.type === 'list_splat_pattern' || p.type === 'list_splat')) {
          for (const name of namesAssignedIn(t)) this.bind(frame, name, unk('starred unpacking is not evaluated'), loc);
          return;
        }
        if (isList(v) && v.t !== 'set') {
          if (v.items.length !== parts.length) {
            this.raise(frame, 'ValueError', `cannot unpack ${v.items.length} values into ${parts.length} names`, loc);
            return;
          }
          parts.forEach((p, i) => this.assignTarget(p, v.items[i], frame, loc));
          return;
        }
        parts.forEach((p, i) => this.assignTarget(p, lift([v], (c) => getItem(c, i)), frame, loc));
        return;
      }
      case 'subscript':
        return this.assignSubscript(t, () => v, [v], frame, loc, v);
      default:
        return; // attribute assignments (sys.path..., obj.x) do not define settings
    }
  }

  /** `root[k1][k2] = ...` / `del root[k]` / `root[k] += ...`: rebuilds the root value and rebinds it. */
  private assignSubscript(t: Node, leaf: (old: V | undefined) => Leaf, deps: V[], frame: Frame, loc: SourceLoc, plain?: V): void {
    const keys: Node[] = [];
    let cur: Node = t;
    while (cur.type === 'subscript') {
      const sub = cur.childForFieldName('subscript');
      const value = cur.childForFieldName('value');
      if (!sub || !value) return;
      keys.unshift(sub);
      cur = value;
    }
    const s = this.scope(frame);
    if (cur.type !== 'identifier') {
      // os.environ['X'] = value changes what later reads see.
      const target = this.ev(cur, s);
      if (keys.length === 1 && typeof target === 'object' && target !== null && target.t === 'ext' && target.name === 'os.environ') {
        const key = this.ev(keys[0], s);
        const v = leaf(undefined);
        if (typeof key === 'string' && v !== DELETE) frame.overrides.set(key, { mode: 'set', v });
      }
      return;
    }
    const name = cur.text;
    const b = frame.ns.get(name);
    if (!b) {
      this.raise(frame, 'NameError', `name '${name}' is not defined`, loc);
      return;
    }
    const keyVals: Py[] = [];
    for (const k of keys) {
      const kv = this.ev(k, s);
      if (!isConcrete(kv)) {
        this.bind(frame, name, unk(`${name} is changed at ${frame.src.file}:${loc.line} with a key the audit could not compute`), loc);
        return;
      }
      keyVals.push(kv);
    }
    const nv = this.rebuild(b.v, keyVals, 0, leaf, deps, loc, plain);
    const settled = this.settle(nv, frame, loc);
    if (settled === RAISED) return;
    this.bind(frame, name, settled, loc);
  }

  private rebuild(container: V, keys: Py[], i: number, leaf: (old: V | undefined) => Leaf, deps: V[], loc: SourceLoc, plain?: V): V {
    const k = keys[i];
    const last = i === keys.length - 1;
    if (isUnk(container)) return container;
    if (isDict(container)) {
      const idx = dictIndex(container, k);
      const out: PyDict = { t: 'dict', keys: [...container.keys], vals: [...container.vals], locs: [...container.locs] };
      if (last) {
        const nv = leaf(idx >= 0 ? container.vals[idx] : undefined);
        if (nv === DELETE) {
          if (idx < 0) return raising('KeyError', pyRepr(k));
          out.keys.splice(idx, 1);
          out.vals.splice(idx, 1);
          out.locs.splice(idx, 1);
        } else if (idx >= 0) {
          out.vals[idx] = nv;
          out.locs[idx] = loc;
        } else {
          out.keys.push(k);
          out.vals.push(nv);
          out.locs.push(loc);
        }
        return out;
      }
      if (idx < 0) return raising('KeyError', pyRepr(k));
      out.vals[idx] = this.rebuild(container.vals[idx], keys, i + 1, leaf, deps, loc, plain);
      return out;
    }
    if (isList(container) && container.t === 'list' && typeof k === 'number') {
      const idx = k < 0 ? container.items.length + k : k;
      if (idx < 0 || idx >= container.items.length) return raising('IndexError', 'list assignment index out of range');
      const out: PyList = { t: 'list', items: [...container.items], locs: [...container.locs] };
      if (last) {
        const nv = leaf(container.items[idx]);
        if (nv === DELETE) {
          out.items.splice(idx, 1);
          out.locs.splice(idx, 1);
        } else {
          out.items[idx] = nv;
          out.locs[idx] = loc;
        }
        return out;
      }
      out.items[idx] = this.rebuild(container.items[idx], keys, i + 1, leaf, deps, loc, plain);
      return out;
    }
    if (isSym(container)) {
      const depUnk = deps.map(findUnk).find((u) => u);
      if (depUnk) return depUnk;
      const patches = plain !== undefined ? [...(container.patches ?? []), { path: keys.slice(i), value: plain, loc }] : container.patches;
      return {
        t: 'sym',
        vars: union(container.vars, ...deps.map((d) => varsOf(d))),
        fn: (env) => {
          const c = container.fn(env);
          if (!c.ok) return c;
          if (!isDict(c.v) && !isList(c.v)) return err('TypeError', `'${typeof c.v}' object does not support item assignment`);
          return resolve(this.rebuild(c.v, keys, i, leaf, deps, loc), env);
        },
        ...(patches ? { patches } : {}),
      };
    }
    return raising('TypeError', `object does not support item assignment`);
  }

  private execAugmented(a: Node, frame: Frame, loc: SourceLoc): void {
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    const opNode = a.childForFieldName('operator');
    if (!left || !right) return;
    const op = (opNode?.text ?? a.children.find((c) => !c.isNamed && c.text.endsWith('='))?.text ?? '+=').replace(/=$/, '');
    const s = this.scope(frame);
    const rhs = this.ev(right, s);
    const combine = (old: V | undefined): V => (old === undefined ? raising('NameError', 'name is not defined') : this.inplace(op, old, rhs, loc));
    if (left.type === 'identifier') {
      const b = frame.ns.get(left.text);
      if (!b) {
        this.raise(frame, 'NameError', `name '${left.text}' is not defined`, loc);
        return;
      }
      const v = this.settle(combine(b.v), frame, loc);
      if (v !== RAISED) this.bind(frame, left.text, v, loc);
      return;
    }
    if (left.type === 'subscript') this.assignSubscript(left, combine, [rhs], frame, loc);
  }

  /** `old op= rhs`: lists extend with any iterable, keeping where each item was written. */
  private inplace(op: string, old: V, rhs: V, loc: SourceLoc): V {
    if (op === '+' && isList(old) && old.t === 'list' && isList(rhs)) {
      return { t: 'list', items: [...old.items, ...rhs.items], locs: [...old.locs, ...rhs.locs.map((l) => l ?? loc)] };
    }
    if (op === '|' && isDict(old) && isDict(rhs)) return mergeDicts(old, rhs);
    if (op === '+' && !isUnk(old) && !isUnk(rhs)) {
      return lift([old, rhs], (a, b) => {
        if (isList(a) && a.t === 'list') {
          const items = iterate(b);
          if (items) return ok(list([...a.items, ...items], 'list', [...a.locs, ...items.map(() => loc)]));
        }
        return binaryOp('+', a, b);
      });
    }
    return this.binop(op, old, rhs);
  }

  private execCallStmt(call: Node, frame: Frame, loc: SourceLoc): void {
    const fn = call.childForFieldName('function');
    const s = this.scope(frame);
    if (fn && fn.type === 'attribute') {
      const method = fn.childForFieldName('attribute')?.text ?? '';
      const objNode = fn.childForFieldName('object');
      if (objNode && LIST_MUTATORS.has(method) && (objNode.type === 'identifier' || objNode.type === 'subscript')) {
        const target = this.ev(objNode, s);
        if (isList(target) || isDict(target) || isSym(target)) {
          const { args, kwargs, bad } = this.evArgs(call.childForFieldName('arguments'), s);
          const deps = [...args, ...kwargs.values()];
          const leaf = (old: V | undefined): V => {
            if (old === undefined) return raising('NameError', 'name is not defined');
            if (bad) return unk(bad);
            return this.mutate(old, method, args, kwargs, loc);
          };
          if (objNode.type === 'identifier') {
            const b = frame.ns.get(objNode.text);
            if (!b) return;
            const v = this.settle(leaf(b.v), frame, loc);
            if (v !== RAISED) this.bind(frame, objNode.text, v, loc);
          } else {
            this.assignSubscript(objNode, (old) => leaf(old), deps, frame, loc);
          }
          return;
        }
      }
    }
    const v = this.ev(call, s);
    // A call whose result is unused can still raise (ImproperlyConfigured helpers are modelled as values).
    if (isSym(v) && v.vars.length === 0) this.settle(v, frame, loc);
  }

  /** A mutating method on a container value: the new container (structure and item locations kept when possible). */
  private mutate(old: V, method: string, args: V[], kwargs: Map<string, V>, loc: SourceLoc): V {
    if (isList(old) && old.t !== 'tuple') {
      if ((method === 'append' || method === 'add') && args.length === 1 && old.t === (method === 'append' ? 'list' : 'set')) {
        return { t: old.t, items: [...old.items, args[0]], locs: [...old.locs, loc] };
      }
      if (method === 'extend' && isList(args[0]) && old.t === 'list') {
        const more = args[0];
        return { t: 'list', items: [...old.items, ...more.items], locs: [...old.locs, ...more.locs.map((l) => l ?? loc)] };
      }
      if (method === 'insert' && args.length === 2 && typeof args[0] === 'number') {
        const n = args[0];
        const at = n < 0 ? Math.max(0, old.items.length + n) : Math.min(old.items.length, n);
        const items = [...old.items];
        const locs = [...old.locs];
        items.splice(at, 0, args[1]);
        locs.splice(at, 0, loc);
        return { t: old.t, items, locs };
      }
    }
    if (isDict(old)) {
      if (method === 'update' && (args.length === 0 || isDict(args[0]))) {
        let out: PyDict = old;
        if (args[0] && isDict(args[0])) out = mergeDicts(out, { ...args[0], locs: args[0].locs.map((l) => l ?? loc) });
        if (kwargs.size) out = mergeDicts(out, dict([...kwargs], [...kwargs].map(() => loc)));
        return out;
      }
      if (method === 'setdefault' && isConcrete(args[0])) {
        if (dictIndex(old, args[0]) >= 0) return old;
        return { t: 'dict', keys: [...old.keys, args[0]], vals: [...old.vals, args[1] ?? null], locs: [...old.locs, loc] };
      }
      if (method === 'pop' && isConcrete(args[0])) {
        const i = dictIndex(old, args[0]);
        if (i < 0) return args.length > 1 ? old : raising('KeyError', pyRepr(args[0]));
        return { t: 'dict', keys: old.keys.filter((_k, j) => j !== i), vals: old.vals.filter((_k, j) => j !== i), locs: old.locs.filter((_k, j) => j !== i) };
      }
    }
    const kwKeys = [...kwargs.keys()];
    return lift([old, ...args, ...kwargs.values()], (o, ...rest) => {
      const kw = new Map(kwKeys.map((k, i) => [k, rest[args.length + i]]));
      const r = mutateConcrete(o, method, rest.slice(0, args.length), kw);
      if (r === null) return err('Unknown', `.${method}() on a ${typeof o === 'object' && o ? o.t : typeof o} is not evaluated`);
      if ('ok' in r) return r;
      return ok(r.self);
    });
  }

  private execDelete(n: Node, frame: Frame, loc: SourceLoc): void {
    for (const t of codeChildren(n).flatMap((c) => (c.type === 'expression_list' ? codeChildren(c) : [c]))) {
      if (t.type === 'identifier') frame.ns.delete(t.text);
      else if (t.type === 'subscript') this.assignSubscript(t, () => DELETE, [], frame, loc);
    }
  }

  private execDef(n: Node, frame: Frame, loc: SourceLoc): void {
    const name = n.childForFieldName('name')?.text;
    if (!name) return;
    if (n.type === 'function_definition') {
      const f: PyFunc = { t: 'func', name, node: n, file: frame.src.file, globals: frame.ns };
      this.bind(frame, name, f, loc);
    } else {
      const c: PyClass = { t: 'class', name, node: n, file: frame.src.file, globals: frame.ns };
      this.bind(frame, name, c, loc);
    }
  }

  private execRaise(n: Node, frame: Frame, loc: SourceLoc): void {
    const e = codeChildren(n)[0];
    let exc = 'Exception';
    let msg = '';
    if (e) {
      const callee = e.type === 'call' ? e.childForFieldName('function') : e;
      if (callee) exc = callee.text.split('.').pop() ?? callee.text;
      if (e.type === 'call') {
        const first = codeChildren(e.childForFieldName('arguments') ?? e)[0];
        if (first) {
          const v = this.ev(first, this.scope(frame));
          msg = isConcrete(v) ? pyStr(v) : oneLine(first.text);
        }
      }
    }
    this.raise(frame, exc, msg, loc);
  }

  // imports

  private moduleValue(name: string, res: Resolution): V {
    if (res === 'external') return { t: 'ext', name };
    if (res === 'missing') return unk(`module ${name} is not in the repository`);
    this.sources.set(res.file, res);
    return { t: 'module', name: res.module, file: res.file };
  }

  private execImport(n: Node, frame: Frame, loc: SourceLoc): void {
    for (const item of n.childrenForFieldName('name')) {
      const aliased = item.type === 'aliased_import';
      const dotted = aliased ? (item.childForFieldName('name')?.text ?? '') : item.text;
      const res = this.host.resolve(dotted, 0, frame.module);
      if (res === 'missing') {
        this.raise(frame, 'ModuleNotFoundError', `No module named '${dotted}'`, loc);
        return;
      }
      if (aliased) {
        const alias = item.childForFieldName('alias')?.text;
        if (alias) this.bind(frame, alias, this.moduleValue(dotted, res), loc);
      } else {
        const top = dotted.split('.')[0];
        const topRes = top === dotted ? res : this.host.resolve(top, 0, frame.module);
        this.bind(frame, top, this.moduleValue(top, topRes === 'missing' ? 'external' : topRes), loc);
      }
    }
  }

  private execImportFrom(n: Node, frame: Frame, loc: SourceLoc): void {
    const modNode = n.childForFieldName('module_name');
    if (!modNode) return;
    let level = 0;
    let name = modNode.text;
    if (modNode.type === 'relative_import') {
      const prefix = modNode.children.find((c) => c.type === 'import_prefix');
      level = prefix ? prefix.text.length : 0;
      name = modNode.children.find((c) => c.type === 'dotted_name')?.text ?? '';
    }
    const label = '.'.repeat(level) + name;
    const res = this.host.resolve(name, level, frame.module);
    if (res === 'missing') {
      this.raise(frame, 'ModuleNotFoundError', `No module named '${label}' in the repository`, loc);
      return;
    }
    const wildcard = n.children.some((c) => c.type === 'wildcard_import');
    if (wildcard) {
      if (res === 'external') {
        // Names from star imports outside the repository are unknown to the audit: say so, for absent settings.
        (frame.externalStars ??= []).push(label);
        return;
      }
      const r = this.evaluate(res);
      this.absorb(frame, r);
      if (r.failure) {
        frame.raised = r.failure;
        return;
      }
      const all = r.ns.get('__all__');
      const names = all && isList(all.v) && all.v.items.every((x) => typeof x === 'string') ? (all.v.items as string[]) : [...r.ns.keys()].filter((k) => !k.startsWith('_'));
      for (const k of names) {
        const b = r.ns.get(k);
        // Names a clean module defined keep their values even when the importing file is broken.
        if (b) frame.ns.set(k, b);
      }
      return;
    }
    for (const item of n.childrenForFieldName('name')) {
      const aliased = item.type === 'aliased_import';
      const sub = aliased ? (item.childForFieldName('name')?.text ?? '') : item.text;
      const alias = aliased ? (item.childForFieldName('alias')?.text ?? sub) : sub;
      if (res === 'external') {
        this.bind(frame, alias, { t: 'ext', name: name ? `${name}.${sub}` : sub }, loc);
        continue;
      }
      const r = this.evaluate(res);
      if (r.failure) {
        frame.raised = r.failure;
        return;
      }
      const b = r.ns.get(sub);
      if (b) {
        frame.ns.set(alias, frame.taint ? { ...b, v: unk(frame.taint) } : b);
        continue;
      }
      const subRes = this.host.resolve(name ? `${name}.${sub}` : sub, level, frame.module);
      if (subRes === 'missing' || subRes === 'external') {
        this.raise(frame, 'ImportError', `cannot import name '${sub}' from '${label}'`, loc);
        return;
      }
      this.bind(frame, alias, this.moduleValue(subRes.module, subRes), loc);
    }
  }

  /** What an imported module did to the process: os.environ changes and conditional failures. */
  private absorb(frame: Frame, r: ModuleResult): void {
    for (const g of r.guards) if (!frame.guards.includes(g)) frame.guards.push(g);
    for (const [k, o] of r.overrides) if (!frame.overrides.has(k) || o.mode === 'set') frame.overrides.set(k, o);
    for (const f of r.files) if (!frame.files.includes(f)) frame.files.push(f);
    for (const x of r.externalStars ?? []) if (!(frame.externalStars ??= []).includes(x)) frame.externalStars.push(x);
  }

  // control flow

  private fork(frame: Frame): Frame {
    return { ...frame, ns: new Map(frame.ns), guards: [...frame.guards], overrides: new Map(frame.overrides), raised: null, uncertain: 0, clobbered: new Map() };
  }

  private adopt(frame: Frame, other: Frame): void {
    frame.ns = other.ns;
    frame.guards = other.guards;
    frame.overrides = other.overrides;
    frame.raised = other.raised;
    frame.uncertain += other.uncertain;
  }

  private execIf(n: Node, frame: Frame): void {
    const clauses: { cond: Node | null; body: Node[] }[] = [];
    const cond = n.childForFieldName('condition');
    const cons = n.childForFieldName('consequence');
    clauses.push({ cond, body: cons ? codeChildren(cons) : [] });
    for (const alt of n.childrenForFieldName('alternative')) {
      const body = alt.childForFieldName('consequence') ?? alt.childForFieldName('body');
      clauses.push({ cond: alt.type === 'elif_clause' ? alt.childForFieldName('condition') : null, body: body ? codeChildren(body) : [] });
    }
    this.runClauses(clauses, 0, frame);
  }

  private runClauses(clauses: { cond: Node | null; body: Node[] }[], i: number, frame: Frame): void {
    if (i >= clauses.length) return;
    const c = clauses[i];
    if (!c.cond) {
      this.execBlock(c.body, frame);
      return;
    }
    const cv = this.ev(c.cond, this.scope(frame));
    if (isConcrete(cv)) {
      if (truthy(cv)) this.execBlock(c.body, frame);
      else this.runClauses(clauses, i + 1, frame);
      return;
    }
    const a = this.fork(frame);
    this.execBlock(c.body, a);
    const b = this.fork(frame);
    this.runClauses(clauses, i + 1, b);
    this.merge(frame, cv, `if ${oneLine(c.cond.text)}`, nodeLoc(frame.src.file, c.cond), a, b);
  }

  /**
   * Joins two branches run under a condition known only as a function of the environment (or not at all):
   * every name they bind differently becomes "branch A if cond else branch B".
   */
  private merge(frame: Frame, cond: V, condText: string, condLoc: SourceLoc, a: Frame, b: Frame): void {
    const condUnk = findUnk(cond);
    const baseGuards = frame.guards.length;
    if (a.raised && b.raised) {
      this.adopt(frame, a);
      return;
    }
    if (a.raised || b.raised) {
      const [raisingFrame, other, polarity] = a.raised ? [a, b, true] : [b, a, false];
      const r = raisingFrame.raised!;
      if (!condUnk) {
        frame.guards.push({
          vars: varsOf(cond),
          where: r.loc,
          test: (env) => {
            const c = resolve(cond, env);
            if (!c.ok) return c.exc === 'Unknown' ? null : c;
            return truthy(c.v) === polarity ? err(r.exc, r.msg) : null;
          },
        });
      }
      const guards = frame.guards;
      this.adopt(frame, other);
      frame.guards = [...guards, ...other.guards.slice(baseGuards)];
      return;
    }
    const ns = new Map(frame.ns);
    const names = new Set([...a.ns.keys(), ...b.ns.keys()]);
    for (const name of names) {
      const ba = a.ns.get(name);
      const bb = b.ns.get(name);
      if (ba === bb || (ba && bb && ba.v === bb.v)) {
        if (ba) ns.set(name, ba);
        continue;
      }
      const base = frame.ns.get(name);
      const shown = ba && ba !== base ? ba : (bb ?? ba)!;
      let v: V;
      if (condUnk) {
        const u = this.options.unionUnknownBranches ? unionLists(ba?.v, bb?.v, condText) : null;
        v = u ?? unk(`${name} is assigned under "${condText}" (${frame.src.file}:${condLoc.line}), which the audit could not evaluate: ${condUnk.reason}`);
      } else {
        v = select(cond, ba ? ba.v : raising('NameError', `name '${name}' is not defined`), bb ? bb.v : raising('NameError', `name '${name}' is not defined`));
      }
      ns.set(name, { v: frame.taint ? unk(frame.taint) : v, loc: shown.loc, module: shown.module });
    }
    // Under a condition that cannot be evaluated, nobody knows whether a branch's failure happens: dropped.
    const wrap = (g: Guard, polarity: boolean): Guard =>
      condUnk
        ? { ...g, test: () => null }
        : {
            vars: union(varsOf(cond), g.vars),
            where: g.where,
            test: (env) => {
              const c = resolve(cond, env);
              if (!c.ok || truthy(c.v) !== polarity) return null;
              return g.test(env);
            },
          };
    const guards = [...frame.guards, ...a.guards.slice(baseGuards).map((g) => wrap(g, true)), ...b.guards.slice(baseGuards).map((g) => wrap(g, false))];
    const overrides = new Map(frame.overrides);
    for (const k of new Set([...a.overrides.keys(), ...b.overrides.keys()])) {
      const oa = a.overrides.get(k);
      const ob = b.overrides.get(k);
      if (oa === ob) continue;
      if (oa && ob && oa.mode === ob.mode) overrides.set(k, { mode: oa.mode, v: condUnk ? unk(`os.environ['${k}'] is set under "${condText}"`) : select(cond, oa.v, ob.v) });
      else overrides.set(k, { mode: 'set', v: unk(`os.environ['${k}'] is set under "${condText}"`) });
    }
    frame.ns = ns;
    frame.guards = guards;
    frame.overrides = overrides;
    frame.uncertain += a.uncertain + b.uncertain;
  }

  private execTry(n: Node, frame: Frame, loc: SourceLoc): void {
    const body = n.childForFieldName('body');
    const handlers = n.namedChildren.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
    const elseClause = n.namedChildren.find((c) => c.type === 'else_clause');
    const finallyClause = n.namedChildren.find((c) => c.type === 'finally_clause');
    const handlerBody = (h: Node): Node[] => {
      const block = h.namedChildren.find((c) => c.type === 'block');
      return block ? codeChildren(block) : [];
    };
    const elseBody = (): Node[] => {
      const block = elseClause?.childForFieldName('body') ?? elseClause?.namedChildren.find((c) => c.type === 'block');
      return block ? codeChildren(block) : [];
    };
    const fb = this.fork(frame);
    const baseGuards = fb.guards.length;
    this.execBlock(body ? codeChildren(body) : [], fb);
    const newGuards = fb.guards.slice(baseGuards);
    if (fb.raised) {
      const h = handlers.find((x) => handlerMatches(x, fb.raised!.exc));
      if (h) {
        const fh = this.fork(fb);
        fh.raised = null;
        this.bindHandlerAlias(h, fh, loc);
        this.execBlock(handlerBody(h), fh);
        this.adopt(frame, fh);
      } else this.adopt(frame, fb);
    } else if (newGuards.length > 0 && handlers.length > 0) {
      // Some body statement raises for some environments: the handler runs exactly for those.
      const catches = (r: Result | null): boolean => !!r && !r.ok && handlers.some((h) => handlerMatches(h, r.exc));
      const probe = newGuards.map((g) => g.test(EMPTY_ENV)).find((r) => r !== null) ?? null;
      const h = handlers.find((x) => probe && !probe.ok && handlerMatches(x, probe.exc)) ?? handlers[0];
      this.execBlock(elseBody(), fb);
      // Failures in the else block are not caught by the handlers.
      const elseGuards = fb.guards.slice(baseGuards + newGuards.length);
      fb.guards = [
        ...fb.guards.slice(0, baseGuards),
        ...newGuards.map((g) => ({ ...g, test: (env: Env) => (catches(g.test(env)) ? null : g.test(env)) })),
        ...elseGuards,
      ];
      const fh = this.fork(frame);
      this.bindHandlerAlias(h, fh, loc);
      this.execBlock(handlerBody(h), fh);
      const cond: Sym = {
        t: 'sym',
        vars: union(...newGuards.map((g) => g.vars)),
        fn: (env) => ok(newGuards.some((g) => catches(g.test(env)))),
      };
      this.merge(frame, cond, `except in the try at line ${loc.line}`, loc, fh, fb);
    } else if (fb.uncertain > 0 && handlers.some((h) => namesAssignedIn(h).length > 0)) {
      // The body calls something the audit does not evaluate: whether the handler runs is unknown.
      this.execBlock(elseBody(), fb);
      const fh = this.fork(frame);
      this.bindHandlerAlias(handlers[0], fh, loc);
      this.execBlock(handlerBody(handlers[0]), fh);
      this.merge(frame, unk('the try block calls code the audit does not evaluate'), `try/except`, loc, fh, fb);
    } else {
      this.adopt(frame, fb);
      if (!frame.raised) this.execBlock(elseBody(), frame);
    }
    if (finallyClause) {
      const raised = frame.raised;
      frame.raised = null;
      const block = finallyClause.namedChildren.find((c) => c.type === 'block');
      this.execBlock(block ? codeChildren(block) : [], frame);
      if (!frame.raised) frame.raised = raised;
    }
  }

  private bindHandlerAlias(h: Node, frame: Frame, loc: SourceLoc): void {
    const as = h.descendantsOfType('as_pattern_target')[0];
    if (as) this.bind(frame, as.text, unk('the caught exception'), loc);
  }

  private execFor(n: Node, frame: Frame, loc: SourceLoc): void {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    const body = n.childForFieldName('body');
    const alt = n.childForFieldName('alternative');
    if (!left || !right || !body) return;
    const it = this.ev(right, this.scope(frame));
    let items: V[] | null = null;
    if (isList(it)) items = it.items;
    else if (isDict(it)) items = it.keys;
    else if (typeof it === 'string') items = [...it];
    const hasJump = body.descendantsOfType(['break_statement', 'continue_statement']).length > 0;
    if (items && items.length <= 1000 && !hasJump) {
      for (const item of items) {
        this.assignTarget(left, item, frame, loc);
        this.execBlock(codeChildren(body), frame);
        if (frame.raised) return;
      }
      const altBody = alt?.childForFieldName('body');
      if (altBody) this.execBlock(codeChildren(altBody), frame);
      return;
    }
    const why = findUnk(it)?.reason ?? (hasJump ? 'the loop uses break/continue' : 'the loop iterates over a value computed from the environment');
    const reason = `assigned in the for loop at ${frame.src.file}:${loc.line}, which the audit could not unroll (${why})`;
    for (const name of namesAssignedIn(n)) {
      // `for p in settings.PLUGINS: urlpatterns += [...]`: the list known before the loop keeps its items, and
      // what the loop adds is an unknown item (only when asked: URLconfs, where known routes still count).
      const before = frame.ns.get(name)?.v;
      if (this.options.unionUnknownBranches && before !== undefined && isList(before) && onlyExtendedIn(body, name)) {
        this.bind(frame, name, { ...before, items: [...before.items, unk(`items added by ${reason}`)], locs: [...before.locs, null] }, loc);
      } else this.bind(frame, name, unk(reason), loc);
    }
  }

  private execWith(n: Node, frame: Frame, loc: SourceLoc): void {
    for (const target of n.descendantsOfType('as_pattern_target')) {
      for (const name of target.descendantsOfType('identifier')) this.bind(frame, name.text, unk(`the value of a with statement (${frame.src.file}:${loc.line})`), loc);
      if (target.namedChildCount === 0) this.bind(frame, target.text, unk(`the value of a with statement (${frame.src.file}:${loc.line})`), loc);
    }
    const body = n.childForFieldName('body');
    if (body) this.execBlock(codeChildren(body), frame);
  }

  // -------------------------------------------------------------------------------------------------------
  // expressions

  private lookup(name: string, s: Scope): V {
    for (let sc: Scope | null = s; sc; sc = sc.parent) {
      if (sc.locals?.has(name)) return sc.locals.get(name)!;
    }
    const b = s.frame.ns.get(name);
    if (b) return b.v;
    if (name === '__file__') return `${REPO_ROOT}/${s.frame.module.file}`;
    if (name === '__name__') return s.frame.module.module;
    if (name === '__package__') return s.frame.module.isPackage ? s.frame.module.module : s.frame.module.module.split('.').slice(0, -1).join('.');
    if (BUILTINS.has(name)) return { t: 'ext', name: `builtins.${name}` };
    return unk(`${name} is not defined in ${s.frame.src.file} (it may come from a star import the audit could not follow)`);
  }

  private ev(n: Node, s: Scope): V {
    switch (n.type) {
      case 'integer':
        return parseIntLiteral(n.text);
      case 'float': {
        if (/[jJ]$/.test(n.text)) return unk('complex numbers are not evaluated');
        return parseFloat(n.text.replace(/_/g, ''));
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'none':
        return null;
      case 'ellipsis':
        return { t: 'ext', name: 'builtins.Ellipsis' };
      case 'string':
        return this.evString(n, s);
      case 'concatenated_string': {
        const parts = codeChildren(n).map((p) => this.evString(p, s));
        return lift(parts, (...p) => ok(p.map((x) => pyStr(x)).join('')));
      }
      case 'identifier':
        return this.lookup(n.text, s);
      case 'attribute': {
        const obj = n.childForFieldName('object');
        const attr = n.childForFieldName('attribute');
        if (!obj || !attr) return unk('incomplete attribute');
        return this.getAttr(this.ev(obj, s), attr.text);
      }
      case 'subscript':
        return this.evSubscript(n, s);
      case 'call':
        return this.evCall(n, s);
      case 'list':
      case 'set':
      case 'tuple':
      case 'expression_list':
        return this.evSeq(n, s, n.type === 'list' ? 'list' : n.type === 'set' ? 'set' : 'tuple');
      case 'dictionary':
        return this.evDict(n, s);
      case 'parenthesized_expression': {
        const inner = codeChildren(n)[0];
        return inner ? this.ev(inner, s) : list([], 'tuple');
      }
      case 'binary_operator': {
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        const op = n.childForFieldName('operator')?.text ?? '';
        if (!l || !r) return unk('incomplete expression');
        return this.binop(op, this.ev(l, s), this.ev(r, s));
      }
      case 'unary_operator': {
        const arg = n.childForFieldName('argument');
        const op = n.childForFieldName('operator')?.text ?? n.children[0]?.text;
        if (!arg) return unk('incomplete expression');
        return lift([this.ev(arg, s)], (a) => {
          const x = typeof a === 'boolean' ? Number(a) : a;
          if (typeof x !== 'number') return err('TypeError', `bad operand type for unary ${op}`);
          return ok(op === '-' ? -x : op === '~' ? ~x : x);
        });
      }
      case 'not_operator': {
        const arg = n.childForFieldName('argument');
        if (!arg) return unk('incomplete expression');
        return lift([this.ev(arg, s)], (a) => ok(!truthy(a)));
      }
      case 'boolean_operator':
        return this.evBool(n, s);
      case 'comparison_operator':
        return this.evCompare(n, s);
      case 'conditional_expression': {
        const [a, c, b] = codeChildren(n);
        if (!a || !c || !b) return unk('incomplete expression');
        return select(this.ev(c, s), this.ev(a, s), this.ev(b, s));
      }
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
        return this.evComprehension(n, s);
      case 'lambda':
        return unk('a lambda is not evaluated');
      default:
        return unk(`${n.type.replace(/_/g, ' ')} is not evaluated`);
    }
  }

  private evString(n: Node, s: Scope): V {
    if (n.type === 'concatenated_string') return this.ev(n, s);
    const prefix = stringPrefix(n);
    const raw = prefix.includes('r');
    const fmt = prefix.includes('f');
    const parts: V[] = [];
    for (const c of n.namedChildren) {
      if (c.type === 'string_content') {
        let t = c.text;
        if (fmt) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        parts.push(raw ? t : decodeEscapes(t));
      } else if (c.type === 'interpolation') {
        const e = c.childForFieldName('expression');
        if (!e) return unk('empty f-string field');
        const conv = c.childForFieldName('type_conversion')?.text ?? c.namedChildren.find((x) => x.type === 'type_conversion')?.text;
        const spec = c.childForFieldName('format_specifier') ?? c.namedChildren.find((x) => x.type === 'format_specifier');
        if (spec && spec.text.replace(/^:/, '') !== '') return unk(`f-string format spec ${spec.text} is not evaluated`);
        const v = this.ev(e, s);
        parts.push(lift([v], (x) => ok(conv === '!r' ? pyRepr(x) : pyStr(x))));
      }
    }
    if (parts.length === 0) return '';
    return lift(parts, (...p) => ok(p.map((x) => pyStr(x)).join('')));
  }

  private evSeq(n: Node, s: Scope, t: 'list' | 'set' | 'tuple'): V {
    const items: V[] = [];
    const locs: (SourceLoc | null)[] = [];
    const spreads: V[] = [];
    for (const c of codeChildren(n)) {
      if (c.type === 'list_splat') {
        const inner = codeChildren(c)[0];
        const v = inner ? this.ev(inner, s) : unk('empty splat');
        if (isList(v)) {
          items.push(...v.items);
          locs.push(...v.locs);
        } else if (isDict(v)) {
          items.push(...v.keys);
          locs.push(...v.locs);
        } else {
          spreads.push(v);
          items.push(v);
          locs.push(nodeLoc(s.frame.src.file, c));
        }
        continue;
      }
      items.push(this.ev(c, s));
      locs.push(nodeLoc(s.frame.src.file, c));
    }
    if (spreads.length === 0) {
      if (t === 'set' && items.every(isConcrete)) {
        const out: PyList = { t: 'set', items: [], locs: [] };
        items.forEach((x, i) => {
          if (!out.items.some((y) => pyEq(x as Py, y as Py))) {
            out.items.push(x);
            out.locs.push(locs[i]);
          }
        });
        return out;
      }
      return { t, items, locs };
    }
    // `*computed` inside a display: build the list when the computed parts are known.
    const isSpread = items.map((x) => spreads.includes(x));
    return lift(items, (...vals) => {
      const out: V[] = [];
      for (let i = 0; i < vals.length; i++) {
        if (!isSpread[i]) out.push(vals[i]);
        else {
          const more = iterate(vals[i]);
          if (!more) return err('TypeError', 'value after * must be an iterable');
          out.push(...more);
        }
      }
      return ok(list(out, t));
    });
  }

  private evDict(n: Node, s: Scope): V {
    let out: PyDict = { t: 'dict', keys: [], vals: [], locs: [] };
    for (const c of codeChildren(n)) {
      if (c.type === 'pair') {
        const kn = c.childForFieldName('key');
        const vn = c.childForFieldName('value');
        if (!kn || !vn) continue;
        const k = this.ev(kn, s);
        if (!isConcrete(k)) return findUnk(k) ?? unk(`a dict key is computed from the environment (${oneLine(kn.text)})`);
        const v = this.ev(vn, s);
        const i = dictIndex(out, k);
        if (i >= 0) {
          out.vals[i] = v;
          out.locs[i] = nodeLoc(s.frame.src.file, c);
        } else {
          out.keys.push(k);
          out.vals.push(v);
          out.locs.push(nodeLoc(s.frame.src.file, c));
        }
      } else if (c.type === 'dictionary_splat') {
        const inner = codeChildren(c)[0];
        const v = inner ? this.ev(inner, s) : unk('empty splat');
        if (isDict(v)) out = mergeDicts(out, v);
        else {
          const before = out;
          return lift([before, v], (a, b) => (isDict(a) && isDict(b) ? ok(mergeDicts(a, b)) : err('TypeError', "'**' argument must be a mapping")));
        }
      }
    }
    return out;
  }

  private binop(op: string, a: V, b: V): V {
    if (op === '+' && isList(a) && isList(b) && a.t === b.t && a.t !== 'set') {
      return { t: a.t, items: [...a.items, ...b.items], locs: [...a.locs, ...b.locs] };
    }
    if (op === '|' && isDict(a) && isDict(b)) return mergeDicts(a, b);
    return lift([a, b], (x, y) => binaryOp(op, x, y));
  }

  private evBool(n: Node, s: Scope): V {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    const op = n.childForFieldName('operator')?.text ?? n.children.find((c) => !c.isNamed)?.text;
    if (!l || !r) return unk('incomplete expression');
    const a = this.ev(l, s);
    if (isConcrete(a)) {
      if (op === 'and') return truthy(a) ? this.ev(r, s) : a;
      return truthy(a) ? a : this.ev(r, s);
    }
    const b = this.ev(r, s);
    return op === 'and' ? select(a, b, a) : select(a, a, b);
  }

  private evCompare(n: Node, s: Scope): V {
    const operands: Node[] = [];
    const ops: string[] = [];
    for (const c of n.children) {
      if (c.type === 'comment') continue;
      if (c.isNamed) operands.push(c);
      else ops.push(c.text.replace(/\s+/g, ' '));
    }
    const vals = operands.map((o) => this.ev(o, s));
    let result: V | null = null;
    for (let i = 0; i < ops.length; i++) {
      const cmp = this.compare(ops[i], vals[i], vals[i + 1], s);
      result = result === null ? cmp : select(result, cmp, result);
    }
    return result ?? unk('empty comparison');
  }

  private compare(op: string, a: V, b: V, s: Scope): V {
    // `'X' in os.environ` reads the environment.
    if ((op === 'in' || op === 'not in') && typeof b === 'object' && b !== null && b.t === 'ext' && b.name === 'os.environ') {
      return this.envRead(s.frame, a, [], (raw) => ok(op === 'in' ? raw !== undefined : raw === undefined));
    }
    return lift([a, b], (x, y) => compareOp(op, x, y));
  }

  private evComprehension(n: Node, s: Scope): V {
    const body = n.childForFieldName('body');
    if (!body) return unk('incomplete comprehension');
    const clauses = codeChildren(n).filter((c) => c.type === 'for_in_clause' || c.type === 'if_clause');
    const kind = n.type === 'dictionary_comprehension' ? 'dict' : n.type === 'set_comprehension' ? 'set' : 'list';
    const loc = nodeLoc(s.frame.src.file, n);
    // Names the body reads are looked up when the comprehension runs; keep a snapshot of the namespace.
    const frame = { ...s.frame, ns: new Map(s.frame.ns) };
    const base: Scope = { ...s, frame };
    const run = (env: Env | null, seenVars: string[]): Result => {
      const items: V[] = [];
      const keys: Py[] = [];
      const fail = { r: null as Result | null };
      const conc = (v: V): V | null => {
        if (env === null) {
          if (!isConcrete(v)) {
            varsOf(v, seenVars);
            const u = findUnk(v);
            fail.r = u ? err('Unknown', u.reason) : err('NeedsEnv', 'depends on the environment');
            return null;
          }
          return v;
        }
        const r = resolve(v, env);
        if (!r.ok) {
          fail.r = r;
          return null;
        }
        return r.v;
      };
      const walk = (ci: number, sc: Scope): void => {
        if (fail.r || items.length > 10000) return;
        if (ci === clauses.length) {
          if (kind === 'dict') {
            const kn = body.childForFieldName('key');
            const vn = body.childForFieldName('value');
            if (!kn || !vn) return;
            const k = conc(this.ev(kn, sc));
            if (k === null) return;
            keys.push(k as Py);
            const v = this.ev(vn, sc);
            varsOf(v, seenVars);
            items.push(v);
          } else {
            const v = this.ev(body, sc);
            varsOf(v, seenVars);
            items.push(v);
          }
          return;
        }
        const c = clauses[ci];
        if (c.type === 'if_clause') {
          const cond = codeChildren(c)[0];
          const cv = cond ? conc(this.ev(cond, sc)) : true;
          if (cv === null) return;
          if (truthy(cv as Py)) walk(ci + 1, sc);
          return;
        }
        const left = c.childForFieldName('left');
        const right = c.childForFieldName('right');
        if (!left || !right) return;
        const it = conc(this.ev(right, sc));
        if (it === null) return;
        const elems = iterate(it as Py);
        if (!elems) {
          fail.r = err('TypeError', 'object is not iterable');
          return;
        }
        for (const e of elems) {
          const locals = new Map<string, V>();
          if (!bindPattern(left, e, locals)) {
            fail.r = err('Unknown', 'comprehension target is not evaluated');
            return;
          }
          walk(ci + 1, { frame, locals, parent: sc, callDepth: sc.callDepth });
        }
      };
      walk(0, base);
      if (fail.r) return fail.r;
      if (kind === 'dict') {
        const d: PyDict = { t: 'dict', keys: [], vals: [], locs: [] };
        keys.forEach((k, i) => {
          const j = dictIndex(d, k);
          if (j >= 0) d.vals[j] = items[i];
          else {
            d.keys.push(k);
            d.vals.push(items[i]);
            d.locs.push(loc);
          }
        });
        return env ? resolve(d, env) : ok(d);
      }
      const l = list(items, kind === 'set' ? 'set' : 'list', items.map(() => loc));
      return env ? resolve(l, env) : ok(l);
    };
    const probeVars: string[] = [];
    const direct = run(null, probeVars);
    if (direct.ok) return direct.v;
    if (direct.exc === 'Unknown') return unk(direct.msg);
    if (direct.exc !== 'NeedsEnv') return raising(direct.exc, direct.msg);
    // An iterable or condition depends on the environment: run it again for each environment asked.
    // The variables read are those met with every variable unset (branches taken only for other values
    // may read more; they still compute correctly, only the reported variable list may be short).
    const vars: string[] = [...probeVars];
    run(EMPTY_ENV, vars);
    return { t: 'sym', vars, fn: (env) => run(env, []) };
  }

  private evSubscript(n: Node, s: Scope): V {
    const valueNode = n.childForFieldName('value');
    const subs = n.childrenForFieldName('subscript');
    if (!valueNode || subs.length === 0) return unk('incomplete subscript');
    const value = this.ev(valueNode, s);
    const sub = subs[0];
    if (sub.type === 'slice') {
      const parts: (Node | null)[] = [null, null, null];
      let idx = 0;
      for (const c of sub.children) {
        if (c.type === ':') idx++;
        else if (c.isNamed && c.type !== 'comment') parts[idx] = c;
      }
      const vals = parts.map((p) => (p ? this.ev(p, s) : null));
      return lift([value, vals[0], vals[1], vals[2]], (v, a, b, c) => sliceOf(v, a, b, c));
    }
    const key = subs.length > 1 ? this.evSeq(n, s, 'tuple') : this.ev(sub, s);
    if (typeof value === 'object' && value !== null && value.t === 'ext' && value.name === 'os.environ') {
      return this.envRead(s.frame, key, [], (raw, _d, name) => (raw === undefined ? err('KeyError', `'${name}'`) : ok(raw)));
    }
    if (isDict(value) && isConcrete(key)) {
      const i = dictIndex(value, key);
      return i >= 0 ? value.vals[i] : raising('KeyError', pyRepr(key));
    }
    if (isList(value) && value.t !== 'set' && typeof key === 'number') {
      const i = key < 0 ? value.items.length + key : key;
      return i >= 0 && i < value.items.length ? value.items[i] : raising('IndexError', 'list index out of range');
    }
    return lift([value, key], (v, k) => getItem(v, k));
  }

  private getAttr(obj: V, name: string): V {
    if (isUnk(obj)) return obj;
    if (isSym(obj)) {
      return lift([obj], (o) => {
        if (typeof o === 'object' && o !== null && o.t === 'path') return pathAttr(o, name) ?? err('Unknown', `.${name} is not evaluated`);
        return err('Unknown', `.${name} of a computed value is not evaluated`);
      });
    }
    if (typeof obj !== 'object' || obj === null) return unk(`.${name} of ${pyRepr(obj)} is not evaluated`);
    switch (obj.t) {
      case 'ext':
        if (obj.name === 'django.conf.settings' && this.options.settings) return this.options.settings(name);
        if (obj.name === 'sys.argv' || (obj.name === 'sys' && name === 'argv')) return list(['gunicorn']);
        return { t: 'ext', name: `${obj.name}.${name}` };
      case 'module':
        return this.moduleAttr(obj, name);
      case 'path':
        return pathAttr(obj, name)?.ok ? (pathAttr(obj, name) as { ok: true; v: Py }).v : unk(`.${name} of a path is not evaluated`);
      case 'obj':
        return this.objAttr(obj, name);
      default:
        return unk(`.${name} of ${pyRepr(obj)} is not evaluated`);
    }
  }

  private moduleAttr(m: PyModuleRef, name: string): V {
    const src = this.sources.get(m.file);
    if (!src) return unk(`module ${m.name} could not be read`);
    const r = this.evaluate(src);
    const b = r.ns.get(name);
    if (b) return b.v;
    const sub = this.host.resolve(`${m.name}.${name}`, 0, src);
    if (sub !== 'missing' && sub !== 'external') return this.moduleValue(sub.module, sub);
    return unk(`module ${m.name} has no attribute ${name}`);
  }

  private objAttr(o: PyObj, name: string): V {
    if (o.cls === 'router' && name === 'urls') {
      const regs = o.attrs.registrations as { prefix: V; viewset: V; node: Node; file: string }[];
      const slash = o.attrs.trailingSlash !== false;
      return list(
        regs.map((r) => ({
          t: 'obj',
          cls: 'route',
          attrs: {
            kind: 'router',
            pattern: lift([r.prefix], (p) => ok(pyStr(p) ? `${pyStr(p).replace(/^\^/, '')}${slash ? '/' : ''}` : ''))  ,
            view: r.viewset,
            viewNode: codeChildren(r.node.childForFieldName('arguments') ?? r.node)[1] ?? null,
            call: r.node,
            file: r.file,
          },
        })),
      );
    }
    if (o.cls === 'environ.Env' && name === 'NOTSET') return { t: 'ext', name: 'environ.Env.NOTSET' };
    return unk(`.${name} of ${o.cls} is not evaluated`);
  }

  private evArgs(argsNode: Node | null, s: Scope): { args: V[]; kwargs: Map<string, V>; bad: string | null } {
    const args: V[] = [];
    const kwargs = new Map<string, V>();
    let bad: string | null = null;
    if (!argsNode) return { args, kwargs, bad };
    if (argsNode.type === 'generator_expression') return { args: [this.ev(argsNode, s)], kwargs, bad };
    for (const c of codeChildren(argsNode)) {
      if (c.type === 'keyword_argument') {
        const k = c.childForFieldName('name')?.text;
        const v = c.childForFieldName('value');
        if (k && v) kwargs.set(k, this.ev(v, s));
      } else if (c.type === 'list_splat') {
        const inner = codeChildren(c)[0];
        const v = inner ? this.ev(inner, s) : null;
        if (v !== null && isList(v)) args.push(...v.items);
        else bad = `*${inner?.text ?? ''} arguments are not evaluated`;
      } else if (c.type === 'dictionary_splat') {
        const inner = codeChildren(c)[0];
        const v = inner ? this.ev(inner, s) : null;
        if (v !== null && isDict(v) && v.keys.every((k) => typeof k === 'string')) v.keys.forEach((k, i) => kwargs.set(k as string, v.vals[i]));
        else bad = `**${inner?.text ?? ''} arguments are not evaluated`;
      } else args.push(this.ev(c, s));
    }
    return { args, kwargs, bad };
  }

  private evCall(n: Node, s: Scope): V {
    const fnNode = n.childForFieldName('function');
    const argsNode = n.childForFieldName('arguments');
    if (!fnNode) return unk('incomplete call');
    const { args, kwargs, bad } = this.evArgs(argsNode, s);
    if (bad) return unk(bad);
    if (fnNode.type === 'attribute') {
      const objNode = fnNode.childForFieldName('object');
      const method = fnNode.childForFieldName('attribute')?.text ?? '';
      if (!objNode) return unk('incomplete call');
      return this.callMethod(this.ev(objNode, s), method, args, kwargs, n, s);
    }
    return this.callValue(this.ev(fnNode, s), args, kwargs, n, s);
  }

  private unsupported(s: Scope, what: string): Unk {
    s.frame.uncertain++;
    return unk(what);
  }

  private callMethod(obj: V, method: string, args: V[], kwargs: Map<string, V>, n: Node, s: Scope): V {
    if (isUnk(obj)) return obj;
    if (typeof obj === 'object' && obj !== null && !isSym(obj)) {
      switch (obj.t) {
        case 'ext':
          if (method === 'as_view') return { t: 'obj', cls: 'view', attrs: { view: obj } };
          return this.callExt(`${obj.name}.${method}`, args, kwargs, n, s);
        case 'module':
          return this.callValue(this.moduleAttr(obj, method), args, kwargs, n, s);
        case 'class':
          if (method === 'as_view') return { t: 'obj', cls: 'view', attrs: { view: obj } };
          return this.unsupported(s, `${obj.name}.${method}() is not evaluated`);
        case 'obj':
          return this.objMethod(obj, method, args, kwargs, n, s);
        case 'func':
          return this.unsupported(s, `${obj.name}.${method}() is not evaluated`);
        case 'path': {
          if (!args.every(isConcrete)) break;
          const r = pathMethod(obj, method, args as Py[]);
          if (r) return r.ok ? r.v : r.exc === 'Unknown' ? unk(r.msg) : raising(r.exc, r.msg);
          return this.unsupported(s, `Path.${method}() is not evaluated (it depends on the filesystem)`);
        }
        default:
          break;
      }
    }
    // dict.get on a dict whose values may be computed: keep the value as it is.
    if (isDict(obj) && method === 'get' && isConcrete(args[0])) {
      const i = dictIndex(obj, args[0]);
      return i >= 0 ? obj.vals[i] : (args[1] ?? kwargs.get('default') ?? null);
    }
    const kwKeys = [...kwargs.keys()];
    return lift([obj, ...args, ...kwargs.values()], (o, ...rest) => {
      const a = rest.slice(0, args.length);
      const kw = new Map(kwKeys.map((k, i) => [k, rest[args.length + i]]));
      if (typeof o === 'object' && o !== null && o.t === 'path') return pathMethod(o, method, a) ?? err('Unknown', `Path.${method}() is not evaluated`);
      const r = valueMethod(o, method, a, kw);
      if (r) return r;
      const m = mutateConcrete(o, method, a, kw);
      if (m && !('ok' in m)) return ok(m.ret);
      if (m) return m;
      // None, numbers and booleans have none of the str/list/dict methods: Python raises.
      if (o === null || typeof o === 'number' || typeof o === 'boolean') return err('AttributeError', `'${o === null ? 'NoneType' : typeof o === 'boolean' ? 'bool' : Number.isInteger(o) ? 'int' : 'float'}' object has no attribute '${method}'`);
      return err('Unknown', `.${method}() on ${typeof o === 'string' ? 'a string' : pyRepr(o).slice(0, 40)} is not evaluated`);
    });
  }

  private callValue(callee: V, args: V[], kwargs: Map<string, V>, n: Node, s: Scope): V {
    if (isUnk(callee)) return callee;
    if (isSym(callee)) return this.unsupported(s, 'calls a value computed from the environment');
    if (typeof callee !== 'object' || callee === null) return raising('TypeError', `'${pyRepr(callee)}' object is not callable`);
    switch (callee.t) {
      case 'ext':
        return this.callExt(callee.name, args, kwargs, n, s);
      case 'func':
        return this.callUser(callee, args, kwargs, s);
      case 'class':
        return this.unsupported(s, `an instance of ${callee.name} (${callee.file}:${lineOf(callee.node)}) is not evaluated`);
      case 'obj':
        return this.objCall(callee, args, kwargs, n, s);
      case 'path':
        // environ.Path instances are callable: root('static') joins.
        return lift([callee, ...args], (...p) => makePath(p));
      default:
        return this.unsupported(s, `${pyRepr(callee)} is not callable`);
    }
  }

  // user functions: straight-line bodies (assignments, if, return) are evaluated with their arguments

  private callUser(f: PyFunc, args: V[], kwargs: Map<string, V>, s: Scope): V {
    const where = `${f.file}:${lineOf(f.node)}`;
    const fail = (why: string) => {
      // What the function may have changed at module level is unknown too.
      for (const name of globalsChangedBy(f.node)) {
        if (f.globals.has(name)) s.frame.clobbered.set(name, `${name} may be changed by ${f.name}() (${where}), which the audit does not evaluate`);
      }
      return this.unsupported(s, `${f.name}() (defined at ${where}) ${why}`);
    };
    if (s.callDepth > 6) return fail('calls too deep to evaluate');
    const body = f.node.childForFieldName('body');
    const params = f.node.childForFieldName('parameters');
    if (!body || !params) return fail('could not be read');
    if (f.node.parent?.type === 'decorated_definition') return fail('is decorated, so it is not evaluated');
    const moduleSrc = this.sources.get(f.file) ?? s.frame.module;
    const frame: Frame = { ...s.frame, ns: f.globals, src: moduleSrc, module: moduleSrc, taint: null };
    const locals = new Map<string, V>();
    const fnScope: Scope = { frame, locals, parent: null, callDepth: s.callDepth + 1 };
    if (!this.bindParams(params, args, kwargs, locals, fnScope)) return fail('is called with arguments the audit could not match');
    let stmts = codeChildren(body);
    if (stmts[0]?.type === 'expression_statement' && codeChildren(stmts[0])[0]?.type === 'string') stmts = stmts.slice(1);
    const r = this.runFn(stmts, fnScope, 0);
    if (r === null) return fail('is not a straight-line function, so the audit does not evaluate it');
    return r;
  }

  private bindParams(params: Node, args: V[], kwargs: Map<string, V>, locals: Map<string, V>, s: Scope): boolean {
    let pos = 0;
    const used = new Set<string>();
    for (const p of codeChildren(params)) {
      switch (p.type) {
        case 'identifier':
        case 'typed_parameter': {
          const name = p.type === 'identifier' ? p.text : (p.namedChildren.find((c) => c.type === 'identifier')?.text ?? '');
          if (pos < args.length) locals.set(name, args[pos++]);
          else if (kwargs.has(name)) locals.set(name, kwargs.get(name)!);
          else return false;
          used.add(name);
          break;
        }
        case 'default_parameter':
        case 'typed_default_parameter': {
          const name = p.childForFieldName('name')?.text ?? '';
          const dv = p.childForFieldName('value');
          if (pos < args.length) locals.set(name, args[pos++]);
          else if (kwargs.has(name)) locals.set(name, kwargs.get(name)!);
          else locals.set(name, dv ? this.ev(dv, { ...s, locals: null }) : null);
          used.add(name);
          break;
        }
        case 'list_splat_pattern': {
          const name = codeChildren(p)[0]?.text;
          if (name) locals.set(name, list(args.slice(pos), 'tuple'));
          pos = args.length;
          break;
        }
        case 'dictionary_splat_pattern': {
          const name = codeChildren(p)[0]?.text;
          const rest = [...kwargs].filter(([k]) => !used.has(k));
          if (name) locals.set(name, dict(rest));
          break;
        }
        default:
          break;
      }
    }
    return pos >= args.length;
  }

  private runFn(stmts: Node[], s: Scope, depth: number): V | null {
    if (depth > 20) return null;
    for (let i = 0; i < stmts.length; i++) {
      const st = stmts[i];
      switch (st.type) {
        case 'expression_statement': {
          for (const e of codeChildren(st)) {
            if (e.type === 'assignment') {
              const left = e.childForFieldName('left');
              const right = e.childForFieldName('right');
              if (!left || left.type !== 'identifier' || !right) return null;
              s.locals!.set(left.text, this.ev(right, s));
            } else if (e.type === 'augmented_assignment') {
              const left = e.childForFieldName('left');
              const right = e.childForFieldName('right');
              const op = (e.childForFieldName('operator')?.text ?? '+=').replace(/=$/, '');
              if (!left || left.type !== 'identifier' || !right) return null;
              s.locals!.set(left.text, this.binop(op, this.lookup(left.text, s), this.ev(right, s)));
            } else if (e.type === 'string' || e.type === 'concatenated_string') continue;
            else return null;
          }
          break;
        }
        case 'return_statement': {
          const e = codeChildren(st)[0];
          return e ? this.ev(e, s) : null;
        }
        case 'pass_statement':
        case 'comment':
          break;
        case 'raise_statement': {
          const e = codeChildren(st)[0];
          const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
          const exc = callee ? (callee.text.split('.').pop() ?? 'Exception') : 'Exception';
          const first = e?.type === 'call' ? codeChildren(e.childForFieldName('arguments') ?? e)[0] : undefined;
          const mv = first ? this.ev(first, s) : '';
          return raising(exc, isConcrete(mv) ? pyStr(mv) : oneLine(first?.text ?? ''));
        }
        case 'try_statement': {
          // try: return os.environ[name] / except KeyError: raise ImproperlyConfigured(...) (Two Scoops helper).
          const rest = stmts.slice(i + 1);
          const body = st.childForFieldName('body');
          const handlers = st.namedChildren.filter((c) => c.type === 'except_clause');
          if (!body || handlers.length === 0 || st.namedChildren.some((c) => c.type === 'finally_clause' || c.type === 'else_clause')) return null;
          const bodyStmts = codeChildren(body);
          if (!bodyStmts.some((b) => b.type === 'return_statement')) return null;
          const bv = this.runFn(bodyStmts, { ...s, locals: new Map(s.locals) }, depth + 1);
          if (bv === null || isUnk(bv)) return null;
          if (isConcrete(bv)) return bv;
          const hs: { h: Node; v: V }[] = [];
          for (const h of handlers) {
            const block = h.namedChildren.find((c) => c.type === 'block');
            const locals = new Map(s.locals);
            const alias = h.descendantsOfType('as_pattern_target')[0];
            if (alias) locals.set(alias.text, unk('the caught exception'));
            const hv = this.runFn([...(block ? codeChildren(block) : []), ...rest], { ...s, locals }, depth + 1);
            if (hv === null) return null;
            hs.push({ h, v: hv });
          }
          return {
            t: 'sym',
            vars: union(varsOf(bv), ...hs.map((x) => varsOf(x.v))),
            fn: (env) => {
              const r = resolve(bv, env);
              if (r.ok) return r;
              const match = hs.find((x) => handlerMatches(x.h, r.exc));
              return match ? resolve(match.v, env) : r;
            },
          };
        }
        case 'if_statement': {
          const rest = stmts.slice(i + 1);
          const clauses: { cond: Node | null; body: Node[] }[] = [];
          const cons = st.childForFieldName('consequence');
          clauses.push({ cond: st.childForFieldName('condition'), body: cons ? codeChildren(cons) : [] });
          for (const alt of st.childrenForFieldName('alternative')) {
            const b = alt.childForFieldName('consequence') ?? alt.childForFieldName('body');
            clauses.push({ cond: alt.type === 'elif_clause' ? alt.childForFieldName('condition') : null, body: b ? codeChildren(b) : [] });
          }
          return this.runFnClauses(clauses, 0, rest, s, depth);
        }
        default:
          return null;
      }
    }
    return null; // falling off the end returns None
  }

  private runFnClauses(clauses: { cond: Node | null; body: Node[] }[], ci: number, rest: Node[], s: Scope, depth: number): V | null {
    if (ci >= clauses.length) return this.runFn(rest, { ...s, locals: new Map(s.locals) }, depth + 1);
    const c = clauses[ci];
    if (!c.cond) return this.runFn([...c.body, ...rest], { ...s, locals: new Map(s.locals) }, depth + 1);
    const cv = this.ev(c.cond, s);
    if (isConcrete(cv)) {
      return truthy(cv) ? this.runFn([...c.body, ...rest], { ...s, locals: new Map(s.locals) }, depth + 1) : this.runFnClauses(clauses, ci + 1, rest, s, depth);
    }
    if (isUnk(cv)) return null;
    const a = this.runFn([...c.body, ...rest], { ...s, locals: new Map(s.locals) }, depth + 1);
    const b = this.runFnClauses(clauses, ci + 1, rest, s, depth);
    if (a === null || b === null) return null;
    return select(cv, a, b);
  }

  // -------------------------------------------------------------------------------------------------------
  // environment reads

  /**
   * A read of one environment variable: `compute` gets the raw string (undefined = unset) and the resolved
   * dependencies (defaults), and returns what the library computes.
   */
  private envRead(frame: Frame, nameV: V, deps: V[], compute: (raw: string | undefined, deps: Py[], name: string) => Result, lazyDeps = false): V {
    const nameUnk = findUnk(nameV);
    if (nameUnk) return nameUnk;
    if (isSym(nameV)) return unk('the environment variable name is itself computed from the environment');
    if (typeof nameV !== 'string') return raising('TypeError', 'str expected, not ' + pyRepr(nameV as Py));
    const name = nameV;
    // lazyDeps: the dependencies (a default) matter only when the variable is unset, so an unknown default
    // (get_random_secret_key()) leaves the value known whenever the variable is set.
    for (const d of lazyDeps ? [] : deps) {
      const u = findUnk(d);
      if (u) return u;
    }
    const ov = frame.overrides.get(name);
    const readVars = ov?.mode === 'set' ? varsOf(ov.v) : ov ? [name, ...varsOf(ov.v)] : [name];
    const vars = union(readVars, ...deps.map((d) => varsOf(d)));
    const fn = (env: Env): Result => {
      let raw: string | undefined;
      if (ov?.mode === 'set') {
        const r = resolve(ov.v, env);
        if (!r.ok) return r;
        raw = pyStr(r.v);
      } else {
        raw = env(name);
        if (raw === undefined && ov) {
          const r = resolve(ov.v, env);
          if (!r.ok) return r;
          raw = pyStr(r.v);
        }
      }
      const ds: Py[] = [];
      if (lazyDeps && raw !== undefined) return compute(raw, deps.map(() => null), name);
      for (const d of deps) {
        const r = resolve(d, env);
        if (!r.ok) return r;
        ds.push(r.v);
      }
      return compute(raw, ds, name);
    };
    if (vars.length === 0) {
      const r = fn(EMPTY_ENV);
      return r.ok ? r.v : raising(r.exc, r.msg);
    }
    return { t: 'sym', vars, fn };
  }

  private callExt(name: string, args: V[], kwargs: Map<string, V>, n: Node, s: Scope): V {
    const frame = s.frame;
    const a0 = arg(args, kwargs, 0, '');
    switch (name) {
      case 'os.environ.get':
      case 'os.getenv':
      case 'os.environ.__getitem__': {
        const key = arg(args, kwargs, 0, 'key') ?? unk('missing variable name');
        const dflt = arg(args, kwargs, 1, 'default') ?? null;
        return this.envRead(frame, key, [dflt], (raw, [d]) => ok(raw !== undefined ? raw : d), true);
      }
      case 'os.environ.setdefault': {
        const key = arg(args, kwargs, 0, 'key');
        const dflt = arg(args, kwargs, 1, 'default') ?? null;
        if (typeof key === 'string' && frame.overrides.get(key)?.mode !== 'set' && !frame.overrides.has(key)) {
          frame.overrides.set(key, { mode: 'default', v: dflt });
        }
        return this.envRead(frame, key ?? unk('missing variable name'), [], (raw) => ok(raw ?? null));
      }
      case 'os.environ.copy':
      case 'os.environ.keys':
      case 'os.environ.items':
      case 'os.environ.values':
        return this.unsupported(s, 'reads the whole environment');
      case 'os.environ.update':
        return null;
      case 'os.makedirs':
      case 'os.mkdir':
      case 'sys.path.append':
      case 'sys.path.insert':
      case 'warnings.filterwarnings':
      case 'warnings.simplefilter':
      case 'logging.basicConfig':
      case 'logging.config.dictConfig':
      case 'mimetypes.add_type':
        return null;
      // Env files are read by the deployment's environment, which the audit collects separately.
      case 'environ.Env.read_env':
      case 'environ.FileAwareEnv.read_env':
      case 'dotenv.load_dotenv':
      case 'dotenv.read_dotenv':
      case 'dotenv.main.load_dotenv':
        return null;
      case 'pathlib.Path':
      case 'pathlib.PurePath':
      case 'pathlib.PosixPath':
      case 'pathlib.PurePosixPath':
      case 'environ.Path':
        return lift(args, (...p) => makePath(p));
      case 'environ.Env':
      case 'environ.FileAwareEnv':
      case 'environ.environ.Env':
        return makeEnviron(kwargs);
      case 'environ.Env.db_url_config':
        return lift(args, (u) => environDbUrl(u));
      case 'environ.Env.cache_url_config':
        return lift(args, (u) => environCacheUrl(u));
      case 'decouple.config':
      case 'decouple.AutoConfig':
        if (name === 'decouple.AutoConfig') return { t: 'obj', cls: 'decouple.config', attrs: {} };
        return decoupleRead(this.reader(frame), args, kwargs);
      case 'decouple.Config':
      case 'decouple.RepositoryEnv':
      case 'decouple.RepositoryIni':
      case 'decouple.RepositoryEmpty':
        return { t: 'obj', cls: 'decouple.config', attrs: {} };
      case 'decouple.Csv':
        return { t: 'obj', cls: 'decouple.Csv', attrs: { cast: arg(args, kwargs, 0, 'cast') ?? { t: 'ext', name: 'builtins.str' }, delimiter: arg(args, kwargs, 1, 'delimiter') ?? ',', strip: arg(args, kwargs, 2, 'strip') ?? ' \t\n\r\x0b\x0c', post: arg(args, kwargs, 3, 'post_process') ?? null } };
      case 'decouple.Choices':
        return { t: 'obj', cls: 'decouple.Choices', attrs: { flat: arg(args, kwargs, 0, 'flat') ?? null, cast: arg(args, kwargs, 1, 'cast') ?? { t: 'ext', name: 'builtins.str' } } };
      case 'dj_database_url.config': {
        const envName = arg(args, kwargs, 0, 'env') ?? 'DATABASE_URL';
        const deps = djOptions(args, kwargs, 1);
        return this.envRead(frame, envName, deps, (raw, [d, eng, cma, chc, dssc, ssl]) =>
          djDatabaseConfig(raw, d, { engine: typeof eng === 'string' ? eng : null, connMaxAge: cma, connHealthChecks: chc, disableServerSideCursors: dssc, sslRequire: truthy(ssl) }),
        );
      }
      case 'dj_database_url.parse': {
        const url = arg(args, kwargs, 0, 'url') ?? unk('missing URL');
        const deps = djOptions(args, kwargs, 0).slice(1);
        return lift([url, ...deps], (u, eng, cma, chc, dssc, ssl) =>
          djDatabaseParse(u, { engine: typeof eng === 'string' ? eng : null, connMaxAge: cma, connHealthChecks: chc, disableServerSideCursors: dssc, sslRequire: truthy(ssl) }),
        );
      }
      case 'distutils.util.strtobool':
      case 'setuptools._distutils.util.strtobool':
        return lift(args.slice(0, 1), (v) => strtobool(v));
      case 'json.loads':
        return lift(args.slice(0, 1), (v) => (typeof v === 'string' ? parseJson(v) : err('TypeError', 'the JSON object must be str')));
      case 'ast.literal_eval':
        return lift(args.slice(0, 1), (v) => (typeof v === 'string' ? this.literalEval(v) : ok(v)));
      case 'django.utils.translation.gettext_lazy':
      case 'django.utils.translation.ugettext_lazy':
      case 'django.utils.translation.gettext':
      case 'django.utils.translation.ugettext':
      case 'django.utils.translation.gettext_noop':
        return a0 ?? '';
      case 'django.core.management.utils.get_random_secret_key':
        return unk('a random key generated each time the settings load');
      case 'django.conf.urls.static.static':
      case 'django.contrib.staticfiles.urls.staticfiles_urlpatterns':
        // static() routes only exist when DEBUG is on, never in a production deployment.
        return list([]);
      case 'django.conf.urls.i18n.i18n_patterns':
        return list(args.filter((x) => !isList(x)).concat(args.filter(isList).flatMap((x) => x.items)));
      case 'django.urls.include':
      case 'django.conf.urls.include':
        return { t: 'obj', cls: 'include', attrs: { target: a0 ?? unk('include() without a target'), node: n, file: frame.src.file } };
      case 'rest_framework.routers.DefaultRouter':
      case 'rest_framework.routers.SimpleRouter':
      case 'rest_framework_nested.routers.DefaultRouter':
      case 'rest_framework_nested.routers.SimpleRouter': {
        const ts = kwargs.get('trailing_slash');
        return { t: 'obj', cls: 'router', attrs: { registrations: [], trailingSlash: ts === undefined ? true : ts !== false && ts !== '' } };
      }
      case 'split_settings.tools.include':
        return this.splitInclude(args, frame, n);
      case 'split_settings.tools.optional':
        return { t: 'obj', cls: 'optional', attrs: { pattern: a0 } };
      default:
        break;
    }
    const kind = URL_FUNCS[name];
    if (kind) {
      const all = codeChildren(n.childForFieldName('arguments') ?? n);
      const argNodes = all.filter((c) => c.type !== 'keyword_argument');
      const viewKw = all.find((c) => c.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'view')?.childForFieldName('value');
      return {
        t: 'obj',
        cls: 'route',
        attrs: {
          kind,
          pattern: arg(args, kwargs, 0, 'route') ?? arg(args, kwargs, 0, 'regex') ?? unk('missing route'),
          view: arg(args, kwargs, 1, 'view') ?? unk('missing view'),
          viewNode: argNodes[1] ?? viewKw ?? null,
          call: n,
          file: frame.src.file,
        },
      };
    }
    if (name.startsWith('os.path.')) {
      const fn = name.slice('os.path.'.length);
      if (['exists', 'isfile', 'isdir', 'expanduser', 'getsize', 'islink'].includes(fn)) return this.unsupported(s, `os.path.${fn}() depends on the server's filesystem`);
      return lift(args, (...a) => osPath(fn, a) ?? err('Unknown', `os.path.${fn}() is not evaluated`));
    }
    if (name.startsWith('builtins.str.')) return this.callMethod(args[0] ?? '', name.slice('builtins.str.'.length), args.slice(1), kwargs, n, s);
    if (name.startsWith('builtins.')) return this.callBuiltin(name.slice('builtins.'.length), args, kwargs, s);
    return this.unsupported(s, `${name}() is not evaluated`);
  }

  private literalEval(text: string): Result {
    const tree = parsePython('<literal>', text);
    if (tree.syntaxError) return err('SyntaxError', 'invalid syntax');
    const stmt = codeChildren(tree.root)[0];
    const e = stmt ? codeChildren(stmt)[0] : undefined;
    if (!e) return err('SyntaxError', 'invalid syntax');
    const src: ModuleSource = { file: '<literal>', module: '<literal>', isPackage: false, tree };
    const frame: Frame = { module: src, src, ns: new Map(), guards: [], overrides: new Map(), raised: null, taint: null, files: [], uncertain: 0, includeDepth: 0, clobbered: new Map() };
    const v = this.ev(e, this.scope(frame));
    return resolve(v, EMPTY_ENV);
  }

  private callBuiltin(name: string, args: V[], kwargs: Map<string, V>, s: Scope): V {
    switch (name) {
      case 'getattr': {
        const [obj, attr, dflt] = args;
        if (typeof attr !== 'string') return this.unsupported(s, 'getattr() with a computed name is not evaluated');
        if (typeof obj === 'object' && obj !== null && !isSym(obj) && obj.t === 'ext' && obj.name === 'django.conf.settings' && this.options.settings) {
          const v = this.options.settings(attr);
          return isUnk(v) && dflt !== undefined && /not set|not defined/.test(v.reason) ? dflt : v;
        }
        return this.getAttr(obj ?? unk('getattr() without an object'), attr);
      }
      case 'open':
        return this.unsupported(s, 'open() reads a file on the server');
      case 'eval':
        // eval() of an environment string ("True", "0", "['a']"): Python literals evaluate as literals.
        return lift(args.slice(0, 1), (v) => {
          if (typeof v !== 'string') return ok(v);
          const r = this.literalEval(v);
          return !r.ok && r.exc === 'Unknown' ? err('NameError', `eval() of ${JSON.stringify(v)}: ${r.msg}`) : r;
        });
      case 'exec':
      case 'compile':
      case '__import__':
      case 'setattr':
      case 'delattr':
        return this.unsupported(s, `${name}() is not evaluated`);
      case 'isinstance':
      case 'hasattr':
      case 'callable':
      case 'type':
      case 'globals':
      case 'locals':
      case 'vars':
      case 'iter':
      case 'next':
      case 'hash':
      case 'id':
        return this.unsupported(s, `${name}() is not evaluated`);
      case 'filter':
      case 'map': {
        const [fnV, it] = args;
        if (fnV === undefined || it === undefined) return unk(`${name}() needs two arguments`);
        const apply = simpleCallable(fnV);
        if (!apply && !(name === 'filter' && fnV === null)) return this.unsupported(s, `${name}() with this function is not evaluated`);
        return lift([it], (x) => {
          const items = iterate(x);
          if (!items) return err('TypeError', 'object is not iterable');
          const out: Py[] = [];
          for (const item of items as Py[]) {
            if (name === 'filter') {
              if (fnV === null) {
                if (truthy(item)) out.push(item);
                continue;
              }
              const r = apply!(item);
              if (!r.ok) return r;
              if (truthy(r.v)) out.push(item);
            } else {
              const r = apply!(item);
              if (!r.ok) return r;
              out.push(r.v);
            }
          }
          return ok(list(out));
        });
      }
      default: {
        const kwKeys = [...kwargs.keys()];
        return lift([...args, ...kwargs.values()], (...all) => {
          const a = all.slice(0, args.length);
          const kw = new Map(kwKeys.map((k, i) => [k, all[args.length + i]]));
          return builtinCall(name, a, kw) ?? err('Unknown', `${name}() is not evaluated`);
        });
      }
    }
  }

  /** A callable usable inside map()/filter() and as a cast: builtins and str methods. */
  /** The environment reads of a frame, as the library models see them. */
  private reader(frame: Frame): EnvReader {
    return { read: (nameV, deps, compute, lazyDeps) => this.envRead(frame, nameV, deps, compute, lazyDeps) };
  }

  private objCall(o: PyObj, args: V[], kwargs: Map<string, V>, n: Node, s: Scope): V {
    switch (o.cls) {
      case 'environ.Env':
        return environRead(this.reader(s.frame), o, arg(args, kwargs, 0, 'var'), environCast(arg(args, kwargs, 1, 'cast')), arg(args, kwargs, 2, 'default'), truthy((arg(args, kwargs, 3, 'parse_default') ?? false) as Py));
      case 'decouple.config':
        return decoupleRead(this.reader(s.frame), args, kwargs);
      case 'decouple.Csv':
      case 'decouple.Choices': {
        const cast = decoupleCast(o);
        if (!cast) return this.unsupported(s, 'a decouple cast the audit does not model');
        return lift(args.slice(0, 1), (v) => cast(v));
      }
      default:
        return this.unsupported(s, `calling ${o.cls} is not evaluated (${oneLine(n.text, 40)})`);
    }
  }

  private objMethod(o: PyObj, method: string, args: V[], kwargs: Map<string, V>, n: Node, s: Scope): V {
    if (o.cls === 'environ.Env') {
      const r = environMethod(this.reader(s.frame), o, method, args, kwargs);
      return r === undefined ? this.unsupported(s, `env.${method}() is not evaluated`) : r;
    }
    if (o.cls === 'decouple.config' && (method === 'get' || method === '__call__')) return decoupleRead(this.reader(s.frame), args, kwargs);
    if (o.cls === 'router' && method === 'register') {
      (o.attrs.registrations as unknown[]).push({ prefix: arg(args, kwargs, 0, 'prefix') ?? '', viewset: arg(args, kwargs, 1, 'viewset') ?? unk('missing viewset'), node: n, file: s.frame.src.file });
      return null;
    }
    return this.unsupported(s, `${o.cls}.${method}() is not evaluated`);
  }

  // django-split-settings

  private splitInclude(args: V[], frame: Frame, n: Node): V {
    if (frame.includeDepth > 10) return unk('split-settings includes nest too deep');
    const loc = nodeLoc(frame.src.file, n);
    for (const a of args) {
      let pattern: V = a;
      let optional = false;
      if (typeof a === 'object' && a !== null && !isSym(a) && !isUnk(a) && a.t === 'obj' && a.cls === 'optional') {
        pattern = a.attrs.pattern as V;
        optional = true;
      }
      if (typeof pattern !== 'string') return unk('a split-settings include pattern the audit could not compute');
      const files = this.host.include(pattern, frame.src);
      if (files.length === 0 && !optional) {
        this.raise(frame, 'OSError', `No such file matches the pattern ${pattern}`, loc);
        return null;
      }
      for (const f of files) {
        if (frame.raised) return null;
        this.sources.set(f.file, f);
        frame.includeDepth++;
        this.execFile(f, frame);
        frame.includeDepth--;
      }
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------

/** In urls mode: a list grown in one branch keeps its extra items, routes marked with the condition. */
/** Every assignment to `name` in `body` is `name += ...` (the loop only adds to the list). */
function onlyExtendedIn(body: Node, name: string): boolean {
  const plain = body.descendantsOfType('assignment').some((a) => a.childForFieldName('left')?.text === name);
  const added = body.descendantsOfType('augmented_assignment').filter((a) => a.childForFieldName('left')?.text === name);
  return !plain && added.length > 0 && added.every((a) => a.childForFieldName('operator')?.text === '+=');
}

function unionLists(a: V | undefined, b: V | undefined, condText: string): V | null {
  // `if settings.DEBUG: urlpatterns += debug_toolbar_urls()`: the branch that could not be read adds an unknown
  // item, and the routes known on both paths stay listed.
  if (a && b && isList(a) !== isList(b) && (isUnk(a) || isUnk(b))) {
    const known = (isList(a) ? a : b) as PyList;
    const lost = (isUnk(a) ? a : b) as Extract<V, { reason: string }>;
    return { ...known, items: [...known.items, unk(`items added under "${condText}" could not be read: ${lost.reason}`)], locs: [...known.locs, null] };
  }
  if (!a || !b || !isList(a) || !isList(b)) return null;
  const [long, short] = a.items.length >= b.items.length ? [a, b] : [b, a];
  if (!short.items.every((x, i) => long.items[i] === x)) return null;
  const items = long.items.map((x, i) => (i < short.items.length ? x : markCondition(x, condText)));
  return { t: long.t, items, locs: long.locs };
}

function markCondition(x: V, cond: string): V {
  if (typeof x === 'object' && x !== null && !isSym(x) && !isUnk(x) && x.t === 'obj' && x.cls === 'route' && !x.attrs.condition) {
    return { ...x, attrs: { ...x.attrs, condition: cond } };
  }
  return x;
}

function parseIntLiteral(text: string): V {
  const t = text.replace(/_/g, '').toLowerCase();
  if (/[jl]$/.test(t)) return unk('complex or long literals are not evaluated');
  if (t.startsWith('0x')) return parseInt(t.slice(2), 16);
  if (t.startsWith('0o')) return parseInt(t.slice(2), 8);
  if (t.startsWith('0b')) return parseInt(t.slice(2), 2);
  return Number(t);
}

function parseJson(text: string): Result {
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

export type { Binding, V, Py, PyObj, Sym, Unk, Result, Env };
