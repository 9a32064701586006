// tree-sitter-bash, read once into plain objects: the syntax tree, positions, and the first syntax error.
import Parser from 'tree-sitter';
import Bash from 'tree-sitter-bash';
import type { SourceLoc } from '../core/types/located.js';

export type Point = Parser.Point;

/**
 * A syntax node copied out of tree-sitter. Every property read on a native node crosses into C++, which made
 * walking cost three times the parse; one cursor pass into plain objects is cheap and the walk then stays in JS.
 */
export class Node {
  readonly children: Node[] = [];
  parent: Node | null = null;
  index = 0;
  hasError = false;
  constructor(
    readonly lines: LineTable,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly field: string | null,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}
  get text(): string {
    return this.lines.src.slice(this.startIndex, this.endIndex);
  }
  get startPosition(): Point {
    return this.lines.point(this.startIndex);
  }
  get endPosition(): Point {
    return this.lines.point(this.endIndex);
  }
  get namedChildren(): Node[] {
    return this.children.filter((c) => c.isNamed);
  }
  get namedChildCount(): number {
    return this.namedChildren.length;
  }
  get firstNamedChild(): Node | null {
    return this.children.find((c) => c.isNamed) ?? null;
  }
  get nextSibling(): Node | null {
    return this.parent?.children[this.index + 1] ?? null;
  }
  childForFieldName(name: string): Node | null {
    return this.children.find((c) => c.field === name) ?? null;
  }
  childrenForFieldName(name: string): Node[] {
    return this.children.filter((c) => c.field === name);
  }
}

/** Index -> row/column for one text (tree-sitter's own points cost a native call each). */
class LineTable {
  private readonly starts: number[] = [0];
  constructor(readonly src: string) {
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  point(index: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: index - this.starts[lo] };
  }
}

/** Node types that are whole statements (used to tell complete statements from fragments in ERROR nodes). */
export const STATEMENT_TYPES = new Set([
  'command', 'redirected_statement', 'list', 'pipeline', 'function_definition', 'if_statement', 'while_statement',
  'for_statement', 'c_style_for_statement', 'case_statement', 'compound_statement', 'subshell', 'variable_assignment',
  'variable_assignments', 'declaration_command', 'comment', 'negated_command', 'test_command', 'unset_command',
]);

/** Type name and namedness by grammar type id, field names by field id: asked once, not per node. */
const typeById: [string, boolean][] = [];
const fieldById: (string | null)[] = [];

/** Parses text into a plain tree. */
export function parseTree(src: string): Node {
  const tree = bashParser().parse(src);
  const cursor = tree.walk();
  const lines = new LineTable(src);
  // MISSING tokens only exist in trees with errors; asking every node costs a native call.
  const errors = tree.rootNode.hasError;
  const make = (): Node => {
    const id = cursor.nodeTypeId;
    const t = typeById[id] ?? (typeById[id] = [cursor.nodeType, cursor.nodeIsNamed]);
    const fid = cursor.currentFieldId;
    const field = fid ? (fieldById[fid] ?? (fieldById[fid] = cursor.currentFieldName ?? null)) : null;
    const n = new Node(lines, t[0], t[1], errors && cursor.nodeIsMissing, field, cursor.startIndex, cursor.endIndex);
    n.hasError = n.type === 'ERROR' || n.isMissing;
    if (cursor.gotoFirstChild()) {
      do {
        const c = make();
        c.parent = n;
        c.index = n.children.length;
        n.children.push(c);
        if (c.hasError) n.hasError = true;
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    return n;
  };
  return make();
}

/** Maps a span of the parsed text to a location in the repository file. */
export type SpanMapper = (start: Point, end: Point) => SourceLoc;

/** Positions of a whole file: tree-sitter rows and columns are 0-based (columns in UTF-16 units, like JS strings). */
export function fileMapper(path: string): SpanMapper {
  return (s, e) => ({ file: path, line: s.row + 1, col: s.column + 1, endLine: e.row + 1, endCol: e.column + 1 });
}

/** Positions of a snippet that starts at (line, col) of a file (a crontab command, a `sh -c '...'` string). */
export function offsetMapper(path: string, line: number, col: number): SpanMapper {
  const at = (p: Point) => (p.row === 0 ? { line, col: col + p.column } : { line: line + p.row, col: p.column + 1 });
  return (s, e) => {
    const a = at(s);
    const b = at(e);
    return { file: path, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  };
}

export interface ShellSyntaxProblem {
  line: number;
  col: number;
  message: string;
}

let sharedParser: Parser | null = null;

/** One parser for the whole run: creating one per file costs more than parsing most scripts. */
function bashParser(): Parser {
  if (!sharedParser) {
    sharedParser = new Parser();
    sharedParser.setLanguage(Bash as unknown as Parser.Language);
  }
  return sharedParser;
}


/** The first syntax error in document order: a MISSING token, or the first unexpected piece inside an ERROR node. */
export function firstProblem(root: Node): ShellSyntaxProblem | null {
  if (!root.hasError) return null;
  const found = findProblem(root);
  if (!found) return null;
  return { line: found.at.row + 1, col: found.at.column + 1, message: found.message };
}

function findProblem(n: Node): { at: Point; message: string } | null {
  if (n.isMissing) return { at: n.startPosition, message: `missing "${n.type}"` };
  if (n.type === 'ERROR') {
    const missing = findMissing(n);
    if (missing) return { at: missing.startPosition, message: `missing "${missing.type}"` };
    for (const ch of n.children) {
      if (STATEMENT_TYPES.has(ch.type) && !ch.hasError) continue;
      if (ch.hasError) {
        const inner = findProblem(ch);
        if (inner) return inner;
      }
      return { at: ch.startPosition, message: `syntax error near ${describe(ch)}` };
    }
    return { at: n.startPosition, message: `syntax error near ${describe(n)}` };
  }
  for (const ch of n.children) {
    if (ch.hasError || ch.isMissing || ch.type === 'ERROR') {
      const p = findProblem(ch);
      if (p) return p;
    }
  }
  return null;
}

function findMissing(n: Node): Node | null {
  if (n.isMissing) return n;
  for (const ch of n.children) {
    if (!ch.hasError && !ch.isMissing) continue;
    const m = findMissing(ch);
    if (m) return m;
  }
  return null;
}

function describe(n: Node): string {
  const first = n.text.split('\n')[0].trim();
  return JSON.stringify(first.length > 30 ? `${first.slice(0, 30)}…` : first);
}
