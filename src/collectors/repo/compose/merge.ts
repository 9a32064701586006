// Merges Compose YAML trees the way `docker compose -f base -f override` does (compose spec, "Merge" section),
// keeping every value's location in the file that wrote it.
import type { SourceLoc } from '../../../core/types/located.js';
import type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from '../../../parsers/yaml.js';
import { yamlGet, yamlString } from '../../../parsers/yaml.js';
import type { WrittenScalar } from './tree.js';

/** Service attributes whose list form (`- KEY=value`) is a mapping in disguise: merged by key. */
const KEYED_LISTS = new Set(['environment', 'labels', 'annotations', 'extra_hosts', 'sysctls', 'depends_on', 'networks', 'links']);
/** Attributes replaced, never appended, by a later file. */
const REPLACED = new Set(['command', 'entrypoint']);
/** Sequences of resources unique by a key (compose spec "Unique resources"). */
const UNIQUE = new Set(['ports', 'volumes', 'secrets', 'configs', 'devices']);

function scalar(value: string | null, loc: SourceLoc, written?: string): YamlScalar {
  return { kind: 'scalar', value, source: written ?? value ?? '', raw: written ?? value ?? '', style: 'plain', loc, tag: null, aliasLoc: null };
}

/**
 * Brings a service to one shape whatever syntax was used: `build: .` becomes `{context: .}`, `env_file: x` a list,
 * keyed lists (`environment: [A=1]`, `depends_on: [db]`) mappings. List entries keep the entry's location.
 */
export function canonicalService(svc: YamlNode): YamlNode {
  if (svc.kind !== 'map') return svc;
  const pairs = svc.pairs.map((p): YamlPair => {
    const v = p.value;
    if (p.key === 'build' && v.kind === 'scalar') {
      return { ...p, value: { kind: 'map', pairs: [{ key: 'context', keyLoc: v.loc, value: v, merged: false }], loc: v.loc, tag: v.tag, aliasLoc: v.aliasLoc } };
    }
    if (p.key === 'env_file' && v.kind === 'scalar') {
      return { ...p, value: { kind: 'seq', items: [v], loc: v.loc, tag: v.tag, aliasLoc: v.aliasLoc } };
    }
    if (KEYED_LISTS.has(p.key) && v.kind === 'seq') return { ...p, value: listToMap(p.key, v) };
    return p;
  });
  return { ...svc, pairs };
}

/** `- KEY=value` / `- name` entries as mapping pairs; the value of `KEY=value` is located on the entry. */
function listToMap(attr: string, seq: YamlSeq): YamlMap {
  const pairs: YamlPair[] = [];
  for (const item of seq.items) {
    if (item.kind !== 'scalar') continue;
    const text = yamlString(item) ?? '';
    const sep = attr === 'extra_hosts' ? text.search(/[=:]/) : attr === 'environment' || attr === 'labels' || attr === 'annotations' || attr === 'sysctls' ? text.indexOf('=') : -1;
    if (sep < 0) {
      pairs.push({ key: text, keyLoc: item.loc, value: scalar(null, item.loc), merged: false });
    } else {
      const written = typeof item.value === 'string' ? item.value : text;
      // Keep what was written for the value part so `raw` (before interpolation) stays available.
      const writtenValue = (item as WrittenScalar).written;
      const refs = (item as WrittenScalar).refs ?? [];
      const wsep = typeof writtenValue === 'string' ? writtenValue.indexOf('=') : -1;
      const v: WrittenScalar = {
        ...item,
        value: written.slice(sep + 1),
        written: wsep >= 0 && typeof writtenValue === 'string' ? writtenValue.slice(wsep + 1) : written.slice(sep + 1),
        refs: refs.filter((r) => wsep < 0 || r.index > wsep),
      };
      pairs.push({ key: text.slice(0, sep), keyLoc: item.loc, value: v, merged: false });
    }
  }
  return { kind: 'map', pairs, loc: seq.loc, tag: seq.tag, aliasLoc: seq.aliasLoc };
}

/** The unique key of a ports / volumes / secrets / configs entry (compose spec "Unique resources"). */
function uniqueKey(attr: string, item: YamlNode): string {
  if (attr === 'ports') {
    if (item.kind === 'scalar') return `s:${yamlString(item)}`;
    return `l:${['host_ip', 'target', 'published', 'protocol'].map((k) => yamlString(yamlGet(item, k)) ?? '').join('|')}`;
  }
  if (attr === 'volumes' || attr === 'devices') {
    if (item.kind === 'scalar') {
      const parts = (yamlString(item) ?? '').split(':');
      return `t:${parts.length === 1 ? parts[0] : parts[1]}`;
    }
    return `t:${yamlString(yamlGet(item, 'target'))}`;
  }
  // secrets / configs: the target defaults to the source name.
  if (item.kind === 'scalar') return `t:${yamlString(item)}`;
  return `t:${yamlString(yamlGet(item, 'target')) ?? yamlString(yamlGet(item, 'source'))}`;
}

/**
 * Merges `over` onto `base`. `path` is the attribute path from the top of the file ("services", "web", "ports").
 * `!reset` removes a value, `!override` replaces it instead of merging.
 */
export function mergeNode(base: YamlNode | undefined, over: YamlNode, path: string[]): YamlNode | undefined {
  if (over.tag === '!reset') return undefined;
  if (!base || over.tag === '!override') return over;
  const inService = path[0] === 'services' && path.length >= 3;
  const attr = inService ? path[2] : '';
  if (inService && path.length === 3 && REPLACED.has(attr)) return over;
  if (inService && path.length === 4 && attr === 'healthcheck' && path[3] === 'test') return over;
  if (base.kind === 'map' && over.kind === 'map') {
    const pairs = [...base.pairs];
    for (const p of over.pairs) {
      const i = pairs.findIndex((q) => q.key === p.key);
      if (i < 0) {
        if (p.value.tag !== '!reset') pairs.push(p);
        continue;
      }
      const merged = mergeNode(pairs[i].value, p.value, [...path, p.key]);
      if (merged === undefined) pairs.splice(i, 1);
      else pairs[i] = { ...p, value: merged };
    }
    return { ...over, pairs };
  }
  if (base.kind === 'seq' && over.kind === 'seq') {
    if (inService && path.length === 3 && UNIQUE.has(attr)) {
      const items = [...base.items];
      for (const it of over.items) {
        const k = uniqueKey(attr, it);
        const j = items.findIndex((b) => uniqueKey(attr, b) === k);
        if (j >= 0) items[j] = it;
        else items.push(it);
      }
      return { ...over, items };
    }
    return { ...over, items: [...base.items, ...over.items] };
  }
  return over;
}

/** Merges service `over` onto service `base` (both canonical). */
export function mergeService(name: string, base: YamlNode, over: YamlNode): YamlNode {
  return mergeNode(base, over, ['services', name]) ?? over;
}
