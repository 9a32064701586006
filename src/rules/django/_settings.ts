// Shared reading of the resolved production settings for the Django rules: Django's defaults, env-aware resolution
// (literal / production env value / default / unknown), Python truthiness and repr, the Django version in use.
import type { SourceLoc } from '../../core/types/located.js';
import type { Absence } from '../../core/types/rule.js';
import type { DjangoProject, EnvSource, Outcome, PyValue, Setting, SettingsChoice } from '../../facts/django.js';

/** A Django project whose production settings were chosen and evaluated. */
export interface ProdProject {
  project: DjangoProject;
  choice: SettingsChoice;
  /** The production settings file ("mysite/settings/prod.py"). */
  file: string;
  /** The production settings module ("mysite.settings.prod"). */
  module: string;
  /** Django version bounds from the declared dependencies. */
  version: VersionRange;
}

/** The subset of the rule context the iteration needs (any rule's context fits). */
interface Reporter {
  unknown(target: string, reason: string): void;
  notApplicable(reason: string): void;
}

/**
 * The projects every Django rule judges: one per Django project with a chosen, evaluable production settings module.
 * Reports not-applicable when the repository has no Django project, and unknown for a project whose settings could not
 * be chosen or evaluated (never a silent skip).
 */
export function productionProjects(django: readonly DjangoProject[], ctx: Reporter): ProdProject[] {
  if (django.length === 0) {
    ctx.notApplicable('no Django project (manage.py / settings module) in the repository');
    return [];
  }
  const out: ProdProject[] = [];
  for (const project of django) {
    const where = project.root === '' ? 'the repository root' : project.root;
    if (project.settingsProblem) {
      ctx.unknown(project.production?.file ?? (project.root || 'django'), `Django settings could not be evaluated: ${project.settingsProblem}`);
      continue;
    }
    if (!project.production) {
      ctx.unknown(project.root || 'django', `no production settings module could be identified for the Django project in ${where}`);
      continue;
    }
    out.push({
      project,
      choice: project.production,
      file: project.production.file,
      module: project.production.module,
      version: djangoVersion(project),
    });
  }
  return out;
}

/** The check target for a setting of a project: "<settings file>#<NAME>". */
export function targetOf(p: ProdProject, name: string): string {
  return `${p.file}#${name}`;
}

/** Evidence for a setting that is not assigned anywhere in the production settings (Django's default applies). */
export function absentSetting(p: ProdProject, name: string, extra = ''): Absence {
  return { absentIn: p.file, note: `${name} is not set in ${p.file} or the modules it imports${extra ? `; ${extra}` : ''}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Django's defaults (django/conf/global_settings.py). Only the settings the rules judge; version-dependent ones
// are resolved by defaultOf().

const DEFAULTS: Record<string, PyValue> = {
  DEBUG: false,
  SECRET_KEY: '',
  SECRET_KEY_FALLBACKS: [],
  ALLOWED_HOSTS: [],
  SECURE_SSL_REDIRECT: false,
  SECURE_HSTS_SECONDS: 0,
  SECURE_HSTS_INCLUDE_SUBDOMAINS: false,
  SECURE_HSTS_PRELOAD: false,
  SECURE_PROXY_SSL_HEADER: null,
  SESSION_COOKIE_SECURE: false,
  SESSION_COOKIE_HTTPONLY: true,
  CSRF_COOKIE_SECURE: false,
  CSRF_USE_SESSIONS: false,
  CSRF_TRUSTED_ORIGINS: [],
  MEDIA_ROOT: '',
  MEDIA_URL: '',
  STATIC_ROOT: null,
  STATIC_URL: null,
  LOGGING: {},
  EMAIL_BACKEND: 'django.core.mail.backends.smtp.EmailBackend',
  ADMINS: [],
  MIDDLEWARE: [],
  INSTALLED_APPS: [],
  DATABASES: {},
};

/**
 * Django's default for a setting, for the Django version in use. Three defaults changed over time:
 * SECURE_CONTENT_TYPE_NOSNIFF (True since 3.0), X_FRAME_OPTIONS ('DENY' since 3.0), SECURE_REFERRER_POLICY
 * ('same-origin' since 3.1), SECURE_CROSS_ORIGIN_OPENER_POLICY ('same-origin', added in 4.0).
 * An unknown version is taken as a supported one (Django < 3.2 has been out of support since 2022).
 */
export function defaultOf(name: string, version: VersionRange = UNKNOWN_VERSION): PyValue {
  const older = (major: number, minor: number) => atLeast(version, [major, minor]) === false;
  switch (name) {
    case 'SECURE_CONTENT_TYPE_NOSNIFF':
      return !older(3, 0);
    case 'X_FRAME_OPTIONS':
      return older(3, 0) ? 'SAMEORIGIN' : 'DENY';
    case 'SECURE_REFERRER_POLICY':
      return older(3, 1) ? null : 'same-origin';
    case 'SECURE_CROSS_ORIGIN_OPENER_POLICY':
      return older(4, 0) ? null : 'same-origin';
    default:
      return name in DEFAULTS ? DEFAULTS[name] : null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Resolution.

/** How a decided value came about. */
export type How =
  /** Assigned literally in the settings. */
  | 'literal'
  /** Computed from the production environment value found in the repository. */
  | 'production-env'
  /** Computed from the code's default for an unset env var (only when the caller asks to judge defaults). */
  | 'default'
  /** The judged aspect is the same whatever the env var holds (e.g. the handler classes of a LOGGING dict). */
  | 'any-env-value';

export type Judged<T> =
  /** Not assigned anywhere: Django's default applies. */
  | { state: 'missing'; result: T; value: PyValue }
  | {
      state: 'decided';
      result: T;
      value: PyValue;
      how: How;
      /** The assignment in the settings. */
      loc: SourceLoc;
      envVar: string | null;
      /** The production env value used, when how = 'production-env'. */
      source: EnvSource | null;
    }
  | {
      state: 'unknown';
      reason: string;
      loc: SourceLoc | null;
      /** The judged aspect was seen to change with the env var's value (it is computed from the environment). */
      envDependent?: boolean;
    };

export interface JudgeOptions {
  /**
   * Judge the code's default when no production value is known. Only DEBUG does this: a DEBUG that defaults to
   * True is a finding even when production might set it (the spec); for every other setting the default is not
   * what production runs and the answer is unknown.
   */
  judgeDefault?: boolean;
  /** Production values from example/template env files are placeholders, not production (secrets). */
  ignoreExampleSources?: boolean;
  /** Production values of environment variables, for settings computed from several of them. */
  productionEnv?: Readonly<Record<string, EnvSource>>;
  /** More raw values to try: literals the settings compare values with (`== "smtp"`). */
  extraProbes?: readonly string[];
}

/**
 * Raw env values tried to see whether the judged aspect depends on the env var at all. Sampling cannot prove
 * independence in general, so the samples cover what the rules look at: booleans and numbers as strings, host
 * lists, wildcards, e-mail addresses, URLs with credentials, dotted backend paths, header pairs.
 */
const PROBES = [
  '',
  '0',
  '1',
  'False',
  'True',
  'false',
  'true',
  'x',
  '*',
  '31536000',
  'example.com,www.example.com',
  'ops@shop-company.io',
  'https://shop.example.org',
  'postgres://user:pass@db:5432/app',
  'django.core.mail.backends.console.EmailBackend',
  'DENY',
  'HTTP_X_FORWARDED_PROTO,https',
];

/** Env files that only illustrate a configuration: their values are placeholders. */
export function isExampleSource(source: EnvSource): boolean {
  const file = source.at.loc.file.toLowerCase();
  const base = file.slice(file.lastIndexOf('/') + 1);
  return /(example|sample|template|dist|tmpl)/.test(base);
}

/**
 * An example that is not about production (`.env.example`, `TEMPLATE.env`): it illustrates every environment at
 * once, often a developer's (DEBUG=true), so its values say nothing of what production runs. A production template
 * (`.env.production.example`, cookiecutter's `.envs/.production/.django.example`) does.
 */
export function isGenericExample(source: EnvSource): boolean {
  return isExampleSource(source) && !/(^|[^a-z])(prod|production)([^a-z]|$)/i.test(source.at.loc.file);
}

/** Whether a production env value may be judged (examples per the options; generic examples never). */
function usableSource(source: EnvSource, opts: JudgeOptions): boolean {
  return !isGenericExample(source) && !(opts.ignoreExampleSources && isExampleSource(source));
}

/**
 * Resolves a setting of the production settings and judges one aspect of it with `fn`.
 * Order: literal → production env value → an aspect that no env value changes → (DEBUG only) the code's default
 * → unknown with the reason. A value that was not seen is never judged.
 */
export function judge<T>(p: ProdProject, name: string, fn: (v: PyValue) => T, opts: JudgeOptions = {}): Judged<T> {
  const hidden = mayBeHidden(p, name);
  if (hidden) return { state: 'unknown', reason: hidden, loc: null };
  return judgeSetting(p.project.settings[name], name, fn, defaultOf(name, p.version), { productionEnv: p.project.productionEnv, extraProbes: p.project.comparedLiterals, ...opts });
}

/**
 * Why an absent setting cannot be called absent: a star import the audit could not follow (a module outside the
 * repository) may define it. Null when the setting is assigned, or nothing unread could set it.
 */
export function mayBeHidden(p: ProdProject, name: string): string | null {
  const unread = p.project.unreadStarImports ?? [];
  if (p.project.settings[name] || unread.length === 0) return null;
  return `${name} is not set in the settings files read, but ${unread.map((m) => `\`from ${m} import *\``).join(', ')} (not in the repository) may set it`;
}

/**
 * A setting computed from several environment variables (`DJANGO_ENV` choosing the settings, then `DEBUG`): with
 * production values for all of them but one, it is a setting of that one variable; with all of them, a production
 * value. Null when two or more have no production value (or the value cannot be evaluated per variable).
 */
function narrowed(setting: Setting, opts: JudgeOptions): Setting | null {
  const v = setting.value;
  if (v.kind !== 'unknown' || !v.envVars || !v.evaluate) return null;
  const env = opts.productionEnv ?? {};
  const usable = (n: string) => env[n] && usableSource(env[n], opts);
  const known = v.envVars.filter(usable);
  const free = v.envVars.filter((n) => !usable(n));
  if (known.length === 0 || free.length > 1) return null;
  const base: Record<string, string | undefined> = Object.fromEntries(known.map((n) => [n, env[n].value]));
  const evaluate = v.evaluate;
  if (free.length === 0) {
    // Every variable has a production value: the first one stands for them in messages and evidence.
    const whenSet = () => evaluate(base);
    return { ...setting, value: { kind: 'from-env', envVar: known[0], whenUnset: whenSet(), whenSet, production: { source: env[known[0]], value: whenSet() }, loc: v.loc } };
  }
  const whenSet = (raw: string) => evaluate({ ...base, [free[0]]: raw });
  return { ...setting, value: { kind: 'from-env', envVar: free[0], whenUnset: evaluate(base), whenSet, production: null, loc: v.loc } };
}

/** As judge(), for a Setting already looked up (undefined = not assigned) with the default given. */
export function judgeSetting<T>(
  setting: Setting | undefined,
  name: string,
  fn: (v: PyValue) => T,
  dflt: PyValue,
  opts: JudgeOptions = {},
): Judged<T> {
  if (!setting) return { state: 'missing', result: fn(dflt), value: dflt };
  const v = (narrowed(setting, opts) ?? setting).value;
  if (v.kind === 'literal') return { state: 'decided', result: fn(v.value), value: v.value, how: 'literal', loc: v.loc, envVar: null, source: null };
  if (v.kind === 'unknown') return { state: 'unknown', reason: `${name} could not be evaluated (${v.reason})`, loc: v.loc };
  // A setting assigned only on some paths (`if os.environ.get("HTTPS") == "true": SECURE_SSL_REDIRECT = True`) is
  // Django's default on the others: that is a value to judge, not a failure to drop.
  const unbound = (o: Outcome): Outcome => (!o.ok && new RegExp(`name '${name}' is not defined`).test(o.reason) ? { ok: true, value: dflt } : o);
  const production = v.production && usableSource(v.production.source, opts) ? v.production : null;
  if (production) {
    const out = unbound(production.value);
    if (out.ok) {
      return { state: 'decided', result: fn(out.value), value: out.value, how: 'production-env', loc: v.loc, envVar: v.envVar, source: production.source };
    }
    return {
      state: 'unknown',
      reason: `${name} could not be computed from the production value of ${v.envVar} (${production.source.origin}): ${out.reason}`,
      loc: v.loc,
    };
  }
  // A branch chosen by `VAR == "smtp"` is only reached with that very value: the compared literals are tried too.
  const probes = [...new Set([...PROBES, ...(opts.extraProbes ?? [])])];
  const outcomes: Outcome[] = [v.whenUnset, ...probes.map((raw) => safeWhenSet(v.whenSet, raw))].map(unbound);
  const ok = outcomes.filter((o): o is { ok: true; value: PyValue } => o.ok);
  // A value that raises in Python (int("x")) cannot be production's; one the audit could not compute could be.
  const uncomputed = outcomes.find((o): o is { ok: false; reason: string } => !o.ok && !PYTHON_EXCEPTION.test(o.reason));
  let envDependent = false;
  if (ok.length > 0 && uncomputed) {
    envDependent = true;
  } else if (ok.length > 0) {
    const results = ok.map((o) => fn(o.value));
    const first = JSON.stringify(results[0]);
    if (results.every((r) => JSON.stringify(r) === first)) {
      return { state: 'decided', result: results[0], value: ok[0].value, how: 'any-env-value', loc: v.loc, envVar: v.envVar, source: null };
    }
    envDependent = true;
  }
  const whenUnset = outcomes[0];
  if (opts.judgeDefault && whenUnset.ok) {
    return { state: 'decided', result: fn(whenUnset.value), value: whenUnset.value, how: 'default', loc: v.loc, envVar: v.envVar, source: null };
  }
  const dfltText = whenUnset.ok ? `the default is ${pyRepr(whenUnset.value)}` : `it has no default (${whenUnset.reason})`;
  return {
    state: 'unknown',
    reason: `${name} depends on env var ${v.envVar}; no production value found in the repository; ${dfltText}`,
    loc: v.loc,
    envDependent,
  };
}

/** An outcome that failed the way Python would ("ValueError: ..."), as opposed to one the audit could not compute. */
const PYTHON_EXCEPTION = /^[A-Z][A-Za-z]*(Error|Exception|Exit|Interrupt|Warning):/;

function safeWhenSet(whenSet: (raw: string) => Outcome, raw: string): Outcome {
  try {
    return whenSet(raw);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The production env source of a decided value, as extra evidence for a finding. */
export function sourceEvidence(j: Judged<unknown>): { loc: SourceLoc; value: string }[] {
  return j.state === 'decided' && j.source ? [j.source.at] : [];
}

/**
 * A phrase saying how the value came about, for messages: "is True", "is True (DEBUG='1' from compose
 * docker-compose.yml service web)". `hideValue` keeps secrets out of messages.
 */
export function howText(j: Judged<unknown>, hideValue = false): string {
  const repr = hideValue ? 'set' : pyRepr(j.state === 'unknown' ? null : j.value);
  switch (j.state) {
    case 'missing':
      return `is not set, so Django's default ${repr} applies`;
    case 'unknown':
      return `could not be resolved (${j.reason})`;
    case 'decided':
      switch (j.how) {
        case 'literal':
          return hideValue ? 'is set literally in the settings' : `is ${repr}`;
        case 'production-env':
          return `is ${repr} (${j.envVar}=${hideValue ? '***' : pyRepr(j.source?.value ?? '')} from ${j.source?.origin ?? 'the production environment'})`;
        case 'default':
          return `is ${repr} whenever ${j.envVar} is unset (no production value for ${j.envVar} was found in the repository)`;
        case 'any-env-value':
          return `is ${repr} whatever ${j.envVar} holds`;
      }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Python values.

/**
 * The literal string a setting falls back to when its variable is unset, or null: none, empty, or "None", which is
 * what `str(os.getenv("X"))` gives for an unset variable rather than a value anyone committed.
 */
export function committedFallback(o: Outcome): string | null {
  return o.ok && typeof o.value === 'string' && o.value !== '' && o.value !== 'None' ? o.value : null;
}

/** Python truthiness of an evaluated value. */
export function truthy(v: PyValue): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}

/** A short Python repr for messages ("True", "'DENY'", "['*']"), cut when long. */
export function pyRepr(v: PyValue, max = 80): string {
  const s = repr(v);
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

function repr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `'${k}': ${repr(x)}`)
    .join(', ')}}`;
}

/** A list or tuple of strings (tuples evaluate to arrays), else null. A bare string is not a list. */
export function stringList(v: PyValue): string[] | null {
  if (!Array.isArray(v)) return null;
  return v.every((x) => typeof x === 'string') ? (v as string[]) : null;
}

/** A dict, else null. */
export function dict(v: PyValue | undefined): Record<string, PyValue> | null {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : null;
}

// ---------------------------------------------------------------------------------------------------------------
// MIDDLEWARE and INSTALLED_APPS.

export const SECURITY_MIDDLEWARE = 'django.middleware.security.SecurityMiddleware';
export const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';
export const XFRAME_MIDDLEWARE = 'django.middleware.clickjacking.XFrameOptionsMiddleware';
export const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';

/**
 * The MIDDLEWARE list (MIDDLEWARE_CLASSES before Django 1.10 when MIDDLEWARE is absent).
 * result is null when the value is not a list of strings.
 */
export function middleware(p: ProdProject): Judged<string[] | null> & { setting: string } {
  const name = !p.project.settings.MIDDLEWARE && p.project.settings.MIDDLEWARE_CLASSES ? 'MIDDLEWARE_CLASSES' : 'MIDDLEWARE';
  return { ...judge(p, name, stringList), setting: name };
}

/**
 * Whether a middleware is in MIDDLEWARE: true/false, or the reason it cannot be told. Membership is judged on
 * its own, so a list that only grows under a condition (`if DEBUG: MIDDLEWARE.insert(0, toolbar)`) still answers.
 */
export function hasMiddleware(p: ProdProject, dotted: string): { has: boolean; loc: SourceLoc | null } | { reason: string } {
  const name = !p.project.settings.MIDDLEWARE && p.project.settings.MIDDLEWARE_CLASSES ? 'MIDDLEWARE_CLASSES' : 'MIDDLEWARE';
  const m = judge(p, name, (v) => stringList(v)?.includes(dotted) ?? null);
  if (m.state === 'unknown') return { reason: m.reason };
  if (m.result === null) return { reason: `${name} is not a list of strings (${pyRepr(m.value)})` };
  return { has: m.result, loc: m.state === 'decided' ? m.loc : null };
}

/**
 * INSTALLED_APPS as a list of strings, or the reason it cannot be read. When the list depends on an environment
 * variable with no production value (`if DEBUG: INSTALLED_APPS += ["debug_toolbar"]`), the apps installed
 * whatever it holds are returned.
 */
export function installedApps(p: ProdProject): { apps: string[]; loc: SourceLoc | null } | { reason: string } {
  const j = judge(p, 'INSTALLED_APPS', stringList);
  if (j.state === 'unknown') {
    const lists = possibleValues(p, 'INSTALLED_APPS')?.map(stringList);
    if (!lists || lists.length === 0 || lists.some((l) => l === null)) return { reason: j.reason };
    const [first, ...rest] = lists as string[][];
    return { apps: first.filter((a) => rest.every((l) => l.includes(a))), loc: j.loc };
  }
  if (j.result === null) return { reason: `INSTALLED_APPS is not a list of strings (${pyRepr(j.value)})` };
  return { apps: j.result, loc: j.state === 'decided' ? j.loc : null };
}

/** Every value an env-dependent setting can take (unset, and the probe values), or null when one cannot be computed. */
function possibleValues(p: ProdProject, name: string): PyValue[] | null {
  const v = p.project.settings[name]?.value;
  if (!v || v.kind !== 'from-env') return null;
  const outcomes: Outcome[] = [v.whenUnset, ...PROBES.map((raw) => safeWhenSet(v.whenSet, raw))];
  // Values that make Python raise cannot be production's; values the audit could not compute could be.
  if (outcomes.some((o) => !o.ok && !PYTHON_EXCEPTION.test(o.reason))) return null;
  const values = outcomes.filter((o): o is { ok: true; value: PyValue } => o.ok).map((o) => o.value);
  return values.length > 0 ? values : null;
}

/** An app entry matches by module or by AppConfig path ("django.contrib.sessions.apps.SessionsConfig"). */
export function hasApp(apps: readonly string[], module: string): boolean {
  return apps.some((a) => a === module || a.startsWith(`${module}.apps.`));
}

// ---------------------------------------------------------------------------------------------------------------
// Django version from the declared dependencies.

export type Version = [number, number];

export interface VersionRange {
  /** Lowest version the specifier allows, null when it has no lower bound (or Django is not declared). */
  min: Version | null;
  /** Upper bound, null when none. */
  max: Version | null;
  maxInclusive: boolean;
  /** The specifier as declared, for messages. */
  spec: string | null;
}

const UNKNOWN_VERSION: VersionRange = { min: null, max: null, maxInclusive: false, spec: null };

export function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Reads the Django requirement ("Django>=4.2,<5.0", "django==5.1.3", "django = \"^4.2\"") into bounds. */
export function djangoVersion(project: DjangoProject): VersionRange {
  const dep = project.dependencies.django;
  if (!dep) return UNKNOWN_VERSION;
  return parseVersionSpec(dep.value);
}

/** Parses a PEP 440 / Poetry specifier into bounds. Exported for tests. */
export function parseVersionSpec(spec: string): VersionRange {
  const body = spec.replace(/^\s*django\s*(\[[^\]]*\])?/i, '').split(';')[0];
  let min: Version | null = null;
  let max: Version | null = null;
  let maxInclusive = false;
  const re = /(===|==|~=|>=|<=|!=|>|<|\^|~)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+|\*))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const op = m[1] ?? '==';
    const v: Version = [Number(m[2]), Number(m[3] ?? 0)];
    const raise = (x: Version) => {
      if (!min || compare(x, min) > 0) min = x;
    };
    const lower = (x: Version, inclusive: boolean) => {
      if (!max || compare(x, max) < 0) {
        max = x;
        maxInclusive = inclusive;
      }
    };
    switch (op) {
      case '==':
      case '===':
        raise(v);
        if (m[3] !== undefined) lower(v, true);
        break;
      case '>=':
      case '>':
        raise(v);
        break;
      // Compatible releases: ~=4.2.3 and ~4.2 stay in 4.2; ~=4.2, ~4 and ^4.2 stay below 5.0 (^0.9 below 0.10).
      case '~=':
        raise(v);
        if (m[4] !== undefined) lower(v, true);
        else if (m[3] !== undefined) lower([v[0] + 1, 0], false);
        break;
      case '~':
        raise(v);
        lower(m[3] !== undefined ? v : [v[0] + 1, 0], m[3] !== undefined);
        break;
      case '^':
        raise(v);
        lower(v[0] > 0 ? [v[0] + 1, 0] : [0, v[1] + 1], false);
        break;
      case '<':
        lower(v, false);
        break;
      case '<=':
        lower(v, true);
        break;
      default:
        break;
    }
  }
  return { min, max, maxInclusive, spec: spec.trim() };
}

/** True when every allowed version is at least `v`; false when every allowed version is below; null when unknown. */
export function atLeast(range: VersionRange, v: Version): boolean | null {
  if (range.min && compare(range.min, v) >= 0) return true;
  if (range.max && (compare(range.max, v) < 0 || (compare(range.max, v) === 0 && !range.maxInclusive))) return false;
  return null;
}

/**
 * Gate for settings only SecurityMiddleware applies (SSL redirect, HSTS, nosniff, Referrer-Policy, COOP): true when
 * the middleware is installed. Otherwise reports unknown (MIDDLEWARE unreadable) or not-applicable (the missing
 * middleware is django/security-middleware-missing's finding, reported once there) and returns false.
 */
export function securityMiddlewareActive(p: ProdProject, ctx: Reporter, target: string): boolean {
  const m = hasMiddleware(p, SECURITY_MIDDLEWARE);
  if ('reason' in m) {
    ctx.unknown(target, `whether SecurityMiddleware is installed could not be told: ${m.reason}`);
    return false;
  }
  if (!m.has) {
    ctx.notApplicable(`SecurityMiddleware is not in MIDDLEWARE of ${p.module}, so this setting has no effect (reported by django/security-middleware-missing)`);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// LOGGING.

/** The parts of LOGGING the rules judge: handler classes (with where each is written) and the loggers defined. */
export interface LoggingShape {
  empty: boolean;
  handlers: { name: string; cls: string; loc: SourceLoc }[];
  loggers: string[];
  loc: SourceLoc;
  envVar: string | null;
  source: EnvSource | null;
}

/**
 * Reads LOGGING. A dict display that mixes several env reads (a log path and a level) is unknown as a whole, so
 * its handler classes and logger names are then taken from the per-key facts, where each is written literally.
 */
export function loggingShape(p: ProdProject): { state: 'missing' } | { state: 'unknown'; reason: string } | ({ state: 'ok' } & LoggingShape) {
  const setting = p.project.settings.LOGGING;
  const hidden = mayBeHidden(p, 'LOGGING');
  if (hidden) return { state: 'unknown', reason: hidden };
  if (!setting) return { state: 'missing' };
  const j = judge(p, 'LOGGING', (v) => {
    const d = dict(v);
    const handlers = Object.entries(dict(d?.handlers ?? null) ?? {}).map(([name, h]) => {
      const cls = dict(h)?.class ?? dict(h)?.['()'];
      return { name, cls: typeof cls === 'string' ? cls : '?' };
    });
    return { empty: !d || Object.keys(d).length === 0, handlers, loggers: Object.keys(dict(d?.loggers ?? null) ?? {}) };
  });
  if (j.state === 'decided') {
    return {
      state: 'ok',
      empty: j.result.empty,
      handlers: j.result.handlers.map((h) => ({ ...h, loc: setting.keys?.[`handlers.${h.name}.class`]?.loc ?? j.loc })),
      loggers: j.result.loggers,
      loc: j.loc,
      envVar: j.envVar,
      source: j.source,
    };
  }
  if (j.state === 'missing') return { state: 'missing' };
  const keys = setting.keys;
  if (!keys || Object.keys(keys).length === 0) return { state: 'unknown', reason: j.reason };
  const handlers: LoggingShape['handlers'] = [];
  for (const [path, v] of Object.entries(keys)) {
    const m = /^handlers\.([^.]+)\.(class|\(\))$/.exec(path);
    if (!m) continue;
    if (v.kind !== 'literal' || typeof v.value !== 'string') return { state: 'unknown', reason: `the class of LOGGING handler "${m[1]}" could not be evaluated` };
    handlers.push({ name: m[1], cls: v.value, loc: v.loc });
  }
  // "loggers.django.request" is the logger django.request; "loggers.django.level" is a field of the logger django.
  const loggers = Object.keys(keys)
    .filter((k) => k.startsWith('loggers.'))
    .map((k) => k.slice('loggers.'.length))
    .filter((rest) => !/\.(level|handlers|propagate|filters)(\.\d+)?$/.test(rest));
  return { state: 'ok', empty: false, handlers, loggers, loc: setting.value.loc, envVar: null, source: null };
}
