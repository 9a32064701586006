// Source positions: born in the parser, carried by every fact a rule can point at.

/** A span in a repository file. `file` is repo-relative with forward slashes; lines and columns are 1-based. */
export interface SourceLoc {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A parsed value together with where it was written. */
export interface Located<T> {
  value: T;
  loc: SourceLoc;
}

/** Builds a Located value. */
export function located<T>(value: T, loc: SourceLoc): Located<T> {
  return { value, loc };
}

/** A location covering one whole line (used when a parser only knows the line). */
export function lineLoc(file: string, line: number, col = 1): SourceLoc {
  return { file, line, col, endLine: line, endCol: col };
}

/** A file that was read: the collector keeps its text so proof can quote lines without re-reading. */
export interface SourceFile {
  path: string;
  text: string;
  lines: string[];
}

export function sourceFile(path: string, text: string): SourceFile {
  return { path, text, lines: text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) };
}
