// Turns one merged Compose service (a YAML tree) into a ComposeService fact: every syntax variant, one shape.
import { posix } from 'node:path';
import type { Located, SourceLoc } from '../../../core/types/located.js';
import type {
  ComposeDependsOn,
  ComposeEnvFileRef,
  ComposeEnvVar,
  ComposeHealthcheck,
  ComposeInterpolation,
  ComposePort,
  ComposeService,
  ComposeVolumeMount,
} from '../../../facts/compose.js';
import { yamlGet, yamlPair, yamlString, yamlToJS, type YamlNode } from '../../../parsers/yaml.js';
import type { WrittenScalar } from './tree.js';

/** What normalisation needs to know about the repository. */
export interface RepoView {
  /** Project directory, repo-relative ("" for the root). */
  dir: string;
  exists(path: string): boolean;
  dirExists(path: string): boolean;
  gitignored(path: string, isDir: boolean): boolean;
}

function located<T>(value: T, loc: SourceLoc): Located<T> {
  return { value, loc };
}

function str(node: YamlNode | undefined): Located<string> | null {
  const s = yamlString(node);
  return s === null || !node ? null : located(s, node.loc);
}

/** A command / entrypoint / test in string or list form, as one string. */
function commandString(node: YamlNode | undefined): Located<string> | null {
  if (!node) return null;
  if (node.kind === 'scalar') return str(node);
  if (node.kind === 'seq') {
    const words = node.items.map((i) => yamlString(i) ?? '');
    return located(words.map(shellWord).join(' '), node.loc);
  }
  return null;
}

function shellWord(w: string): string {
  return w === '' || /[\s'"\\$`]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w;
}

/**
 * Resolves a path written in the project against the project directory. Returns the repo-relative path, or null
 * when it is absolute, in a home directory, or outside the repository.
 */
export function resolveInRepo(dir: string, p: string): string | null {
  if (p === '' || p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')) return null;
  const joined = posix.normalize(posix.join(dir || '.', p.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

function hasUndefinedVariable(node: YamlNode | undefined): boolean {
  const refs = node && node.kind === 'scalar' ? ((node as WrittenScalar).refs ?? []) : [];
  return refs.some((r) => r.definedIn === null && !r.hasDefault);
}

function refsOf(node: YamlNode | undefined): ComposeInterpolation[] {
  const refs = node && node.kind === 'scalar' ? ((node as WrittenScalar).refs ?? []) : [];
  return refs.map((r) => ({ name: r.name, defaultValue: r.defaultValue, definedIn: r.definedIn }));
}

function environment(node: YamlNode | undefined): ComposeEnvVar[] {
  if (!node || node.kind !== 'map') return [];
  return node.pairs.map((p) => {
    const v = p.value as WrittenScalar;
    const value = v.kind === 'scalar' && v.value !== null ? located(yamlString(v) ?? '', v.loc) : null;
    const written = v.kind === 'scalar' ? (v.written ?? v.value) : null;
    return {
      key: located(p.key, p.keyLoc),
      value,
      raw: written === null || written === undefined ? null : String(written),
      interpolated: refsOf(v),
    };
  });
}

function envFiles(node: YamlNode | undefined, repo: RepoView): ComposeEnvFileRef[] {
  if (!node || node.kind !== 'seq') return [];
  const out: ComposeEnvFileRef[] = [];
  for (const item of node.items) {
    const pathNode = item.kind === 'map' ? yamlGet(item, 'path') : item;
    const written = str(pathNode);
    if (!written) continue;
    const requiredNode = item.kind === 'map' ? yamlGet(item, 'required') : undefined;
    const path = resolveInRepo(repo.dir, written.value);
    out.push({
      written,
      path,
      required: !(requiredNode && (requiredNode.kind === 'scalar' && (requiredNode.value === false || requiredNode.value === 'false'))),
      exists: path !== null && repo.exists(path),
    });
  }
  return out;
}

/** Parses the short port syntax `[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]` (IPv6 host IPs in brackets). */
export function parsePortShort(text: string): { hostIp: string | null; published: string | null; target: string; protocol: string | null } {
  let s = text.trim();
  let protocol: string | null = null;
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    protocol = s.slice(slash + 1);
    s = s.slice(0, slash);
  }
  let hostIp: string | null = null;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    hostIp = s.slice(1, end);
    s = s.slice(end + 2);
  }
  const parts = s.split(':');
  let published: string | null = null;
  let target: string;
  if (parts.length === 1) target = parts[0];
  else if (parts.length === 2) {
    published = parts[0];
    target = parts[1];
  } else {
    target = parts[parts.length - 1];
    published = parts[parts.length - 2];
    hostIp ??= parts.slice(0, -2).join(':');
  }
  return { hostIp: hostIp || null, published: published || null, target, protocol };
}

function ports(node: YamlNode | undefined): ComposePort[] {
  if (!node || node.kind !== 'seq') return [];
  const out: ComposePort[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar') {
      const text = yamlString(item);
      if (text === null) continue;
      out.push({ raw: located(text, item.loc), ...parsePortShort(text), interpolated: refsOf(item) });
    } else if (item.kind === 'map') {
      const target = yamlString(yamlGet(item, 'target'));
      if (target === null) continue;
      out.push({
        raw: located(JSON.stringify(yamlToJS(item)), item.loc),
        hostIp: yamlString(yamlGet(item, 'host_ip')) || null,
        published: yamlString(yamlGet(item, 'published')) || null,
        target,
        protocol: yamlString(yamlGet(item, 'protocol')),
        interpolated: ['host_ip', 'published', 'target'].flatMap((k) => refsOf(yamlGet(item, k))),
      });
    }
  }
  return out;
}

function isBindSource(src: string): boolean {
  return src.startsWith('/') || src.startsWith('.') || src.startsWith('~') || /^[A-Za-z]:[\\/]/.test(src) || src.startsWith('\\\\');
}

/** Splits `SOURCE:TARGET[:MODE]`, keeping a Windows drive letter (`C:\data`) with its path. */
function splitVolume(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ':' && !(cur.length === 1 && /[A-Za-z]/.test(cur) && /[\\/]/.test(s[i + 1] ?? '') && parts.length === 0)) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function volumes(node: YamlNode | undefined, repo: RepoView): ComposeVolumeMount[] {
  if (!node || node.kind !== 'seq') return [];
  const out: ComposeVolumeMount[] = [];
  for (const item of node.items) {
    let mount: Omit<ComposeVolumeMount, 'sourcePath' | 'exists' | 'gitignored'>;
    if (item.kind === 'scalar') {
      const text = yamlString(item);
      if (text === null) continue;
      const parts = splitVolume(text);
      if (parts.length === 1) {
        mount = { raw: located(text, item.loc), type: 'volume', source: null, target: parts[0], readOnly: false };
      } else {
        const [source, target, mode = ''] = parts;
        const type = source.startsWith('\\\\.\\pipe') || source.startsWith('//./pipe') ? 'npipe' : isBindSource(source) ? 'bind' : 'volume';
        mount = { raw: located(text, item.loc), type, source, target, readOnly: mode.split(',').includes('ro') };
      }
    } else if (item.kind === 'map') {
      const type = yamlString(yamlGet(item, 'type')) ?? 'volume';
      const ro = yamlGet(item, 'read_only');
      mount = {
        raw: located(JSON.stringify(yamlToJS(item)), item.loc),
        type: type === 'bind' || type === 'volume' || type === 'tmpfs' || type === 'npipe' ? type : 'unknown',
        source: yamlString(yamlGet(item, 'source')),
        target: yamlString(yamlGet(item, 'target')) ?? '',
        readOnly: !!ro && ro.kind === 'scalar' && (ro.value === true || ro.value === 'true'),
      };
    } else continue;
    let sourcePath: string | null = null;
    let exists: boolean | null = null;
    let gitignored = false;
    const sourceNode = item.kind === 'map' ? yamlGet(item, 'source') : item;
    if (mount.type === 'bind' && mount.source !== null && !hasUndefinedVariable(sourceNode)) {
      sourcePath = resolveInRepo(repo.dir, mount.source);
      if (sourcePath !== null) {
        exists = sourcePath === '' || repo.exists(sourcePath) || repo.dirExists(sourcePath);
        gitignored = sourcePath !== '' && (repo.gitignored(sourcePath, false) || repo.gitignored(sourcePath, true));
      }
    }
    out.push({ ...mount, sourcePath, exists, gitignored });
  }
  return out;
}

function healthcheck(pairNode: { keyLoc: SourceLoc; value: YamlNode } | undefined): ComposeHealthcheck | null {
  if (!pairNode) return null;
  const node = pairNode.value;
  const disable = yamlGet(node, 'disable');
  let disabled = !!disable && disable.kind === 'scalar' && (disable.value === true || disable.value === 'true');
  const testNode = yamlGet(node, 'test');
  let test: Located<string> | null = null;
  if (testNode?.kind === 'scalar') test = str(testNode);
  else if (testNode?.kind === 'seq') {
    const words = testNode.items.map((i) => yamlString(i) ?? '');
    const [form, ...rest] = words;
    if (form === 'NONE') disabled = true;
    else if (form === 'CMD-SHELL') test = located(rest.join(' '), testNode.loc);
    else if (form === 'CMD') test = located(rest.map(shellWord).join(' '), testNode.loc);
    else test = located(words.map(shellWord).join(' '), testNode.loc);
  }
  return { node: located(yamlToJS(node), pairNode.keyLoc), disabled, test };
}

function dependsOn(node: YamlNode | undefined): ComposeDependsOn[] {
  if (!node || node.kind !== 'map') return [];
  return node.pairs.map((p) => ({ service: located(p.key, p.keyLoc), condition: yamlString(yamlGet(p.value, 'condition')) }));
}

function stringList(node: YamlNode | undefined): Located<string>[] {
  if (!node) return [];
  if (node.kind === 'scalar') return str(node) ? [str(node)!] : [];
  if (node.kind !== 'seq') return [];
  return node.items.flatMap((i) => {
    const s = i.kind === 'map' ? str(yamlGet(i, 'source')) : str(i);
    return s ? [s] : [];
  });
}

function mapPairs(node: YamlNode | undefined): { key: string; value: YamlNode }[] {
  return node?.kind === 'map' ? node.pairs : [];
}

function isTrue(node: YamlNode | undefined): boolean {
  return !!node && node.kind === 'scalar' && (node.value === true || node.value === 'true');
}

function build(node: YamlNode | undefined, repo: RepoView): ComposeService['build'] {
  if (!node || node.kind !== 'map') return null;
  const contextNode = yamlGet(node, 'context');
  const context = str(contextNode) ?? located('.', node.loc);
  const dockerfile = str(yamlGet(node, 'dockerfile'));
  const target = str(yamlGet(node, 'target'));
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(context.value) || /^git@/.test(context.value) || /^github\.com\//.test(context.value);
  let dockerfilePath: string | null = null;
  if (!remote && !yamlGet(node, 'dockerfile_inline') && !hasUndefinedVariable(contextNode)) {
    const ctxPath = resolveInRepo(repo.dir, context.value);
    if (ctxPath !== null && !(dockerfile && dockerfile.value.startsWith('/'))) {
      dockerfilePath = resolveInRepo(ctxPath, dockerfile?.value ?? 'Dockerfile');
    }
  }
  return { context, dockerfile, target, dockerfilePath };
}

/** Builds the service fact from its merged, canonical tree. */
export function normalizeService(name: Located<string>, file: string, node: YamlNode, repo: RepoView): ComposeService {
  const get = (k: string) => yamlGet(node, k);
  const resLimits = yamlGet(yamlGet(get('deploy'), 'resources'), 'limits');
  const policy = yamlGet(get('deploy'), 'restart_policy');
  const loggingPair = yamlPair(node, 'logging');
  const logging = loggingPair
    ? {
        node: located(yamlToJS(loggingPair.value), loggingPair.keyLoc),
        driver: yamlString(yamlGet(loggingPair.value, 'driver')),
        options: Object.fromEntries(
          mapPairs(yamlGet(loggingPair.value, 'options'))
            .map((p) => [p.key, str(p.value)] as const)
            .filter((e): e is readonly [string, Located<string>] => e[1] !== null),
        ),
      }
    : null;
  const privilegedNode = get('privileged');
  const envFileRefs = envFiles(get('env_file'), repo);
  const keys: Record<string, Located<unknown>> = {};
  if (node.kind === 'map') for (const p of node.pairs) keys[p.key] = located(yamlToJS(p.value), p.keyLoc);
  const restartPolicy = policy ? (str(yamlGet(policy, 'condition')) ?? located('any', yamlPair(get('deploy'), 'restart_policy')!.keyLoc)) : null;
  return {
    name,
    file,
    image: str(get('image')),
    build: build(get('build'), repo),
    command: commandString(get('command')),
    entrypoint: commandString(get('entrypoint')),
    environment: environment(get('environment')),
    envFiles: envFileRefs.map((r) => located(r.path ?? r.written.value, r.written.loc)),
    envFileRefs,
    ports: ports(get('ports')),
    volumes: volumes(get('volumes'), repo),
    healthcheck: healthcheck(yamlPair(node, 'healthcheck')),
    dependsOn: dependsOn(get('depends_on')),
    restart: str(get('restart')),
    restartPolicy,
    memoryLimit: str(yamlGet(resLimits, 'memory')) ?? str(get('mem_limit')),
    cpuLimit: str(yamlGet(resLimits, 'cpus')) ?? str(get('cpus')),
    logging,
    privileged: privilegedNode && isTrue(privilegedNode) ? located(true, privilegedNode.loc) : null,
    networkMode: str(get('network_mode')),
    capAdd: stringList(get('cap_add')),
    containerName: str(get('container_name')),
    secrets: stringList(get('secrets')),
    profiles: stringList(get('profiles')).map((p) => p.value),
    keys,
  };
}
