// YAML parser wrapper: turns text into a positioned tree (aliases and `<<` merge keys resolved) or a located error.
import { parseDocument, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node, type Document } from 'yaml';
import type { SourceLoc } from '../core/types/located.js';

/** Scalar values as the YAML 1.2 core schema resolves them. */
export type YamlScalarValue = string | number | boolean | null;

interface YamlNodeBase {
  /** Where the node was written (for an alias: where the anchored node was written). */
  loc: SourceLoc;
  /** Explicit tag as written (`!reset`, `!!str`), or null. */
  tag: string | null;
  /** Set when the node was reached through an alias (`*name`): where the alias was written. */
  aliasLoc: SourceLoc | null;
}

export interface YamlScalar extends YamlNodeBase {
  kind: 'scalar';
  value: YamlScalarValue;
  /** The scalar's source as the yaml library reports it (plain and quoted: without quotes, before escapes). */
  source: string;
  /** The exact text of the scalar in the file, quotes and block indicators included (starts at `loc`). */
  raw: string;
  style: 'plain' | 'single' | 'double' | 'literal' | 'folded';
}

export interface YamlPair {
  /** Mapping keys are reported as strings (compose, CI and the like only use scalar keys). */
  key: string;
  keyLoc: SourceLoc;
  value: YamlNode;
  /** True when the pair came in through a `<<` merge key rather than being written in this mapping. */
  merged: boolean;
}

export interface YamlMap extends YamlNodeBase {
  kind: 'map';
  pairs: YamlPair[];
}

export interface YamlSeq extends YamlNodeBase {
  kind: 'seq';
  items: YamlNode[];
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

/** A syntax error with its 1-based position. */
export interface YamlError {
  line: number;
  col: number;
  message: string;
}

export type YamlParseResult = { ok: true; root: YamlNode | null } | { ok: false; error: YamlError };

/** Alias expansions allowed per document: guards against "billion laughs" style documents. */
const MAX_NODES = 200_000;

class ExpansionLimit extends Error {}

/**
 * Parses one YAML document. Anchors/aliases are resolved to copies of the anchored node (keeping the anchored
 * node's location, plus where the alias was), and `<<` merge keys are applied the way YAML 1.1 merge keys work
 * (explicit keys win, then merge sources in order). Never throws for bad input.
 */
export function parseYaml(file: string, text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false, keepSourceTokens: false });
  } catch (err) {
    return { ok: false, error: { line: 1, col: 1, message: (err as Error).message } };
  }
  const pos = positioner(text, lineCounter);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = pos(e.pos[0]);
    return { ok: false, error: { line, col, message: firstLine(e.message) } };
  }
  if (doc.contents === null) return { ok: true, root: null };
  const conv = new Converter(file, doc, text, pos);
  try {
    return { ok: true, root: conv.node(doc.contents as Node, null, new Set()) };
  } catch (err) {
    if (err instanceof ConvertError) return { ok: false, error: { line: err.line, col: err.col, message: err.message } };
    if (err instanceof ExpansionLimit) return { ok: false, error: { line: 1, col: 1, message: err.message } };
    throw err;
  }
}

class ConvertError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

type Pos = (offset: number) => { line: number; col: number };

/** LineCounter positions, clamped so an offset at the very start is line 1 (LineCounter reports line 0 there). */
function positioner(text: string, lc: LineCounter): Pos {
  return (offset: number) => {
    const o = Math.max(0, Math.min(offset, text.length));
    const p = lc.linePos(o);
    return p.line === 0 ? { line: 1, col: o + 1 } : p;
  };
}

class Converter {
  private count = 0;
  /** Alias.resolve() searches the whole document; each alias node is resolved once. */
  private readonly resolved = new Map<Node, Node | undefined>();

  constructor(
    private readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly pos: Pos,
  ) {}

  loc(range: readonly number[] | null | undefined, fallback?: SourceLoc): SourceLoc {
    if (!range) return fallback ?? { file: this.file, line: 1, col: 1, endLine: 1, endCol: 1 };
    const s = this.pos(range[0]);
    // Block scalars and collections end after their trailing newline: point the end at the last character.
    let endOffset = range[1];
    while (endOffset > range[0] && /\s/.test(this.text[endOffset - 1] ?? '')) endOffset--;
    const e = this.pos(endOffset);
    return { file: this.file, line: s.line, col: s.col, endLine: e.line, endCol: e.col };
  }

  /** Converts a node; `seen` holds the anchored nodes being expanded (a recursive alias is an error). */
  node(n: Node, aliasLoc: SourceLoc | null, seen: Set<Node>): YamlNode {
    if (++this.count > MAX_NODES) throw new ExpansionLimit(`more than ${MAX_NODES} nodes after expanding aliases`);
    if (isAlias(n)) {
      if (!this.resolved.has(n)) this.resolved.set(n, n.resolve(this.doc) as Node | undefined);
      const target = this.resolved.get(n);
      const here = this.loc(n.range);
      if (!target) throw new ConvertError(`unknown alias *${n.source}`, here.line, here.col);
      if (seen.has(target)) throw new ConvertError(`alias *${n.source} refers to a node that contains it`, here.line, here.col);
      const next = new Set(seen);
      next.add(target);
      return this.node(target, aliasLoc ?? here, next);
    }
    const tag = n.tag && !n.tag.startsWith('tag:yaml.org,2002:') ? n.tag : null;
    if (isScalar(n)) return this.scalar(n, tag, aliasLoc);
    if (isMap(n)) {
      const out: YamlMap = { kind: 'map', pairs: [], loc: this.loc(n.range), tag, aliasLoc };
      const mergeSources: YamlNode[] = [];
      for (const item of n.items) {
        if (!isPair(item)) continue;
        const keyNode = item.key as Node | null;
        const keyLoc = keyNode && 'range' in keyNode ? this.loc(keyNode.range, out.loc) : out.loc;
        if (keyNode && isScalar(keyNode) && isMergeKey(keyNode)) {
          if (item.value) mergeSources.push(this.node(item.value as Node, null, seen));
          continue;
        }
        const key = keyNode === null ? '' : isScalar(keyNode) ? String(keyNode.value ?? '') : String(keyNode);
        const value = item.value ? this.node(item.value as Node, null, seen) : nullScalar(keyLoc);
        out.pairs.push({ key, keyLoc, value, merged: false });
      }
      // Merge keys: mappings listed first win over later ones; explicit keys always win.
      for (const src of mergeSources) {
        const maps = src.kind === 'seq' ? src.items : [src];
        for (const m of maps) {
          if (m.kind !== 'map') throw new ConvertError('a << merge key needs a mapping or a list of mappings', m.loc.line, m.loc.col);
          for (const p of m.pairs) {
            if (!out.pairs.some((q) => q.key === p.key)) out.pairs.push({ ...p, merged: true });
          }
        }
      }
      return out;
    }
    if (isSeq(n)) {
      return { kind: 'seq', items: n.items.map((i) => this.node(i as Node, null, seen)), loc: this.loc(n.range), tag, aliasLoc };
    }
    throw new ConvertError('unsupported YAML node', 1, 1);
  }

  scalar(n: Scalar, tag: string | null, aliasLoc: SourceLoc | null): YamlScalar {
    const v = n.value;
    const value: YamlScalarValue =
      v === null || v === undefined
        ? null
        : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? v
          : typeof v === 'bigint'
            ? Number(v)
            : v instanceof Date
              ? (n.source ?? v.toISOString())
              : String(v);
    return {
      kind: 'scalar',
      value,
      source: n.source ?? (value === null ? '' : String(value)),
      raw: n.range ? this.text.slice(n.range[0], n.range[1]) : '',
      style: scalarStyle(n.type),
      loc: this.loc(n.range),
      tag,
      aliasLoc,
    };
  }
}

/** `key:` with nothing after it: a null scalar located at its key. */
function nullScalar(keyLoc: SourceLoc): YamlScalar {
  return { kind: 'scalar', value: null, source: '', raw: '', style: 'plain', loc: keyLoc, tag: null, aliasLoc: null };
}

function isMergeKey(k: Scalar): boolean {
  const v = k.value;
  if (typeof v === 'symbol') return v.description === '<<';
  return v === '<<' && (!k.type || k.type === Scalar.PLAIN);
}

function scalarStyle(t: Scalar['type']): YamlScalar['style'] {
  switch (t) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_LITERAL:
      return 'literal';
    case Scalar.BLOCK_FOLDED:
      return 'folded';
    default:
      return 'plain';
  }
}

/** The location of `raw.slice(index, index + length)` inside a scalar (for a `${VAR}` inside a value). */
export function locInScalar(s: YamlScalar, index: number, length: number): SourceLoc {
  const at = (i: number) => {
    const before = s.raw.slice(0, i);
    const nl = before.lastIndexOf('\n');
    const line = s.loc.line + (before.match(/\n/g)?.length ?? 0);
    return { line, col: nl < 0 ? s.loc.col + i : i - nl };
  };
  const a = at(index);
  const b = at(index + length);
  return { file: s.loc.file, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

// ---------------------------------------------------------------------------------------------------------------
// Small accessors used by the collectors that read YAML trees.

/** The value of `key` in a mapping (undefined when absent or when `node` is not a mapping). */
export function yamlGet(node: YamlNode | null | undefined, key: string): YamlNode | undefined {
  if (!node || node.kind !== 'map') return undefined;
  return node.pairs.find((p) => p.key === key)?.value;
}

/** The pair for `key` in a mapping, with the key's location. */
export function yamlPair(node: YamlNode | null | undefined, key: string): YamlPair | undefined {
  if (!node || node.kind !== 'map') return undefined;
  return node.pairs.find((p) => p.key === key);
}

/** A scalar's value as a string (numbers and booleans as written), or null for null and collections. */
export function yamlString(node: YamlNode | null | undefined): string | null {
  if (!node || node.kind !== 'scalar' || node.value === null) return null;
  return typeof node.value === 'string' ? node.value : node.source || String(node.value);
}

/** The plain JavaScript value of a node (mappings become objects, sequences arrays). */
export function yamlToJS(node: YamlNode | null | undefined): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(yamlToJS);
    case 'map': {
      const o: Record<string, unknown> = {};
      for (const p of node.pairs) o[p.key] = yamlToJS(p.value);
      return o;
    }
  }
}
