// Django collector: finds Django projects, picks the production settings module, evaluates it against the
// production environment found in the repository, lists routes and declared dependencies.
import type { Located } from '../../core/types/located.js';
import type { ComposeProject } from '../../facts/compose.js';
import type { DockerfileFacts } from '../../facts/dockerfile.js';
import type { DjangoProject, EnvSource, Setting, SettingValue } from '../../facts/django.js';
import { Evaluator, type ModuleResult, type ModuleSource } from '../../parsers/python/evaluator.js';
import { extractSettings } from '../../parsers/python/settings.js';
import { appNames, extractRoutes } from '../../parsers/python/urls.js';
import { literalString } from '../../parsers/python/tree.js';
import { parsePipfile, parsePyproject, parseRequirements, type Requirement } from '../../parsers/python/requirements.js';
import { type V, resolve, unk, varsOf } from '../../parsers/python/value.js';
import type { RepoCollectContext } from './context.js';
import { PythonModules } from './django-modules.js';
import {
  chooseSettings,
  commandSettings,
  configReferences,
  findRuntime,
  scriptReader,
  productionEnvironment,
  pythonSettingsReferences,
  readSystemdUnits,
  toReferences,
  type PythonReference,
} from './django-env.js';

export interface DjangoCollectInputs {
  compose: ComposeProject[];
  dockerfiles: DockerfileFacts[];
}

/** Directories whose manage.py is a test fixture, documentation or a template, not the deployed project. */
const NOT_DEPLOYED = /(^|\/)(tests?|docs?|examples?|samples?|fixtures|templates?|testproject|test_project|demo)(\/|$)|\{\{/;

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function under(path: string, root: string): boolean {
  return root === '' || path.startsWith(`${root}/`);
}

/** Django projects: directories holding manage.py (or, without one, the parent of a wsgi.py's package). */
function projectRoots(ctx: RepoCollectContext): string[] {
  const manage = ctx.ofKind('django-manage').map((f) => dirOf(f.path));
  const deployed = manage.filter((d) => !NOT_DEPLOYED.test(d));
  if (deployed.length > 0) return deployed;
  if (manage.length > 0) return manage;
  const wsgi = ctx.ofKind('django-wsgi').map((f) => dirOf(dirOf(f.path)));
  const fromWsgi = [...new Set(wsgi)].filter((d) => !NOT_DEPLOYED.test(d));
  return fromWsgi;
}

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS|DSN)/i;

/** Registers literal secrets written in settings files: SECRET_KEY = '...', 'PASSWORD': '...', env defaults. */
function registerLiteralSecrets(ctx: RepoCollectContext, src: ModuleSource, text: string): void {
  if (!SECRET_NAME.test(text)) return;
  // One native call for the candidate nodes: walking children one by one is what costs in tree-sitter's binding.
  for (const n of src.tree.root.descendantsOfType(['assignment', 'pair', 'call'])) {
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type !== 'identifier' || !SECRET_NAME.test(left.text)) continue;
      const s = literalString(n.childForFieldName('right'));
      if (s) ctx.secret(s);
    } else if (n.type === 'pair') {
      const k = literalString(n.childForFieldName('key'));
      if (!k || !SECRET_NAME.test(k)) continue;
      const s = literalString(n.childForFieldName('value'));
      if (s) ctx.secret(s);
    } else {
      const argsNode = n.childForFieldName('arguments');
      const first = argsNode?.firstNamedChild;
      if (!first || first.type !== 'string' || !SECRET_NAME.test(first.text)) continue;
      const args = argsNode!.namedChildren.filter((c) => c.type !== 'comment');
      const name = literalString(args[0]);
      if (!name || !SECRET_NAME.test(name)) continue;
      for (const a of args.slice(1)) {
        const v = a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default' ? a.childForFieldName('value') : a;
        const s = literalString(v);
        if (s) ctx.secret(s);
      }
    }
  }
}

const SECRET_ASSIGN = /^[ \t]*[A-Z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS|DSN)[A-Z0-9_]*\s*=\s*[rbuRBU]?(['"])((?:(?!\1).)+)\1/gim;
const SECRET_PAIR = /['"][A-Za-z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|DSN)[A-Za-z0-9_]*['"]\s*:\s*[rbuRBU]?(['"])((?:(?!\1).)+)\1/gi;
const SECRET_DEFAULT = /\(\s*['"][A-Za-z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|DSN)[A-Za-z0-9_]*['"]\s*,\s*(?:default\s*=\s*)?[rbuRBU]?(['"])((?:(?!\1).)+)\1/gi;

/** Text scan of a settings file for literal secret values (no positions are taken from it). */
function scanLiteralSecrets(ctx: RepoCollectContext, text: string): void {
  if (!SECRET_NAME.test(text)) return;
  for (const re of [SECRET_ASSIGN, SECRET_PAIR, SECRET_DEFAULT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) ctx.secret(m[2]);
  }
}

/** Registers secret values the evaluated settings hold (literal or defaults), including passwords in URLs. */
function registerSettingSecrets(ctx: RepoCollectContext, settings: Record<string, Setting>): void {
  const reg = (v: SettingValue) => {
    const values: unknown[] = [];
    if (v.kind === 'literal') values.push(v.value);
    if (v.kind === 'from-env' && v.whenUnset.ok) values.push(v.whenUnset.value);
    if (v.kind === 'from-env' && v.production?.value.ok) values.push(v.production.value.value);
    for (const x of values) if (typeof x === 'string' && x) ctx.secret(x);
  };
  for (const s of Object.values(settings)) {
    if (SECRET_NAME.test(s.name) && !/VALIDATORS|HASHERS/.test(s.name)) reg(s.value);
    for (const [k, kv] of Object.entries(s.keys ?? {})) if (SECRET_NAME.test(k.split('.').pop() ?? '')) reg(kv);
    // Database and cache URLs: the password part of scheme://user:password@host.
    const walk = (x: unknown): void => {
      if (typeof x === 'string') registerUrlPassword(ctx, x);
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') Object.values(x).forEach(walk);
    };
    if (s.value.kind === 'literal') walk(s.value.value);
    if (s.value.kind === 'from-env') {
      if (s.value.whenUnset.ok) walk(s.value.whenUnset.value);
      if (s.value.production?.value.ok) walk(s.value.production.value.value);
    }
  }
}

/** The password of a scheme://user:password@host URL (database, cache, broker URLs). */
function registerUrlPassword(ctx: RepoCollectContext, value: string): void {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i.exec(value);
  if (m) {
    ctx.secret(m[1]);
    ctx.secret(decodeURIComponentSafe(m[1]));
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Declared dependencies: pyproject / Pipfile runtime tables, then requirement files (development files only when a runtime file includes them). */
function collectDependencies(ctx: RepoCollectContext): Record<string, Located<string>> {
  const out: Record<string, Located<string>> = {};
  const add = (reqs: Requirement[]) => {
    for (const r of reqs) if (!(r.name in out)) out[r.name] = r.spec;
  };
  const depth = (p: string) => p.split('/').length;
  for (const f of ctx.ofKind('pyproject').sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path))) {
    const src = ctx.read(f.path, 'django');
    if (!src) continue;
    add(/pipfile$/i.test(f.path) ? parsePipfile(f.path, src.text) : parsePyproject(f.path, src.text));
  }
  const devName = /(^|[^a-z])(dev|devel|develop|development|test|tests|testing|local|lint|linting|docs?|ci|debug|tox|typing|mypy)([^a-z]|$)/i;
  const reqFiles = ctx.ofKind('requirements').map((f) => f.path);
  const rank = (p: string) => {
    const b = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
    if (/^requirements\.(txt|in)$/.test(b)) return 0;
    if (/prod/.test(b)) return 1;
    if (/base|common/.test(b)) return 2;
    return 3;
  };
  const runtime = reqFiles.filter((p) => !devName.test(p.slice(p.lastIndexOf('/') + 1).replace(/^requirements/i, ''))).sort((a, b) => depth(a) - depth(b) || rank(a) - rank(b) || a.localeCompare(b));
  // .txt before .in: the compiled file is what gets installed.
  runtime.sort((a, b) => (dirOf(a) === dirOf(b) && a.replace(/\.(txt|in)$/, '') === b.replace(/\.(txt|in)$/, '') ? (a.endsWith('.txt') ? -1 : 1) : 0));
  const seen = new Set<string>();
  const readReq = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const src = ctx.read(path, 'django');
    if (!src) return;
    const parsed = parseRequirements(path, src.text);
    add(parsed.requirements);
    for (const inc of parsed.includes) {
      const target = [dirOf(path), inc].filter(Boolean).join('/').split('/').reduce<string[]>((acc, part) => {
        if (part === '..') acc.pop();
        else if (part !== '.') acc.push(part);
        return acc;
      }, []).join('/');
      if (ctx.exists(target)) readReq(target);
    }
  };
  for (const p of runtime) readReq(p);
  return out;
}

/** Values of `django.conf.settings.NAME` in production, for evaluating urls.py. */
function settingsAccessor(result: ModuleResult | null, productionEnv: Record<string, EnvSource>): (name: string) => V {
  const defaults: Record<string, V> = { DEBUG: false, MEDIA_URL: '', MEDIA_ROOT: '', STATIC_URL: null, STATIC_ROOT: null };
  return (name) => {
    if (!result) return unk('the production settings could not be evaluated');
    const b = result.ns.get(name);
    if (!b) return name in defaults ? defaults[name] : unk(`settings.${name} is not set`);
    const vars = varsOf(b.v);
    const missing = vars.filter((x) => !(x in productionEnv));
    if (missing.length) return unk(`settings.${name} depends on ${missing.join(', ')}, which production sets outside the repository`);
    const r = resolve(b.v, (x) => productionEnv[x]?.value);
    return r.ok ? r.v : unk(`settings.${name} raises ${r.exc} in production`);
  };
}

function literalOrProduction(s: Setting | undefined): unknown {
  if (!s) return undefined;
  if (s.value.kind === 'literal') return s.value.value;
  if (s.value.kind === 'from-env' && s.value.production?.value.ok) return s.value.production.value.value;
  if (s.value.kind === 'from-env' && !s.value.production && s.value.whenUnset.ok) return s.value.whenUnset.value;
  return undefined;
}

function buildProject(
  ctx: RepoCollectContext,
  modules: PythonModules,
  root: string,
  allRoots: string[],
  inputs: DjangoCollectInputs,
  units: ReturnType<typeof readSystemdUnits>,
  dependencies: Record<string, Located<string>>,
): DjangoProject {
  const prefix = root ? `${root}/` : '';
  const roots = [...new Set([prefix, '', `${prefix}src/`, 'src/'])].filter((r) => r === '' || ctx.dirExists(r.slice(0, -1)));
  const nested = allRoots.filter((r) => r !== root && under(r, root) && r.length > root.length);
  const mine = (p: string) => under(p, root) && !nested.some((n) => under(p, n));
  const fileOf = (m: string): string | null => {
    const hit = modules.find(m, roots);
    return hit && modules.exists(hit.file) ? hit.file : null;
  };

  const settingsModules = ctx
    .ofKind('django-settings')
    // An empty settings/__init__.py is a package marker, not a settings module.
    .filter((f) => mine(f.path) && !(f.path.endsWith('__init__.py') && f.size < 16))
    .map((f) => ({ module: modules.moduleName(f.path, roots), file: f.path }));

  const runtime = findRuntime(inputs.compose, inputs.dockerfiles, root, allRoots.length === 1, scriptReader(ctx));
  const productionEnv = productionEnvironment(ctx, runtime, units);
  for (const [key, src] of Object.entries(productionEnv)) {
    if (SECRET_NAME.test(key) && !/_FILE$/.test(key)) ctx.secret(src.value);
    registerUrlPassword(ctx, src.value);
  }

  // Entry points: the WSGI/ASGI module the server runs first, then the project's wsgi.py / asgi.py.
  const entryFiles = [...ctx.ofKind('django-wsgi'), ...ctx.ofKind('django-asgi')].map((f) => f.path).filter(mine);
  const served = runtime.appModule ? fileOf(runtime.appModule) : null;
  if (served && !entryFiles.includes(served)) entryFiles.unshift(served);
  entryFiles.sort((a, b) => (a === served ? -1 : b === served ? 1 : a.endsWith('wsgi.py') === b.endsWith('wsgi.py') ? a.localeCompare(b) : a.endsWith('wsgi.py') ? -1 : 1));
  const entryRefs: PythonReference[] = [];
  for (const f of entryFiles) {
    const src = modules.source(f, modules.moduleName(f, roots), true);
    if (src) entryRefs.push(...pythonSettingsReferences(src, ctx.sources.get(f)?.text ?? ''));
  }
  const manageRefs: PythonReference[] = [];
  const manageFile = `${prefix}manage.py`;
  if (modules.exists(manageFile)) {
    const src = modules.source(manageFile, 'manage', true);
    if (src) manageRefs.push(...pythonSettingsReferences(src, ctx.sources.get(manageFile)?.text ?? ''));
  }
  const otherRefs: PythonReference[] = [];
  for (const f of ctx.ofKind('python').filter((x) => mine(x.path) && /(^|\/)celery\.py$/.test(x.path))) {
    const src = modules.source(f.path, modules.moduleName(f.path, roots), false);
    if (src) otherRefs.push(...pythonSettingsReferences(src, ctx.sources.get(f.path)?.text ?? ''));
  }
  const config = configReferences(ctx, inputs.compose, inputs.dockerfiles, units).filter((l) => allRoots.length === 1 || fileOf(l.value) !== null);
  const command = commandSettings(runtime);
  if (command && !config.some((l) => l.loc.file === command.at.loc.file && l.loc.line === command.at.loc.line)) config.push(command.at);
  const references = toReferences(config, [...entryRefs, ...manageRefs, ...otherRefs], fileOf);
  for (const r of references) {
    const file = fileOf(r.module);
    if (file && !settingsModules.some((m) => m.file === file)) settingsModules.push({ module: r.module, file });
  }

  const production = chooseSettings({ productionEnv, command, entryPoints: entryRefs, manage: manageRefs, settingsModules, fileOf });
  let settings: Record<string, Setting> = {};
  let settingsProblem: string | null = null;
  let result: ModuleResult | null = null;
  let settingsFiles: string[] = [];
  let unreadStarImports: string[] = [];
  let comparedLiterals: string[] = [];
  const evaluator = new Evaluator(modules.host(roots));
  if (!production) {
    settingsProblem = settingsModules.length === 0 ? 'no settings module was found in the project' : 'no settings module could be identified as the production one';
  } else {
    const src = modules.source(production.file, production.module, true);
    try {
      result = src ? evaluator.evaluate(src) : null;
    } catch (e) {
      settingsProblem = `the settings could not be evaluated: ${(e as Error).message}`;
    }
    if (!src) settingsProblem = `${production.file} could not be read`;
    else if (result) {
      settingsFiles = result.files;
      for (const f of result.files) {
        const s = modules.source(f, modules.moduleName(f, roots), true);
        const text = ctx.sources.get(f)?.text;
        if (s && text) registerLiteralSecrets(ctx, s, text);
      }
      settings = extractSettings(result, { projectRoot: root, production: (name) => productionEnv[name] });
      unreadStarImports = (result.externalStars ?? []).filter((m) => !SETTINGS_FREE_MODULES.test(m));
      comparedLiterals = literalsCompared(result.files.map((f) => ctx.sources.get(f)?.text ?? ''));
      const classes = [...result.ns.values()].filter((b) => typeof b.v === 'object' && b.v !== null && b.v.t === 'class' && /Configuration\b/.test(b.v.node.childForFieldName('superclasses')?.text ?? ''));
      const broken = result.files.map((f) => modules.source(f, '', false)).find((s) => s?.tree.syntaxError);
      if (broken?.tree.syntaxError) settingsProblem = `${broken.file} has a Python syntax error at line ${broken.tree.syntaxError.line}; Python cannot import the settings`;
      else if (classes.length > 0)
        settingsProblem = `settings are django-configurations classes (${classes.map((c) => (c.v as { name: string }).name).join(', ')}, selected by DJANGO_CONFIGURATION), which the audit does not evaluate`;
      else if (result.failure) settingsProblem = `importing ${production.module} raises ${result.failure.exc}${result.failure.msg ? `: ${result.failure.msg}` : ''} (${result.failure.loc.file}:${result.failure.loc.line})`;
      ctx.notes.push(`Audited Django settings module ${production.module} (${production.reason})`);
    }
  }
  // Literal secrets in the other settings modules (dev ones included), masked wherever a finding quotes them.
  // Values only (no positions), so a text scan is enough and spares parsing every module.
  for (const m of settingsModules) {
    if (settingsFiles.includes(m.file)) continue;
    const text = modules.text(m.file);
    if (text) scanLiteralSecrets(ctx, text);
  }
  registerSettingSecrets(ctx, settings);

  // Routes
  const urlModule = literalOrProduction(settings.ROOT_URLCONF);
  let urlconf: string | null = typeof urlModule === 'string' ? fileOf(urlModule) : null;
  if (!urlconf && !settings.ROOT_URLCONF) {
    const pkg = production ? dirOf(production.file.replace(/\/settings(\/[^/]+)?\.py$|\/settings\/__init__\.py$/, '/settings.py')) : null;
    const candidates = ctx.ofKind('django-urls').map((f) => f.path).filter(mine);
    urlconf = candidates.find((c) => pkg !== null && dirOf(c) === pkg) ?? candidates.find((c) => dirOf(c) === (served ? dirOf(served) : '\0')) ?? null;
  }
  let routes: DjangoProject['routes'] = [];
  let routesProblem: string | null = null;
  if (!urlconf) routesProblem = typeof urlModule === 'string' ? `ROOT_URLCONF ${urlModule} is not in the repository` : settings.ROOT_URLCONF ? 'ROOT_URLCONF could not be evaluated' : 'no URLconf was found';
  if (urlconf) {
    const src = modules.source(urlconf, modules.moduleName(urlconf, roots), true);
    if (src) {
      const urlsEval = new Evaluator(modules.host(roots), { settings: settingsAccessor(result, productionEnv), unionUnknownBranches: true });
      const apps = result ? appNames(settingsAccessor(result, productionEnv)('INSTALLED_APPS')) : null;
      let out: ReturnType<typeof extractRoutes>;
      try {
        out = extractRoutes(urlsEval, src, {
          module: (name) => {
            const f = fileOf(name);
            return f ? modules.source(f, name, true) : null;
          },
          installedApps: apps,
        });
      } catch (e) {
        out = { routes: [], problems: [`the URLconf could not be evaluated: ${(e as Error).message}`] };
      }
      routes = out.routes;
      // Not collector issues: those would make every Django rule unknown, not only the ones about routes.
      routesProblem = out.problems.length ? out.problems.join('; ') : null;
    }
  }

  const appSetting = (name: string): string | null => {
    const v = literalOrProduction(settings[name]);
    if (typeof v !== 'string') return null;
    return fileOf(v.split('.').slice(0, -1).join('.'));
  };
  const wsgi = (served && served.endsWith('wsgi.py') ? served : null) ?? appSetting('WSGI_APPLICATION') ?? entryFiles.find((f) => f.endsWith('wsgi.py')) ?? null;
  const asgi = (served && served.endsWith('asgi.py') ? served : null) ?? appSetting('ASGI_APPLICATION') ?? entryFiles.find((f) => f.endsWith('asgi.py')) ?? null;

  return {
    root,
    settingsModules,
    references,
    production,
    settings,
    settingsProblem,
    urlconf,
    routes,
    routesProblem,
    productionEnv,
    unreadStarImports,
    comparedLiterals,
    dependencies,
    asgi,
    wsgi,
    settingsFiles,
  };
}

/** Short string literals used in comparisons (`== "smtp"`, `in ("prod", "production")`), at most 40. */
function literalsCompared(texts: readonly string[]): string[] {
  const out = new Set<string>();
  const STR = `["']([^"'\\n]{1,40})["']`;
  const eq = new RegExp(`(?:==|!=)\\s*${STR}|${STR}\\s*(?:==|!=)`, 'g');
  const inList = /\bin\s*[([{]([^)\]}\n]{1,200})[)\]}]/g;
  for (const text of texts) {
    for (const m of text.matchAll(eq)) out.add(m[1] ?? m[2]);
    for (const m of text.matchAll(inList)) for (const x of m[1].matchAll(/["']([^"'\n]{1,40})["']/g)) out.add(x[1]);
  }
  return [...out].slice(0, 40);
}

/** Modules whose star import brings helpers, never Django settings. */
const SETTINGS_FREE_MODULES = /^(os|os\.path|sys|pathlib|typing|datetime|decouple|environ|dj_database_url|django(\..*)?|celery(\..*)?|kombu(\..*)?|split_settings(\..*)?)$/;

/** Collects every Django project of the repository. Bad input never throws: it becomes issues and unknowns. */
export function collectDjango(ctx: RepoCollectContext, inputs: DjangoCollectInputs): DjangoProject[] {
  const roots = projectRoots(ctx);
  if (roots.length === 0) return [];
  const modules = new PythonModules(ctx);
  const units = readSystemdUnits(ctx);
  const dependencies = collectDependencies(ctx);
  const out: DjangoProject[] = [];
  for (const root of roots) {
    try {
      out.push(buildProject(ctx, modules, root, roots, inputs, units, dependencies));
    } catch (e) {
      ctx.issue('django', root ? `${root}/manage.py` : 'manage.py', `the Django project could not be analysed: ${(e as Error).message}`);
    }
  }
  return out;
}


