// Python source -> tree-sitter tree, with 1-based locations and the first syntax error (one shared parser).
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import type { SourceLoc } from '../../core/types/located.js';

export type Node = Parser.SyntaxNode;

/** A parsed Python file. */
export interface PythonTree {
  file: string;
  root: Node;
  /** The first ERROR or MISSING node, 1-based; null when the file parses cleanly. */
  syntaxError: { line: number; col: number; message: string } | null;
}

let shared: Parser | null = null;

/** One parser for the whole run: creating a native parser is costly, parsing is not. */
function parser(): Parser {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(Python as unknown as Parser.Language);
  }
  return shared;
}

/** Parses Python text. Never throws for bad input: syntax errors are reported in `syntaxError`. */
export function parsePython(file: string, text: string): PythonTree {
  const tree = parser().parse(text);
  const root = tree.rootNode;
  return { file, root, syntaxError: root.hasError ? firstError(root) : null };
}

function firstError(root: Node): PythonTree['syntaxError'] {
  let found: Node | null = null;
  const visit = (n: Node): void => {
    if (found) return;
    if (n.isMissing) {
      found = n;
      return;
    }
    if (n.type === 'ERROR') {
      found = n;
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) visit(c);
  };
  visit(root);
  const n = found as Node | null;
  if (!n) return { line: 1, col: 1, message: 'Python syntax error' };
  const line = n.startPosition.row + 1;
  const col = n.startPosition.column + 1;
  if (n.isMissing) return { line, col, message: `Python syntax error: missing "${n.type}"` };
  const near = n.text.split('\n')[0].trim().slice(0, 40);
  return { line, col, message: near ? `Python syntax error near "${near}"` : 'Python syntax error' };
}

/** The span of a node, 1-based. */
export function nodeLoc(file: string, n: Node): SourceLoc {
  return {
    file,
    line: n.startPosition.row + 1,
    col: n.startPosition.column + 1,
    endLine: n.endPosition.row + 1,
    endCol: n.endPosition.column + 1,
  };
}

/** True when the node or one of its descendants is a syntax error. */
export function hasSyntaxError(n: Node): boolean {
  return n.hasError;
}

/** The named children of a node that are not comments. */
export function codeChildren(n: Node): Node[] {
  return n.namedChildren.filter((c) => c.type !== 'comment');
}

/** Decodes the backslash escapes of a non-raw Python string literal body. */
export function decodeEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|\n|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        return String.fromCharCode(parseInt(e, 8));
      case 'x':
      case 'u':
      case 'U':
        return e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : `\\${e}`;
      case '\\':
        return '\\';
      case "'":
        return "'";
      case '"':
        return '"';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '\n':
        return '';
      default:
        // Unknown escapes are kept verbatim, as Python does.
        return `\\${e}`;
    }
  });
}

/** The prefix letters of a string literal (f, r, b, u...), lower-cased. */
export function stringPrefix(n: Node): string {
  const start = n.children.find((c) => c.type === 'string_start');
  const text = start ? start.text : n.text;
  const m = /^[a-zA-Z]*/.exec(text);
  return (m ? m[0] : '').toLowerCase();
}

/**
 * The value of a plain string literal (no interpolation), or null when the node is not one.
 * Implicit concatenation ("a" "b") is joined.
 */
export function literalString(n: Node | null | undefined): string | null {
  if (!n) return null;
  if (n.type === 'concatenated_string') {
    let out = '';
    for (const part of n.namedChildren) {
      const s = literalString(part);
      if (s === null) return null;
      out += s;
    }
    return out;
  }
  if (n.type !== 'string') return null;
  const prefix = stringPrefix(n);
  if (prefix.includes('b')) return null;
  let out = '';
  for (const c of n.namedChildren) {
    if (c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'interpolation') return null;
    if (c.type === 'string_content') {
      let t = c.text;
      if (prefix.includes('f')) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      out += prefix.includes('r') ? t : decodeEscapes(t);
    }
  }
  return out;
}
