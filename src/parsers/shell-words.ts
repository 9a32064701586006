// Shell words: quotes removed and escapes resolved the way bash does, expansions kept as written.
import type { Node } from './shell-tree.js';


export const EXPANSIONS = new Set(['simple_expansion', 'expansion', 'command_substitution', 'arithmetic_expansion', 'process_substitution']);

/** Removes backslash escapes of an unquoted word. */
function unescapeBare(s: string): string {
  return s.replace(/\\\n/g, '').replace(/\\(.)/gs, '$1');
}

/** Removes the escapes bash honours inside double quotes. */
function unescapeDouble(s: string): string {
  return s.replace(/\\\n/g, '').replace(/\\([$`"\\])/g, '$1');
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

function unescapeAnsiC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return C_ESCAPES[e] ?? `\\${e}`;
  });
}

/** The value of a word node: quotes removed, escapes resolved, expansions kept as written. */
export function unquote(n: Node, src: string): { value: string; static: boolean } {
  switch (n.type) {
    case 'word':
      return { value: unescapeBare(n.text), static: true };
    case 'number':
      return { value: n.text, static: true };
    case 'raw_string':
      return { value: n.text.slice(1, -1), static: true };
    case 'ansi_c_string':
      return { value: unescapeAnsiC(n.text.slice(2, -1)), static: true };
    case 'string':
    case 'translated_string': {
      // Walk the span: expansion children are kept raw, the text between them is unescaped.
      const open = n.type === 'string' ? 1 : 2;
      let pos = n.startIndex + open;
      const end = n.endIndex - 1;
      let value = '';
      let isStatic = true;
      for (const c of n.namedChildren) {
        if (!EXPANSIONS.has(c.type)) continue;
        value += unescapeDouble(src.slice(pos, c.startIndex)) + c.text;
        isStatic = false;
        pos = c.endIndex;
      }
      value += unescapeDouble(src.slice(pos, Math.max(pos, end)));
      return { value, static: isStatic };
    }
    case 'concatenation':
    case 'command_name': {
      let pos = n.startIndex;
      let value = '';
      let isStatic = true;
      for (const c of n.children) {
        if (c.startIndex > pos) value += unescapeBare(src.slice(pos, c.startIndex));
        const part = unquote(c, src);
        value += part.value;
        isStatic &&= part.static;
        pos = c.endIndex;
      }
      if (n.endIndex > pos) value += unescapeBare(src.slice(pos, n.endIndex));
      return { value, static: isStatic };
    }
    default:
      if (EXPANSIONS.has(n.type)) return { value: n.text, static: false };
      return { value: n.text, static: !hasExpansion(n) };
  }
}

function hasExpansion(n: Node): boolean {
  if (EXPANSIONS.has(n.type)) return true;
  return n.namedChildren.some(hasExpansion);
}
