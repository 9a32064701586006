// What production runs for a Django project: the serving container or unit, its environment, and the
// settings module it selects (DJANGO_SETTINGS_MODULE from compose / Dockerfile / env files / wsgi.py / manage.py).
import type { Located } from '../../core/types/located.js';
import type { ComposeProject, ComposeService } from '../../facts/compose.js';
import type { DockerfileFacts, DockerStage } from '../../facts/dockerfile.js';
import type { EnvSource, SettingsChoice, SettingsModuleReference } from '../../facts/django.js';
import { literalString, nodeLoc } from '../../parsers/python/tree.js';
import type { ModuleSource } from '../../parsers/python/evaluator.js';
import type { EnvFile } from '../../facts/repo.js';
import { parseEnvFile } from '../../parsers/env.js';
import type { RepoCollectContext } from './context.js';

/** Commands that serve a Django application in production. */
const SERVER = /\b(gunicorn|uvicorn|daphne|hypercorn|granian|uwsgi|waitress-serve|runserver)\b/;
const PROD_NAME = /(^|[^a-z])(prod|production|live)([^a-z]|$)/i;
const DEV_NAME = /(^|[^a-z])(dev|devel|development|local|test|tests|testing|ci|debug)([^a-z]|$)/i;

export interface Runtime {
  compose: { project: ComposeProject; service: ComposeService } | null;
  dockerfile: DockerfileFacts | null;
  stage: DockerStage | null;
  /** The WSGI/ASGI module named on the server command line ("config.wsgi"), when seen. */
  appModule: string | null;
  /** Human description ("compose docker-compose.prod.yml service web"). */
  label: string;
  /** The command that starts the server, where it is written (compose command/entrypoint or Dockerfile CMD). */
  command: Located<string> | null;
}

/** The command text of a Dockerfile stage, located at its CMD (or ENTRYPOINT). */
function stageCommandAt(stage: DockerStage | null): Located<string> | null {
  if (!stage) return null;
  const ins = stage.cmd ?? stage.entrypoint;
  if (!ins) return null;
  return { value: stageCommand(stage), loc: ins.loc };
}

/**
 * A settings module forced on the command line: `manage.py ... --settings=x`, gunicorn `--env
 * DJANGO_SETTINGS_MODULE=x`, or a `DJANGO_SETTINGS_MODULE=x gunicorn ...` prefix. These win over the environment.
 */
export function commandSettings(rt: Runtime): { module: string; at: Located<string>; how: string } | null {
  const c = rt.command;
  if (!c) return null;
  const m =
    /--settings(?:=|\s+)([A-Za-z_][\w.]*)/.exec(c.value) ??
    /(?:--env|-e)(?:=|\s+)["']?DJANGO_SETTINGS_MODULE=([A-Za-z_][\w.]*)/.exec(c.value) ??
    /(?:^|[\s;&|])DJANGO_SETTINGS_MODULE=([A-Za-z_][\w.]*)\s+\S/.exec(c.value);
  if (!m) return null;
  return { module: m[1], at: { value: m[1], loc: c.loc }, how: `the server command in ${c.loc.file}:${c.loc.line}` };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stageCommand(stage: DockerStage | null): string {
  if (!stage) return '';
  const parts = [stage.entrypoint, stage.cmd].filter(Boolean).map((i) => (i!.execForm ? i!.execForm.join(' ') : i!.expanded));
  if (parts.length) return parts.join(' ');
  const last = [...stage.instructions].reverse().find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  return last ? (last.execForm ? last.execForm.join(' ') : last.expanded) : '';
}

function stageOf(df: DockerfileFacts, target: string | null): DockerStage | null {
  if (df.stages.length === 0) return null;
  if (target) return df.stages.find((s) => s.name?.value === target) ?? df.stages[df.stages.length - 1];
  return df.stages[df.stages.length - 1];
}

function composeScore(p: ComposeProject): number {
  const kind = p.purpose?.kind;
  if (kind === 'production') return 3;
  if (kind === 'development' || kind === 'test') return 0;
  const names = [p.file, ...(p.files ?? [])].map(baseName).join(' ');
  if (PROD_NAME.test(names)) return 3;
  if (DEV_NAME.test(names)) return 0;
  return 2;
}

function appModuleOf(cmd: string): string | null {
  const m = /(?:^|[\s=])([A-Za-z_][\w.]*\.(?:wsgi|asgi))(?::[\w.()]+)?(?=\s|$|")/.exec(cmd);
  return m ? m[1] : null;
}

function inProject(path: string | null, projectRoot: string, single: boolean): boolean {
  if (single || path === null) return true;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return dir === projectRoot || projectRoot.startsWith(dir ? `${dir}/` : '') || dir.startsWith(projectRoot ? `${projectRoot}/` : '');
}

/**
 * Reads what a container command starts when it is a repository script (`/start`, `./docker/entrypoint.sh`), so
 * the server it runs is seen: cookiecutter-django's `command: /start` and entrypoint scripts start gunicorn inside.
 * Returns the script texts (and those of the scripts they call), or '' when nothing resolves.
 */
export type ScriptReader = (command: string, dockerfile: DockerfileFacts | null) => string;

/** A ScriptReader over the repository: container paths map through the Dockerfile's COPY lines, else by file name. */
export function scriptReader(ctx: RepoCollectContext): ScriptReader {
  const byBase = new Map<string, string[]>();
  for (const f of ctx.files) if (!/\.(py|ya?ml|json|md|txt|conf|toml|lock|html|js|css)$/i.test(f.path)) byBase.set(baseName(f.path), [...(byBase.get(baseName(f.path)) ?? []), f.path]);
  const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
  const resolve = (path: string, df: DockerfileFacts | null): string | null => {
    const clean = path.replace(/^\.\//, '');
    if (ctx.exists(clean) && !path.startsWith('/')) return clean;
    if (df) {
      const context = dirOf(df.path);
      for (const stage of df.stages) {
        for (const i of stage.instructions) {
          if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) continue;
          const words = i.execForm ?? i.expanded.split(/\s+/).filter((w) => !w.startsWith('--'));
          if (words.length < 2) continue;
          const dest = words[words.length - 1];
          for (const src of words.slice(0, -1)) {
            const srcPath = src.replace(/^\.\//, '').replace(/\/$/, '');
            let candidate: string | null = null;
            if (dest === path) candidate = srcPath;
            else if (dest.endsWith('/') && `${dest}${baseName(srcPath)}` === path) candidate = srcPath;
            else if ((srcPath === '.' || srcPath === '') && path.startsWith(dest.replace(/\/?$/, '/'))) candidate = path.slice(dest.replace(/\/?$/, '/').length);
            else if (path.startsWith(dest.replace(/\/?$/, '/'))) candidate = `${srcPath}/${path.slice(dest.replace(/\/?$/, '/').length)}`;
            if (!candidate) continue;
            for (const c of [context ? `${context}/${candidate}` : candidate, candidate]) if (ctx.exists(c)) return c;
          }
        }
      }
    }
    // By file name: one candidate, or the one beside the Dockerfile, or the one a production path names.
    const same = byBase.get(baseName(clean)) ?? [];
    if (same.length === 1) return same[0];
    const near = df ? same.filter((p) => dirOf(p) === dirOf(df.path)) : [];
    if (near.length === 1) return near[0];
    const prod = same.filter((p) => PROD_NAME.test(p));
    return prod.length === 1 ? prod[0] : null;
  };
  const read = (command: string, df: DockerfileFacts | null, depth: number, seen: Set<string>): string => {
    let out = '';
    for (const word of command.split(/[\s"';&|]+/)) {
      if (!/^(\.{0,2}\/)?[\w.\/-]+$/.test(word) || !(/\.sh$/.test(word) || word.startsWith('/') || word.startsWith('./'))) continue;
      const file = resolve(word, df);
      if (!file || seen.has(file)) continue;
      seen.add(file);
      const src = ctx.read(file, 'django');
      if (!src) continue;
      const text = src.lines.filter((l) => !/^\s*#/.test(l)).join('\n');
      out += `\n${text}`;
      if (depth < 2) out += read(text, df, depth + 1, seen);
    }
    return out;
  };
  return (command, df) => (command ? read(command, df, 1, new Set()) : '');
}

/** Images of well-known services: a compose service running one of these is not the project's own app image. */
const THIRD_PARTY = /(^|\/)(postgres|postgis|mysql|mariadb|redis|valkey|memcached|nginx|traefik|caddy|haproxy|rabbitmq|elasticsearch|opensearch|minio|mailhog|mailpit|flower|certbot|adminer|pgadmin4?|grafana|prometheus|node|python)(:|@|$)/i;

/** Finds the compose service (or Dockerfile) that serves the project, preferring production files. */
export function findRuntime(compose: ComposeProject[], dockerfiles: DockerfileFacts[], projectRoot: string, single: boolean, readScript: ScriptReader = () => ''): Runtime {
  let best: { score: number; rt: Runtime } | null = null;
  // The Dockerfile that builds the app server, when only one does: a compose service running a published image of
  // the project (no build:) runs it.
  const serving = dockerfiles.filter((d) => !DEV_NAME.test(baseName(d.path)) && inProject(d.path, projectRoot, single) && SERVER.test(`${stageCommand(stageOf(d, null))} ${readScript(stageCommand(stageOf(d, null)), d)}`));
  for (const project of compose) {
    const fileScore = composeScore(project);
    for (const service of project.services) {
      const dfPath = service.build?.dockerfilePath ?? null;
      if (!inProject(dfPath, projectRoot, single)) continue;
      const ownImage = !service.build && service.image !== null && !THIRD_PARTY.test(service.image.value.split('@')[0].replace(/:[^/]*$/, '')) && single && serving.length === 1;
      const df = dfPath ? (dockerfiles.find((d) => d.path === dfPath) ?? null) : ownImage ? serving[0] : null;
      const stage = df ? stageOf(df, service.build?.target?.value ?? null) : null;
      const written = [service.entrypoint?.value, service.command?.value].filter(Boolean).join(' ') || stageCommand(stage);
      // What the command runs, with the scripts it starts (`/start` runs gunicorn).
      const cmd = `${written} ${readScript(written, df)}`.trim();
      let score = ownImage ? -1 : 0;
      if (SERVER.test(cmd)) score += /runserver/.test(cmd) && !/gunicorn|uvicorn|daphne|hypercorn|granian|uwsgi/.test(cmd) ? 1 : 3;
      if (service.environment.some((e) => e.key.value === 'DJANGO_SETTINGS_MODULE') || (stage && 'DJANGO_SETTINGS_MODULE' in stage.env)) score += 2;
      if (/\bcelery\b|\bbeat\b|\bworker\b|\bflower\b/.test(cmd) || /celery|worker|beat/.test(service.name.value)) score -= 4;
      if (score <= 0) continue;
      if (/^(web|app|django|api|backend|server|site)$/.test(service.name.value)) score += 0.5;
      score += fileScore * 10;
      if (!best || score > best.score) {
        const at = service.command ?? service.entrypoint ?? stageCommandAt(stage);
        const command = at ? { value: written, loc: at.loc } : null;
        best = { score, rt: { compose: { project, service }, dockerfile: df, stage, appModule: appModuleOf(cmd), label: `compose ${service.file} service ${service.name.value}`, command } };
      }
    }
  }
  if (best) return best.rt;
  for (const df of dockerfiles) {
    if (!inProject(df.path, projectRoot, single)) continue;
    const stage = stageOf(df, null);
    const written = stageCommand(stage);
    const cmd = `${written} ${readScript(written, df)}`.trim();
    let score = 0;
    if (SERVER.test(cmd)) score += 3;
    if (stage && 'DJANGO_SETTINGS_MODULE' in stage.env) score += 2;
    if (score === 0) continue;
    if (PROD_NAME.test(baseName(df.path))) score += 2;
    if (DEV_NAME.test(baseName(df.path))) score -= 3;
    if (!best || score > best.score) best = { score, rt: { compose: null, dockerfile: df, stage, appModule: appModuleOf(cmd), label: `${df.path}`, command: stageCommandAt(stage) } };
  }
  return best?.rt ?? { compose: null, dockerfile: null, stage: null, appModule: null, label: '', command: null };
}

/** A systemd unit that runs the application server, with its Environment= assignments. */
export interface UnitEnv {
  file: string;
  vars: { key: string; value: Located<string> }[];
  envFiles: string[];
  command: string;
}

/** Reads systemd units whose ExecStart runs a Python application server. */
export function readSystemdUnits(ctx: RepoCollectContext): UnitEnv[] {
  const out: UnitEnv[] = [];
  for (const f of ctx.ofKind('systemd-unit')) {
    const src = ctx.read(f.path, 'repo');
    if (!src) continue;
    const unit: UnitEnv = { file: f.path, vars: [], envFiles: [], command: '' };
    src.lines.forEach((line, i) => {
      const m = /^(\s*)(Environment|EnvironmentFile|ExecStart)\s*=\s*/.exec(line);
      if (!m) return;
      const rest = line.slice(m[0].length);
      const col0 = m[0].length + 1;
      if (m[2] === 'ExecStart') unit.command += ` ${rest}`;
      else if (m[2] === 'EnvironmentFile') unit.envFiles.push(rest.replace(/^-/, '').trim());
      else {
        // Environment="A=1" "B=two words" C=3
        const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
        let t: RegExpExecArray | null;
        while ((t = re.exec(rest))) {
          const body = t[1] ?? t[2];
          const eq = body.indexOf('=');
          if (eq <= 0) continue;
          const valueCol = col0 + t.index + (t[1] !== undefined ? 1 : 0) + eq + 1;
          const value = body.slice(eq + 1);
          unit.vars.push({ key: body.slice(0, eq), value: { value, loc: { file: f.path, line: i + 1, col: valueCol, endLine: i + 1, endCol: valueCol + value.length } } });
        }
      }
    });
    if (SERVER.test(unit.command) || /manage\.py/.test(unit.command)) out.push(unit);
  }
  return out;
}

function envFileFor(ctx: RepoCollectContext, path: string): { file: EnvFile; example: boolean } | null {
  const exact = ctx.envFiles.find((e) => e.path === path);
  if (exact) return { file: exact, example: false };
  // env_file targets named unlike .env files (cookiecutter's .envs/.production/.django) are read here.
  if (ctx.exists(path)) {
    const src = ctx.read(path, 'django');
    if (src) return { file: { path, role: 'production', entries: parseEnvFile(path, src.text) }, example: false };
  }
  for (const suffix of ['.example', '.sample', '.template', '.dist', '.tpl']) {
    const ex = ctx.envFiles.find((e) => e.path === path + suffix);
    if (ex) return { file: ex, example: true };
  }
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const base = baseName(path);
  const ex = ctx.envFiles.find((e) => e.path.startsWith(dir) && !e.path.slice(dir.length).includes('/') && /(example|sample|template|dist)/i.test(baseName(e.path)) && baseName(e.path).replace(/[._-]?(example|sample|template|dist)/i, '') === base);
  return ex ? { file: ex, example: true } : null;
}

/**
 * The environment production gives the application, by variable: compose `environment:` of the serving
 * service, its env_file contents, the image's ENV, systemd Environment=, then production env example files.
 */
export function productionEnvironment(ctx: RepoCollectContext, rt: Runtime, units: UnitEnv[]): Record<string, EnvSource> {
  const out: Record<string, EnvSource> = {};
  const add = (key: string, value: string, at: Located<string>, origin: string) => {
    if (!(key in out)) out[key] = { value, at, origin };
  };
  // Values from an example standing in for a missing env file come after everything the deployment itself sets
  // (the image's ENV, systemd Environment=): a template's illustration must not hide them.
  const fromExamples: [string, string, Located<string>, string][] = [];
  if (rt.compose) {
    const { service } = rt.compose;
    const origin = `compose ${service.file} service ${service.name.value}`;
    for (const v of service.environment) {
      if (!v.value) continue;
      // A variable Compose cannot interpolate from the repository has no known production value.
      if ((v.interpolated ?? []).some((i) => i.definedIn === null && i.defaultValue === null)) continue;
      add(v.key.value, v.value.value, v.value, origin);
    }
    const refs = service.envFileRefs ?? service.envFiles.map((l) => ({ path: l.value, written: l, required: true, exists: true }));
    for (const ref of refs) {
      if (!ref.path) continue;
      const found = envFileFor(ctx, ref.path);
      if (!found) continue;
      const o = found.example
        ? `${found.file.path} (example of ${ref.path}, env_file of compose service ${service.name.value})`
        : `${found.file.path} (env_file of compose service ${service.name.value})`;
      for (const e of found.file.entries) (found.example ? fromExamples.push([e.key.value, e.value.value, e.value, o]) : add(e.key.value, e.value.value, e.value, o));
    }
  }
  if (rt.stage && rt.dockerfile) {
    for (const [key, e] of Object.entries(rt.stage.env)) add(key, e.value, e.at, `${rt.dockerfile.path} ENV`);
  }
  for (const unit of units) {
    for (const v of unit.vars) add(v.key, v.value.value, v.value, `${unit.file} Environment=`);
    for (const ef of unit.envFiles) {
      // The unit names a server path; a repository env file of the same name (not a development one) stands for it.
      const exact = ctx.envFiles.find((e) => baseName(e.path) === baseName(ef) && e.role !== 'development');
      const found = exact ? { file: exact, example: false } : envFileFor(ctx, baseName(ef));
      if (!found) continue;
      const o = found.example ? `${found.file.path} (example of ${ef}, EnvironmentFile of ${unit.file})` : `${found.file.path} (EnvironmentFile of ${unit.file})`;
      for (const e of found.file.entries) (found.example ? fromExamples.push([e.key.value, e.value.value, e.value, o]) : add(e.key.value, e.value.value, e.value, o));
    }
  }
  for (const args of fromExamples) add(...args);
  for (const f of ctx.envFiles.filter((e) => e.role === 'production')) {
    for (const e of f.entries) add(e.key.value, e.value.value, e.value, f.path);
  }
  return out;
}

/** A DJANGO_SETTINGS_MODULE default or assignment in a Python entry point (wsgi.py, asgi.py, manage.py). */
export interface PythonReference {
  module: string;
  at: Located<string>;
  /** `os.environ[...] = ...` overrides the environment; setdefault only fills it. */
  forced: boolean;
  file: string;
}

/** Finds `os.environ.setdefault('DJANGO_SETTINGS_MODULE', '...')` and `os.environ['DJANGO_SETTINGS_MODULE'] = '...'`. */
export function pythonSettingsReferences(src: ModuleSource, text: string): PythonReference[] {
  const out: PythonReference[] = [];
  if (!text.includes('DJANGO_SETTINGS_MODULE')) return out;
  for (const n of src.tree.root.descendantsOfType(['call', 'assignment'])) {
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      if (!fn || !/(^|\.)environ\.setdefault$/.test(fn.text)) continue;
      const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
      if (literalString(args[0]) !== 'DJANGO_SETTINGS_MODULE') continue;
      const v = literalString(args[1]);
      if (v !== null) out.push({ module: v, at: { value: v, loc: nodeLoc(src.file, args[1]) }, forced: false, file: src.file });
    } else {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (left?.type !== 'subscript' || !/(^|\.)environ$/.test(left.childForFieldName('value')?.text ?? '')) continue;
      if (literalString(left.childForFieldName('subscript')) !== 'DJANGO_SETTINGS_MODULE') continue;
      const v = literalString(right);
      if (v !== null && right) out.push({ module: v, at: { value: v, loc: nodeLoc(src.file, right) }, forced: true, file: src.file });
    }
  }
  return out;
}

/** DJANGO_SETTINGS_MODULE values written in compose files, Dockerfiles, env files and systemd units. */
export function configReferences(ctx: RepoCollectContext, compose: ComposeProject[], dockerfiles: DockerfileFacts[], units: UnitEnv[]): Located<string>[] {
  const out: Located<string>[] = [];
  const seen = new Set<string>();
  const add = (l: Located<string>) => {
    const key = `${l.loc.file}:${l.loc.line}:${l.loc.col}`;
    // Only module names: an uninterpolated ${VAR} or an empty value names nothing.
    if (seen.has(key) || !/^[A-Za-z_][\w.]*$/.test(l.value)) return;
    seen.add(key);
    out.push(l);
  };
  for (const p of compose) for (const s of p.services) for (const e of s.environment) if (e.key.value === 'DJANGO_SETTINGS_MODULE' && e.value) add(e.value);
  for (const df of dockerfiles) for (const st of df.stages) if (st.env.DJANGO_SETTINGS_MODULE) add(st.env.DJANGO_SETTINGS_MODULE.at);
  for (const f of ctx.envFiles) for (const e of f.entries) if (e.key.value === 'DJANGO_SETTINGS_MODULE') add(e.value);
  for (const u of units) for (const v of u.vars) if (v.key === 'DJANGO_SETTINGS_MODULE') add(v.value);
  return out;
}

export interface ChoiceInputs {
  productionEnv: Record<string, EnvSource>;
  /** A module named on the server command line. */
  command: { module: string; at: Located<string>; how: string } | null;
  /** wsgi/asgi references, the serving one first. */
  entryPoints: PythonReference[];
  manage: PythonReference[];
  settingsModules: { module: string; file: string }[];
  /** The file of a module, or null when it is not in the repository. */
  fileOf: (module: string) => string | null;
}

/** Decides which settings module production uses, and why. */
export function chooseSettings(inp: ChoiceInputs): SettingsChoice | null {
  const missing: string[] = [];
  const take = (module: string, reason: string, at: Located<string> | null, ambiguous: boolean): SettingsChoice | null => {
    const file = inp.fileOf(module);
    if (!file) {
      missing.push(`${module} (${reason}) is not in the repository`);
      return null;
    }
    const note = missing.length ? `; ${missing.join('; ')}` : '';
    return { module, file, reason: reason + note, at, ambiguous: ambiguous || missing.length > 0 };
  };
  if (inp.command) {
    const c = take(inp.command.module, `--settings / DJANGO_SETTINGS_MODULE on ${inp.command.how}`, inp.command.at, false);
    if (c) return c;
  }
  const forced = inp.entryPoints.find((r) => r.forced);
  if (forced) {
    const c = take(forced.module, `os.environ['DJANGO_SETTINGS_MODULE'] set in ${forced.file}:${forced.at.loc.line}`, forced.at, false);
    if (c) return c;
  }
  const env = inp.productionEnv.DJANGO_SETTINGS_MODULE;
  if (env && /^[A-Za-z_][\w.]*$/.test(env.value)) {
    const c = take(env.value, `DJANGO_SETTINGS_MODULE in ${env.origin}`, env.at, false);
    if (c) return c;
  }
  const eps = [...new Map(inp.entryPoints.map((r) => [r.module, r])).values()];
  for (const ep of eps) {
    const c = take(ep.module, `default in ${ep.file}:${ep.at.loc.line} (os.environ.setdefault, used when DJANGO_SETTINGS_MODULE is not set)`, ep.at, eps.length > 1);
    if (c) return c;
  }
  const prodLike = inp.settingsModules.filter((m) => PROD_NAME.test(m.module.split('.').pop() ?? ''));
  const manage = inp.manage[0];
  if (manage && !(DEV_NAME.test(manage.module.split('.').pop() ?? '') && prodLike.length > 0)) {
    const c = take(manage.module, `default in ${manage.file}:${manage.at.loc.line}; no production entry point names a settings module`, manage.at, true);
    if (c) return c;
  }
  if (prodLike.length >= 1) {
    const m = prodLike[0];
    const others = prodLike.length > 1 ? ` (also ${prodLike.slice(1).map((x) => x.module).join(', ')})` : '';
    return { module: m.module, file: m.file, reason: `named like a production settings module${others}; nothing in the repository names the module production uses${missing.length ? `; ${missing.join('; ')}` : ''}`, at: null, ambiguous: true };
  }
  if (inp.settingsModules.length === 1) {
    const m = inp.settingsModules[0];
    return { module: m.module, file: m.file, reason: `the only settings module in the project${missing.length ? `; ${missing.join('; ')}` : ''}`, at: null, ambiguous: missing.length > 0 };
  }
  if (inp.settingsModules.length > 1) {
    const pick = inp.settingsModules.find((m) => /(^|\.)settings$/.test(m.module)) ?? inp.settingsModules.find((m) => !DEV_NAME.test(m.module.split('.').pop() ?? ''));
    if (pick) return { module: pick.module, file: pick.file, reason: `one of ${inp.settingsModules.length} settings modules; nothing in the repository names the module production uses`, at: null, ambiguous: true };
  }
  return null;
}

/** Reference facts for every place naming a settings module. */
export function toReferences(config: Located<string>[], python: PythonReference[], fileOf: (m: string) => string | null): SettingsModuleReference[] {
  const refs: SettingsModuleReference[] = [];
  for (const l of config) refs.push({ module: l.value, at: l, exists: fileOf(l.value) !== null });
  for (const p of python) refs.push({ module: p.module, at: p.at, exists: fileOf(p.module) !== null });
  return refs;
}
