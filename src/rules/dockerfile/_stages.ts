// Shared helpers of the Dockerfile rules: which Dockerfiles and stages are audited, and how compose builds them.
import type { ComposeProject, ComposeService } from '../../facts/compose.js';
import type { DockerInstruction, DockerShellCommand, DockerStage, DockerfileFacts } from '../../facts/dockerfile.js';
import type { Facts } from '../../facts/index.js';

/** Path words that mark development, test or CI material (`Dockerfile.dev`, `compose/local/django/Dockerfile`). */
const DEV_WORDS = new Set(['dev', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci', 'debug', 'e2e', 'devcontainer', 'sandbox']);
const PROD_WORDS = new Set(['prod', 'production', 'live', 'release']);

function words(path: string): string[] {
  return path.toLowerCase().split(/[/._-]+/).filter(Boolean);
}

/** True when a file's path names it as development/test material rather than production. */
export function isDevelopmentPath(path: string): boolean {
  return words(path).some((w) => DEV_WORDS.has(w));
}

function isProductionPath(path: string): boolean {
  return words(path).some((w) => PROD_WORDS.has(w));
}

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** A compose service that builds a Dockerfile of the repository. */
export interface ComposeBuild {
  project: ComposeProject;
  service: ComposeService;
  /** `build.target`, or null for the last stage. */
  target: string | null;
  /** The compose file is named as development/test material (docker-compose.dev.yml, local.yml). */
  development: boolean;
}

/** Compose services whose build resolves to this Dockerfile (context relative to the compose file). */
export function composeBuildsOf(facts: Facts, df: DockerfileFacts): ComposeBuild[] {
  const out: ComposeBuild[] = [];
  for (const project of facts.compose) {
    for (const service of project.services) {
      const build = service.build;
      if (!build) continue;
      if (build.dockerfilePath !== undefined) {
        // The compose collector resolved the path (null: remote context, inline Dockerfile, outside the repo).
        if (build.dockerfilePath !== df.path) continue;
      } else {
        if (/^[a-z]+:\/\/|^git@/.test(build.context.value)) continue;
        const base = dirOf(service.file || project.file);
        if (normalise(`${base}/${build.context.value}/${build.dockerfile?.value ?? 'Dockerfile'}`) !== df.path) continue;
      }
      out.push({ project, service, target: build.target?.value ?? null, development: isDevelopmentPath(service.file || project.file) });
    }
  }
  return out;
}

/** The Dockerfiles a production audit looks at, and the development ones it leaves out (with why). */
export function auditedDockerfiles(facts: Facts): { audited: DockerfileFacts[]; skipped: { df: DockerfileFacts; reason: string }[] } {
  const audited: DockerfileFacts[] = [];
  const skipped: { df: DockerfileFacts; reason: string }[] = [];
  for (const df of facts.dockerfiles) {
    if (df.stages.length === 0) {
      skipped.push({ df, reason: `${df.path} defines no build stage` });
      continue;
    }
    const prodBuild = composeBuildsOf(facts, df).some((b) => isProductionPath(b.service.file || b.project.file));
    if (isDevelopmentPath(df.path) && !prodBuild) {
      skipped.push({ df, reason: `${df.path} is a development/test Dockerfile (by its path), not a production image` });
      continue;
    }
    audited.push(df);
  }
  return { audited, skipped };
}

/** Finds a stage by name (case-insensitive, as Docker does) or by index. */
export function stageByName(df: DockerfileFacts, name: string): DockerStage | undefined {
  const lower = name.toLowerCase();
  return df.stages.find((s) => s.name?.value.toLowerCase() === lower) ?? (/^\d+$/.test(name) ? df.stages[Number(name)] : undefined);
}

/** A readable, stable target name for a stage: the file alone for single-stage Dockerfiles. */
export function stageTarget(df: DockerfileFacts, stage: DockerStage): string {
  if (df.stages.length === 1) return df.path;
  return `${df.path}#${stage.name?.value ?? `stage ${stage.index}`}`;
}

const BUILDER_WORDS = new Set(['build', 'builder', 'building', 'compile', 'compiler', 'deps', 'dependencies', 'wheels', 'wheel', 'assets', 'node', 'frontend', 'base', 'venv', 'requirements']);

function isDevStage(stage: DockerStage): boolean {
  return stage.name !== null && words(stage.name.value).some((w) => DEV_WORDS.has(w));
}

/** The stage `docker build` produces, unless it is a dev/test variant after a production one. */
function defaultStage(df: DockerfileFacts): DockerStage {
  const last = df.stages[df.stages.length - 1];
  if (!isDevStage(last)) return last;
  for (let i = df.stages.length - 2; i >= 0; i--) {
    const s = df.stages[i];
    if (!isDevStage(s) && !(s.name && words(s.name.value).some((w) => BUILDER_WORDS.has(w)))) return s;
  }
  return last;
}

/** A stage the image is built from, with the compose services that run it. */
export interface EvaluatedStage {
  df: DockerfileFacts;
  stage: DockerStage;
  target: string;
  /** Compose services (any file) that build exactly this stage. */
  builds: ComposeBuild[];
}

/**
 * The stages a production image is built from: the last stage, plus every stage a compose service builds
 * with `build.target`. When every production compose build of this Dockerfile names a target, only those
 * targets are evaluated (the last stage is then, typically, a development stage nobody deploys).
 * Targets naming no stage are returned in `missing`.
 */
export function evaluatedStages(facts: Facts, df: DockerfileFacts): { stages: EvaluatedStage[]; missing: { target: string; build: ComposeBuild }[] } {
  const last = df.stages[df.stages.length - 1];
  const builds = composeBuildsOf(facts, df);
  const relevant = builds.some((b) => !b.development) ? builds.filter((b) => !b.development) : [];
  const chosen = new Map<number, ComposeBuild[]>();
  const missing: { target: string; build: ComposeBuild }[] = [];
  const add = (stage: DockerStage, build: ComposeBuild | null): void => {
    const list = chosen.get(stage.index) ?? [];
    if (build) list.push(build);
    chosen.set(stage.index, list);
  };
  // Without compose, `docker build` builds the last stage; a last stage named dev/test is taken as a
  // development variant and the production candidate is the last other stage that is not a builder.
  if (relevant.length === 0) add(defaultStage(df), null);
  else if (relevant.some((b) => b.target === null)) add(last, null);
  for (const b of relevant) {
    if (b.target === null) {
      add(last, b);
      continue;
    }
    const stage = stageByName(df, b.target);
    if (stage) add(stage, b);
    else missing.push({ target: b.target, build: b });
  }
  // Development builds of the evaluated stages still tell what runs them (healthchecks, environment).
  for (const b of builds) {
    if (relevant.includes(b)) continue;
    const stage = b.target === null ? last : stageByName(df, b.target);
    if (stage && chosen.has(stage.index)) chosen.get(stage.index)?.push(b);
  }
  // A dev-named stage targeted only from compose files not named production, next to other targets, is dropped.
  if (chosen.size > 1) {
    for (const [index, list] of [...chosen.entries()]) {
      if (isDevStage(df.stages[index]) && list.every((b) => !isProductionPath(b.service.file || b.project.file)) && chosen.size > 1) chosen.delete(index);
    }
  }
  const stages = [...chosen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, list]) => ({ df, stage: df.stages[index], target: stageTarget(df, df.stages[index]), builds: list }));
  return { stages, missing };
}

/** The stage and its ancestors in this file (`FROM builder` chains), nearest first. */
export function stageChain(df: DockerfileFacts, stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [];
  let cur: DockerStage | undefined = stage;
  while (cur && !chain.includes(cur)) {
    chain.push(cur);
    cur = cur.parent !== null ? df.stages[cur.parent] : undefined;
  }
  return chain;
}

/** The stages whose layers end up in an evaluated image (evaluated stages and their FROM ancestors). */
export function shippedStages(facts: Facts, df: DockerfileFacts): Set<number> {
  const out = new Set<number>();
  for (const e of evaluatedStages(facts, df).stages) for (const s of stageChain(df, e.stage)) out.add(s.index);
  return out;
}

/** The external base image a stage finally builds on (following FROM <stage> chains). */
export function baseImageOf(df: DockerfileFacts, stage: DockerStage): DockerStage {
  const chain = stageChain(df, stage);
  return chain[chain.length - 1];
}

/** The commands the container runs: ENTRYPOINT's then CMD's (both effective for the stage). */
export function startupCommands(stage: DockerStage): { instr: DockerInstruction; command: DockerShellCommand }[] {
  const out: { instr: DockerInstruction; command: DockerShellCommand }[] = [];
  for (const instr of [stage.entrypoint, stage.cmd]) {
    if (!instr) continue;
    for (const command of instr.commands) out.push({ instr, command });
  }
  return out;
}

/** Index of a word that is the program `name` (by basename), or -1. */
export function programIndex(command: DockerShellCommand, names: readonly string[]): number {
  return command.words.findIndex((w) => names.includes(w.value.slice(w.value.lastIndexOf('/') + 1)));
}

/** The command name, skipping wrappers (`exec`, `sudo`, `env A=b`, `uv run`, `poetry run`...). */
export function commandName(command: DockerShellCommand): { name: string; index: number } | null {
  const w = command.words;
  let i = 0;
  while (i < w.length) {
    const v = w[i].value;
    const base = v.slice(v.lastIndexOf('/') + 1);
    if (base === 'exec' || base === 'nohup' || base === 'tini' || base === 'dumb-init' || base === '--') {
      i++;
      continue;
    }
    if (base === 'sudo' || base === 'gosu' || base === 'su-exec') {
      // `sudo -u app cmd`, `gosu app cmd`: skip the options and, for gosu/su-exec, the user.
      i++;
      while (i < w.length && w[i].value.startsWith('-')) i += /^-[ugCDhprt]$/.test(w[i].value) ? 2 : 1;
      if (base !== 'sudo') i++;
      continue;
    }
    if (base === 'env') {
      i++;
      while (i < w.length && (w[i].value.includes('=') || w[i].value.startsWith('-'))) i++;
      continue;
    }
    if ((base === 'uv' || base === 'poetry' || base === 'pipenv' || base === 'pdm' || base === 'hatch') && w[i + 1]?.value === 'run') {
      i += 2;
      while (i < w.length && w[i].value.startsWith('-')) i++;
      continue;
    }
    return { name: base, index: i };
  }
  return null;
}

/** The environment a compose service gives a variable (explicit `environment:` or an env file it loads). */
export function composeEnvValue(facts: Facts, build: ComposeBuild, key: string): string | null {
  const direct = build.service.environment.find((e) => e.key.value === key);
  if (direct) return direct.value?.value ?? null;
  const base = dirOf(build.service.file || build.project.file);
  for (const f of build.service.envFiles) {
    // env_file values are repo-relative already (compose collector); older shapes were relative to the compose file.
    const candidates = [normalise(f.value), normalise(`${base}/${f.value}`)];
    const file = facts.repo.envFiles.find((e) => candidates.includes(e.path));
    const entry = file?.entries.find((e) => e.key.value === key);
    if (entry) return entry.value.value;
  }
  return null;
}

/** Shows a command line compactly in messages. */
export function shorten(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}

/** An image reference split into repository (with registry), tag and digest. */
export function parseImageRef(ref: string): { repository: string; name: string; tag: string | null; digest: string | null } {
  let rest = ref.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest, name: rest.slice(rest.lastIndexOf('/') + 1).toLowerCase(), tag, digest };
}

/** Commands (and their instructions) of the RUN instructions of a stage. */
export function runCommands(stage: DockerStage): { instr: DockerInstruction; command: DockerShellCommand; index: number }[] {
  return stage.instructions
    .filter((i) => i.keyword === 'RUN')
    .flatMap((instr) => instr.commands.map((command, index) => ({ instr, command, index })));
}

/**
 * True when the file had syntax problems. Rules that report an absence (no USER, no HEALTHCHECK) stay silent
 * then: the missing instruction may be the one that could not be read, and the engine already reports the
 * file as unknown for them.
 */
export function hasParseProblems(facts: Facts, df: DockerfileFacts): boolean {
  return facts.repo.parseProblems.some((p) => p.path === df.path);
}
