// Turns an evaluated settings module into Setting facts: literal, from one environment variable, or unknown.
import type { SourceLoc } from '../../core/types/located.js';
import type { EnvSource, Setting, SettingValue } from '../../facts/django.js';
import type { Guard, ModuleResult } from './evaluator.js';
import { type Env, type Result, type V, err, findUnk, isConcrete, isDict, isList, isSym, resolve, toOutcome, toPyValue, varsOf } from './value.js';

/** Django reads only the upper-case names of a settings module (`str.isupper()`). */
export function isSettingName(name: string): boolean {
  return /[A-Z]/.test(name) && !/[a-z]/.test(name);
}

export interface SettingsOptions {
  /** Directory holding manage.py (for "<BASE_DIR>" paths). */
  projectRoot: string;
  /** The production value of an environment variable, when the repository gives one. */
  production: (name: string) => EnvSource | undefined;
}

const MAX_KEYS = 400;

/** The settings namespace of a module, with what each value is in production. */
export function extractSettings(result: ModuleResult, opts: SettingsOptions): Record<string, Setting> {
  const out: Record<string, Setting> = {};
  for (const [name, b] of result.ns) {
    if (!isSettingName(name)) continue;
    const setting: Setting = { name, value: settingValue(b.v, b.loc, result.guards, opts), module: b.module };
    const keys: Record<string, SettingValue> = {};
    collectKeys(b.v, '', keys, result.guards, opts, 0);
    if (Object.keys(keys).length > 0) setting.keys = keys;
    out[name] = setting;
  }
  return out;
}

/** Applies the module's conditional failures (`if not X: raise ...`) that depend only on `vars`. */
function guarded(v: V, vars: string[], guards: Guard[], loc: SourceLoc): (env: Env) => Result {
  // The value's own statement raising is already what resolve() returns.
  const relevant = guards.filter((g) => g.vars.length > 0 && g.vars.every((x) => vars.includes(x)) && !(g.where.file === loc.file && g.where.line === loc.line));
  return (env) => {
    for (const g of relevant) {
      const r = g.test(env);
      if (r && !r.ok) return err(r.exc, `${r.msg}${r.msg ? ' ' : ''}(raised at ${g.where.file}:${g.where.line})`);
    }
    return resolve(v, env);
  };
}

/** What a value is for the facts: literal, computed from one environment variable, or unknown. */
export function settingValue(v: V, loc: SourceLoc, guards: Guard[], opts: SettingsOptions): SettingValue {
  const u = findUnk(v);
  if (u) return { kind: 'unknown', reason: u.reason, loc };
  const vars = varsOf(v);
  if (typeof v === 'object' && v !== null && (v.t === 'func' || v.t === 'class' || v.t === 'module' || v.t === 'obj' || v.t === 'ext')) {
    const what = v.t === 'ext' ? `${v.name} (defined outside the repository)` : v.t === 'obj' ? `a ${v.cls} object` : `a ${v.t === 'func' ? 'function' : v.t} (${v.name})`;
    return { kind: 'unknown', reason: `the value is ${what}, not plain data`, loc };
  }
  if (vars.length === 0) {
    if (isConcrete(v)) return { kind: 'literal', value: toPyValue(v, opts.projectRoot), loc };
    const r = resolve(v, () => undefined);
    if (r.ok) return { kind: 'literal', value: toPyValue(r.v, opts.projectRoot), loc };
    const o = toOutcome(r, opts.projectRoot);
    return { kind: 'unknown', reason: o.ok ? 'could not be computed' : `evaluating it raises ${o.reason}`, loc };
  }
  if (vars.length > 1) {
    const all = guarded(v, vars, guards, loc);
    // Not specialised to production values of some variables: from-env means one variable, and a value
    // computed from a production secret must not read as written in the settings.
    return {
      kind: 'unknown',
      reason: `computed from several environment variables (${vars.join(', ')})`,
      loc,
      envVars: vars,
      evaluate: (env) => toOutcome(all((n) => env[n]), opts.projectRoot),
    };
  }
  const envVar = vars[0];
  const fn = guarded(v, vars, guards, loc);
  const whenSet = (raw: string) => toOutcome(fn((n) => (n === envVar ? raw : undefined)), opts.projectRoot);
  const source = opts.production(envVar);
  return {
    kind: 'from-env',
    envVar,
    whenUnset: toOutcome(fn(() => undefined), opts.projectRoot),
    whenSet,
    production: source ? { source, value: whenSet(source.value) } : null,
    loc,
  };
}

function collectKeys(v: V, prefix: string, out: Record<string, SettingValue>, guards: Guard[], opts: SettingsOptions, depth: number): void {
  if (depth > 6) return;
  if (isSym(v)) {
    // Keys assigned into a computed dict (`DATABASES['default']['CONN_MAX_AGE'] = ...` after env.db()).
    for (const p of v.patches ?? []) {
      if (Object.keys(out).length >= MAX_KEYS) return;
      const path = [prefix, ...p.path.map((k) => (typeof k === 'string' ? k : String(toPyValue(k, opts.projectRoot))))].filter(Boolean).join('.');
      out[path] = settingValue(p.value, p.loc, guards, opts);
    }
    return;
  }
  const add = (key: string, item: V, loc: SourceLoc | null) => {
    if (Object.keys(out).length >= MAX_KEYS) return;
    const path = prefix ? `${prefix}.${key}` : key;
    if (loc) out[path] = settingValue(item, loc, guards, opts);
    collectKeys(item, path, out, guards, opts, depth + 1);
  };
  if (isDict(v)) v.keys.forEach((k, i) => add(typeof k === 'string' ? k : String(toPyValue(k, opts.projectRoot)), v.vals[i], v.locs[i]));
  else if (isList(v)) v.items.forEach((item, i) => add(String(i), item, v.locs[i]));
}
