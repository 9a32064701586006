// Which compose files form a project, what the project is for, and which env files feed its interpolation.
import type { ComposePurpose } from '../../../facts/compose.js';
import type { EnvFile } from '../../../facts/repo.js';
import { yamlGet, type YamlMap } from '../../../parsers/yaml.js';
import type { Lookup } from './interpolate.js';

/** Default file names, in the order `docker compose` looks for them. */
const DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** A compose file parsed into a mapping. */
export interface ParsedFile {
  path: string;
  root: YamlMap;
}

/** File name of a repo-relative path. */
export function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Directory of a repo-relative path ("" for the root). */
export function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** Joins a repo-relative directory and a name. */
export function inDir(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/**
 * Groups files into projects: `X.yml` with `X.override.yml` (either extension), in the same directory. A file
 * whose services lack both `image` and `build` (an overlay used as `-f docker-compose.yml -f docker-compose.prod.yml`)
 * is merged onto the directory's default file.
 */
export function groupFiles(paths: string[], load: (p: string) => ParsedFile | null): string[][] {
  // An example overlay (docker-compose.override.example.yml) is what a user may copy, not what runs: merged onto
  // the default file it would audit the same services twice, with the example's extras as if they were deployed.
  const example = (p: string) => isExampleName(p) && !DEFAULT_NAMES.includes(base(p).toLowerCase());
  const set = new Set(paths);
  const overridesOf = new Map<string, string[]>();
  const standalone: string[] = [];
  for (const p of paths) {
    const m = /^(.*)\.override\.(ya?ml)$/i.exec(base(p));
    const dir = dirOf(p);
    const baseFile = m ? [`${m[1]}.yml`, `${m[1]}.yaml`].map((n) => inDir(dir, n)).find((c) => set.has(c)) : undefined;
    if (baseFile) overridesOf.set(baseFile, [...(overridesOf.get(baseFile) ?? []), p]);
    else standalone.push(p);
  }
  return standalone.flatMap((p) => {
    const overrides = overridesOf.get(p) ?? [];
    if (overrides.length > 0 || DEFAULT_NAMES.includes(base(p).toLowerCase())) return [[p, ...overrides]];
    const dir = dirOf(p);
    const defaultFile = DEFAULT_NAMES.map((n) => inDir(dir, n)).find((c) => set.has(c));
    if (defaultFile && isOverlay(load(p), load(defaultFile))) return example(p) ? [] : [[defaultFile, p]];
    return [[p]];
  });
}

/** True when some service of `file` has no image, build or extends, and the default file defines it. */
function isOverlay(file: ParsedFile | null, defaults: ParsedFile | null): boolean {
  if (!file || !defaults) return false;
  const services = yamlGet(file.root, 'services');
  const known = yamlGet(defaults.root, 'services');
  if (services?.kind !== 'map' || known?.kind !== 'map') return false;
  return services.pairs.some(
    (p) => !yamlGet(p.value, 'image') && !yamlGet(p.value, 'build') && !yamlGet(p.value, 'extends') && known.pairs.some((k) => k.key === p.key),
  );
}

const PROD_WORDS = new Set(['prod', 'production', 'prd', 'live', 'release', 'deploy', 'deployment', 'staging', 'stage', 'stg', 'server', 'vps']);
const DEV_WORDS = new Set(['dev', 'develop', 'development', 'local', 'debug', 'devcontainer']);
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'ci', 'e2e', 'integration']);

function words(s: string): string[] {
  return s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Judges the purpose from file and directory names; null when the names say nothing. */
export function purposeFromNames(files: string[]): { kind: ComposePurpose; reason: string } | null {
  const judge = (ws: string[], what: string): { kind: ComposePurpose; reason: string } | null => {
    if (ws.some((w) => PROD_WORDS.has(w))) return { kind: 'production', reason: `${what} names a production setup` };
    if (ws.some((w) => DEV_WORDS.has(w))) return { kind: 'development', reason: `${what} names a development setup` };
    if (ws.some((w) => TEST_WORDS.has(w))) return { kind: 'test', reason: `${what} names a test/CI setup` };
    return null;
  };
  for (const f of [...files].reverse()) {
    const stem = base(f).replace(/\.ya?ml$/i, '').replace(/^(docker-)?compose/i, '');
    const r = judge(words(stem), f);
    if (r) return r;
  }
  return judge(words(dirOf(files[0])), `the directory of ${files[0]}`);
}

const EXAMPLE_NAME = /(example|sample|template|dist|tmpl|default)/i;

/** Env example / template file names (.env.example, env.sample, .env.prod.template...). */
export function isExampleName(path: string): boolean {
  return EXAMPLE_NAME.test(base(path));
}

/** Env files used for interpolation, most preferred first: `.env` beside the file, then the env files matching the purpose (`.env.prod*` for production), then examples; the root directory when the project directory has none. */
export function interpolationSources(envFiles: EnvFile[], dir: string, purpose: ComposePurpose | null): EnvFile[] {
  const pick = (d: string): EnvFile[] => {
    const here = envFiles.filter((e) => dirOf(e.path) === d);
    const dotEnv = here.filter((e) => base(e.path) === '.env');
    const realFirst = (list: EnvFile[]) => [...list.filter((e) => !isExampleName(e.path)), ...list.filter((e) => isExampleName(e.path))];
    const prod = realFirst(here.filter((e) => e.role === 'production'));
    const dev = realFirst(here.filter((e) => e.role === 'development'));
    const examples = here.filter((e) => e.role === 'example');
    const others = here.filter((e) => e.role === 'env' && base(e.path) !== '.env');
    if (purpose === 'production') return [...dotEnv, ...prod, ...examples, ...others];
    if (purpose === 'development' || purpose === 'test') return [...dotEnv, ...dev, ...examples, ...others];
    return [...dotEnv, ...examples, ...prod, ...others];
  };
  const local = pick(dir);
  return local.length > 0 || dir === '' ? local : pick('');
}

/** Variable lookup over env files, the first file defining a name winning. */
export function makeLookup(sources: EnvFile[]): Lookup {
  const values = new Map<string, { value: string; file: string }>();
  for (const f of sources) for (const e of f.entries) if (!values.has(e.key.value)) values.set(e.key.value, { value: e.value.value, file: f.path });
  return (name) => values.get(name);
}
