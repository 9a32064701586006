// Interpolates every string scalar of a parsed Compose file, keeping the value as written and each variable's location.
import type { SourceLoc } from '../../../core/types/located.js';
import { locInScalar, type YamlNode, type YamlScalar } from '../../../parsers/yaml.js';
import { interpolate, type Lookup, type VariableRef } from './interpolate.js';

export interface LocatedRef extends VariableRef {
  loc: SourceLoc;
}

/** A scalar after interpolation: `value` is interpolated, `written` is what the file says. */
export interface WrittenScalar extends YamlScalar {
  written?: YamlScalar['value'];
  /** Variables used in this scalar (offsets are into `written`). */
  refs?: LocatedRef[];
}

export interface InterpolationSink {
  refs: LocatedRef[];
  errors: { loc: SourceLoc; message: string }[];
}

/**
 * Returns a copy of the tree with string scalars interpolated. Top-level `x-*` extension fields are left as
 * written: they are only templates, and their uses are interpolated where they are merged in.
 */
export function interpolateTree(node: YamlNode, lookup: Lookup, sink: InterpolationSink, top = true): YamlNode {
  switch (node.kind) {
    case 'scalar':
      return interpolateScalar(node, lookup, sink);
    case 'seq':
      return { ...node, items: node.items.map((i) => interpolateTree(i, lookup, sink, false)) };
    case 'map':
      return {
        ...node,
        pairs: node.pairs.map((p) => (top && p.key.startsWith('x-') ? p : { ...p, value: interpolateTree(p.value, lookup, sink, false) })),
      };
  }
}

function interpolateScalar(s: YamlScalar, lookup: Lookup, sink: InterpolationSink): WrittenScalar {
  if (typeof s.value !== 'string' || !s.value.includes('$')) return s;
  const res = interpolate(s.value, lookup);
  if (res.error) sink.errors.push({ loc: s.loc, message: res.error });
  const seen = new Map<string, number>();
  const refs = res.refs.map((r): LocatedRef => {
    // The token appears verbatim in the source (Compose syntax has no YAML escapes), so its n-th occurrence in the
    // scalar's source text is where it was written; the scalar's own location is the fallback.
    const n = seen.get(r.token) ?? 0;
    seen.set(r.token, n + 1);
    let at = -1;
    for (let k = 0; k <= n; k++) at = s.raw.indexOf(r.token, at + 1);
    return { ...r, loc: at >= 0 ? locInScalar(s, at, r.token.length) : s.loc };
  });
  sink.refs.push(...refs);
  return { ...s, value: res.value, written: s.value, refs };
}
