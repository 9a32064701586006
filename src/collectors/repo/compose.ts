// Compose collector: groups compose files with their overrides, parses, interpolates and merges them into projects.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Located } from '../../core/types/located.js';
import type { ComposeProject, ComposePurpose, ComposeService, ComposeVariableUse } from '../../facts/compose.js';
import { parseYaml, yamlGet, yamlString, type YamlMap, type YamlNode, type YamlPair } from '../../parsers/yaml.js';
import type { RepoCollectContext } from './context.js';
import { envExamples } from './compose/env-examples.js';
import { indexEnvReferences, type EnvReferenceIndex } from './compose/env-references.js';
import { base, dirOf, groupFiles, interpolationSources, makeLookup, purposeFromNames, type ParsedFile } from './compose/files.js';
import { canonicalService, mergeNode, mergeService } from './compose/merge.js';
import { normalizeService, resolveInRepo, type RepoView } from './compose/normalize.js';
import { interpolateTree, type InterpolationSink, type LocatedRef } from './compose/tree.js';

const SECRET_KEY = /(^|_)(pass(word)?|passwd|pwd|secret|token|api_?key|private_?key|access_?key|secret_?key|auth_?key|credentials?)($|_)/i;

/** Collects every Compose project of the repository. Unparsable files become parse problems; never throws. */
export function collectCompose(ctx: RepoCollectContext): ComposeProject[] {
  const paths = ctx.ofKind('compose').map((f) => f.path);
  const parsed = new Map<string, ParsedFile | null>();
  const load = (path: string): ParsedFile | null => {
    if (!parsed.has(path)) parsed.set(path, parseComposeFile(ctx, path));
    return parsed.get(path) ?? null;
  };
  const groups = groupFiles(paths, load);
  const gitignored = gitignoreMatcher(ctx);
  let refIndex: EnvReferenceIndex | null = null;
  const references = () => (refIndex ??= indexEnvReferences(ctx));
  const projects: ComposeProject[] = [];
  for (const files of groups) {
    if (files.some((f) => load(f) === null)) continue;
    const first = load(files[0])!;
    if (!yamlGet(first.root, 'services') && !yamlGet(first.root, 'include')) {
      ctx.parseProblem('compose', { path: first.path, line: first.root.loc.line, col: first.root.loc.col, message: 'the file has no "services" section', as: 'compose' });
      continue;
    }
    try {
      const project = buildProject(ctx, files, load, gitignored);
      if (project) projects.push(project);
    } catch (err) {
      // A shape no branch expected must not stop the scan: the rules needing compose report unknown for it.
      ctx.issue('compose', files[0], `${files.join(' + ')} could not be read as a Compose project (a bug in opsaudit): ${(err as Error).message}`);
    }
  }
  // The default file alone is what `docker compose up` runs on a developer machine when a production overlay exists.
  for (const p of projects) {
    const overlay = projects.find((o) => o !== p && o.files.length === 2 && o.files[0] === p.file && !/\.override\./i.test(o.files[1]) && o.purpose.kind === 'production');
    if (overlay) p.purpose = { kind: 'base', reason: `${p.file} is the base of ${overlay.files.join(' + ')}, audited as that combination` };
    // docker-compose.yml beside a standalone docker-compose.prod.yml: the unnamed one is what developers run.
    const sibling = p.purpose.kind === 'unknown' ? projects.find((o) => o !== p && o.files[0] !== p.file && o.purpose.kind === 'production' && dirOf(o.file) === dirOf(p.file) && PROD_NAME.test(base(o.file))) : undefined;
    if (sibling) p.purpose = { kind: 'development', reason: `${sibling.file} beside it is the production file; ${p.file} is taken as the development one` };
  }
  const daemon = daemonLogRotation(ctx);
  for (const p of projects) {
    p.daemonLogRotation = daemon;
    try {
      p.envExamples = envExamples(ctx, p, references);
    } catch (err) {
      ctx.issue('compose', p.file, `the env example files of ${p.file} could not be indexed (a bug in opsaudit): ${(err as Error).message}`);
    }
  }
  return projects;
}

/** Reads and parses one compose file; problems are recorded and give null. */
function parseComposeFile(ctx: RepoCollectContext, path: string): ParsedFile | null {
  const src = ctx.read(path, 'compose');
  if (!src) return null;
  const res = parseYaml(path, src.text);
  if (!res.ok) {
    ctx.parseProblem('compose', { path, line: res.error.line, col: res.error.col, message: res.error.message, as: 'compose' });
    return null;
  }
  const root = res.root;
  if (!root || root.kind !== 'map') {
    const where = root?.loc ?? { line: 1, col: 1 };
    ctx.parseProblem('compose', {
      path,
      line: where.line,
      col: where.col,
      message: root ? `the top level is a ${root.kind === 'seq' ? 'list' : 'value'}, Compose expects a mapping with "services"` : 'the file is empty',
      as: 'compose',
    });
    return null;
  }
  const services = root.pairs.find((p) => p.key === 'services');
  if (services && services.value.kind !== 'map' && !(services.value.kind === 'scalar' && services.value.value === null)) {
    ctx.parseProblem('compose', { path, line: services.keyLoc.line, col: services.keyLoc.col, message: '"services" must be a mapping of service names', as: 'compose' });
    return null;
  }
  if (services?.value.kind === 'map') {
    const bad = services.value.pairs.find((p) => p.value.kind !== 'map' && !(p.value.kind === 'scalar' && p.value.value === null));
    if (bad) {
      ctx.parseProblem('compose', { path, line: bad.keyLoc.line, col: bad.keyLoc.col, message: `service "${bad.key}" must be a mapping`, as: 'compose' });
      return null;
    }
  }
  return { path, root };
}
// ---------------------------------------------------------------------------------------------------------------
// Building a project

function buildProject(
  ctx: RepoCollectContext,
  files: string[],
  load: (p: string) => ParsedFile | null,
  gitignored: (path: string, isDir: boolean) => boolean,
): ComposeProject | null {
  const dir = dirOf(files[0]);
  const namePurpose = purposeFromNames(files);
  const sources = interpolationSources(ctx.envFiles, dir, namePurpose?.kind ?? null);
  const lookup = makeLookup(sources);
  const sink: InterpolationSink = { refs: [], errors: [] };
  const trees = new Map<string, YamlMap>();
  const interpolated = (path: string): YamlMap | null => {
    if (!trees.has(path)) {
      const f = load(path);
      if (!f) return null;
      trees.set(path, interpolateTree(f.root, lookup, sink) as YamlMap);
    }
    return trees.get(path) ?? null;
  };

  const serviceNodes = new Map<string, { name: Located<string>; file: string; node: YamlNode }>();
  const topVolumes = new Map<string, Located<string>>();
  const topSecrets = new Map<string, { name: Located<string>; file: Located<string> | null }>();
  for (const path of files) {
    const tree = interpolated(path);
    if (!tree) return null;
    const services = yamlGet(tree, 'services');
    for (const p of services?.kind === 'map' ? services.pairs : []) {
      const own = canonicalService(resolveExtends(ctx, path, tree, p, interpolated, 0));
      const prev = serviceNodes.get(p.key);
      if (prev) prev.node = mergeService(p.key, prev.node, own);
      else serviceNodes.set(p.key, { name: { value: p.key, loc: p.keyLoc }, file: path, node: own });
    }
    const vols = yamlGet(tree, 'volumes');
    for (const p of vols?.kind === 'map' ? vols.pairs : []) if (!topVolumes.has(p.key)) topVolumes.set(p.key, { value: p.key, loc: p.keyLoc });
    const secrets = yamlGet(tree, 'secrets');
    for (const p of secrets?.kind === 'map' ? secrets.pairs : []) {
      const fileNode = yamlGet(p.value, 'file');
      const fileStr = yamlString(fileNode);
      topSecrets.set(p.key, { name: { value: p.key, loc: p.keyLoc }, file: fileStr !== null && fileNode ? { value: fileStr, loc: fileNode.loc } : null });
    }
  }
  for (const e of sink.errors) {
    ctx.parseProblem('compose', { path: e.loc.file, line: e.loc.line, col: e.loc.col, message: e.message, as: 'compose' });
  }

  // Discovery skips some directories (build/, dist/, staticfiles/...), so the disk is asked as well.
  const onDisk = (p: string) => existsSync(join(ctx.root, p));
  const repo: RepoView = {
    dir,
    exists: (p) => ctx.exists(p) || onDisk(p),
    dirExists: (p) => ctx.dirExists(p) || onDisk(p),
    gitignored,
  };
  const services: ComposeService[] = [...serviceNodes.values()].map((s) => normalizeService(s.name, s.file, s.node, repo));
  for (const s of services) registerSecrets(ctx, s);

  return {
    file: files[0],
    files,
    dir,
    purpose: namePurpose ?? purposeFromCommands(services, files[0]),
    services,
    volumes: [...topVolumes.values()],
    secrets: [...topSecrets.values()],
    variables: variableUses(sink.refs),
    interpolationSources: sources.map((s) => s.path),
    envExamples: [],
    daemonLogRotation: null,
    includes: files.flatMap((f) => {
      const inc = yamlGet(load(f)?.root ?? null, 'include');
      return inc ? [{ value: f, loc: inc.loc }] : [];
    }),
  };
}

/** Applies `extends:` (same file or another file), depth-limited; the extending service wins. */
function resolveExtends(
  ctx: RepoCollectContext,
  file: string,
  tree: YamlMap,
  pair: YamlPair,
  interpolated: (path: string) => YamlMap | null,
  depth: number,
): YamlNode {
  const node = pair.value.kind === 'map' ? pair.value : ({ ...pair.value, kind: 'map', pairs: [] } as YamlMap);
  const ext = yamlGet(node, 'extends');
  if (!ext) return node;
  const own: YamlMap = { ...node, pairs: node.pairs.filter((p) => p.key !== 'extends') };
  const serviceName = ext.kind === 'scalar' ? yamlString(ext) : yamlString(yamlGet(ext, 'service'));
  const otherFile = ext.kind === 'map' ? yamlString(yamlGet(ext, 'file')) : null;
  if (!serviceName || depth > 10) return own;
  let targetFile = file;
  let targetTree: YamlMap | null = tree;
  if (otherFile) {
    targetFile = resolveInRepo(dirOf(file), otherFile) ?? '';
    if (!targetFile || !ctx.exists(targetFile)) {
      ctx.issue('compose', file, `${file}: service "${pair.key}" extends ${otherFile}, which is not in the repository`);
      return own;
    }
    if (!ctx.read(targetFile, 'compose')) return own;
    const res = parseYaml(targetFile, ctx.sources.get(targetFile)!.text);
    if (!res.ok) {
      ctx.parseProblem('compose', { path: targetFile, line: res.error.line, col: res.error.col, message: res.error.message, as: 'compose' });
      return own;
    }
    targetTree = res.root?.kind === 'map' ? (interpolated(targetFile) ?? res.root) : null;
  }
  const services = yamlGet(targetTree, 'services');
  const basePair = services?.kind === 'map' ? services.pairs.find((p) => p.key === serviceName) : undefined;
  if (!basePair || !targetTree) {
    ctx.issue('compose', file, `${file}: service "${pair.key}" extends "${serviceName}", which is not defined`);
    return own;
  }
  const baseNode = canonicalService(resolveExtends(ctx, targetFile, targetTree, basePair, interpolated, depth + 1));
  return mergeNode(baseNode, canonicalService(own), ['services', pair.key]) ?? own;
}

const RUNSERVER = /\b(manage\.py|django-admin)\s+runserver(_plus)?\b/;

/** A file named for production proper (staging files do not make the default file a development one). */
const PROD_NAME = /(^|[._-])(prod|production|prd|live)([._-]|$)/i;

/** A Dockerfile for local work (docker/local/django/Dockerfile, Dockerfile.dev, dev.Dockerfile). */
const DEV_DOCKERFILE = /(^|\/)(local|dev|develop|development)(\/|$)|Dockerfile\.(dev|local|development)$|(^|\/)(dev|local|development)\.Dockerfile$/i;

function purposeFromCommands(services: ComposeService[], file: string): { kind: ComposePurpose; reason: string } {
  const dev = services.find((s) => s.command && RUNSERVER.test(s.command.value));
  if (dev) return { kind: 'development', reason: `service "${dev.name.value}" runs the Django development server (runserver)` };
  const local = services.find((s) => s.build?.dockerfilePath && DEV_DOCKERFILE.test(s.build.dockerfilePath));
  if (local) return { kind: 'development', reason: `service "${local.name.value}" is built from ${local.build!.dockerfilePath}, a Dockerfile for local development` };
  return { kind: 'unknown', reason: `${file} does not name its environment; audited as production` };
}

function variableUses(refs: LocatedRef[]): ComposeVariableUse[] {
  const seen = new Set<string>();
  const out: ComposeVariableUse[] = [];
  for (const r of refs) {
    const k = `${r.name}@${r.loc.file}:${r.loc.line}:${r.loc.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ name: r.name, loc: r.loc, hasDefault: r.hasDefault, required: r.required, definedIn: r.definedIn });
  }
  return out;
}

/** Literal secrets written in `environment:` (and passwords inside URLs) are masked in every output. */
function registerSecrets(ctx: RepoCollectContext, s: ComposeService): void {
  for (const e of s.environment) {
    if (!e.value || /_FILE$/i.test(e.key.value)) continue;
    if (SECRET_KEY.test(e.key.value)) ctx.secret(e.value.value);
    const url = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i.exec(e.value.value);
    if (url) ctx.secret(url[1]);
    for (const i of e.interpolated) if (i.defaultValue && SECRET_KEY.test(e.key.value)) ctx.secret(i.defaultValue);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// daemon.json

/** The first daemon.json in the repository whose logging defaults rotate (read as YAML, which JSON is, for positions). */
function daemonLogRotation(ctx: RepoCollectContext): Located<string> | null {
  for (const f of ctx.files) {
    if (base(f.path) !== 'daemon.json' || f.size > 256 * 1024) continue;
    const src = ctx.read(f.path, 'repo');
    const res = src ? parseYaml(f.path, src.text) : null;
    if (!res?.ok || !res.root) continue;
    const driverNode = yamlGet(res.root, 'log-driver');
    const driver = yamlString(driverNode);
    const maxSize = yamlGet(yamlGet(res.root, 'log-opts'), 'max-size');
    if (maxSize && yamlString(maxSize)) return { value: `max-size ${yamlString(maxSize)}`, loc: maxSize.loc };
    if (driverNode && driver && driver !== 'json-file') return { value: `log-driver ${driver}`, loc: driverNode.loc };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// .gitignore

function gitignoreMatcher(ctx: RepoCollectContext): (path: string, isDir: boolean) => boolean {
  let scopes: { dir: string; rules: Ignore }[] | null = null;
  return (path, isDir) => {
    scopes ??= ctx.ofKind('gitignore').flatMap((f) => {
      const src = ctx.read(f.path, 'repo');
      return src ? [{ dir: dirOf(f.path), rules: ignore().add(src.text) }] : [];
    });
    return scopes.some((s) => {
      if (s.dir && !path.startsWith(`${s.dir}/`)) return false;
      const rel = s.dir ? path.slice(s.dir.length + 1) : path;
      return rel !== '' && s.rules.ignores(isDir ? `${rel}/` : rel);
    });
  };
}
