// Documentation outline parser: Markdown, reStructuredText and AsciiDoc headings with their sections' extent.
// Written by hand: only the heading structure is needed, and a full Markdown parser (with its own line model)
// would add a dependency without giving better positions.
import type { Located } from '../core/types/located.js';
import type { TextHeading } from '../facts/texts.js';

/** RST section underline: one repeated punctuation character. */
const RST_UNDERLINE = /^([=\-~^"'`#*+<>:._])\1{2,}\s*$/;

/** Splits text into lines without the trailing `\r`. */
export function textLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Non-blank lines, each located on its whole line. */
export function locatedLines(path: string, lines: readonly string[]): Located<string>[] {
  const out: Located<string>[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    out.push({ value: text, loc: { file: path, line: i + 1, col: 1, endLine: i + 1, endCol: text.length + 1 } });
  });
  return out;
}

/**
 * Headings of a documentation file. Markdown ATX (`## Title`) and setext (`Title` over `===`/`---`), RST titles
 * (a line underlined with repeated punctuation; the order underline characters first appear gives the level) and
 * AsciiDoc `== Title`. Lines inside fenced (``` / ~~~) code blocks are skipped.
 */
export function parseOutline(path: string, lines: readonly string[]): TextHeading[] {
  const isRst = /\.rst$/i.test(path);
  const isAdoc = /\.(adoc|asciidoc)$/i.test(path);
  const found: { level: number; line: number; col: number; title: string }[] = [];
  const rstLevels: string[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    if (isAdoc) {
      const m = /^(={1,6})\s+(\S.*?)\s*$/.exec(line);
      if (m) found.push({ level: m[1].length, line: i + 1, col: m[1].length + 2, title: m[2] });
      continue;
    }
    if (!isRst) {
      const atx = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (atx && atx[2] !== '') {
        found.push({ level: atx[1].length, line: i + 1, col: line.indexOf(atx[2]) + 1, title: atx[2] });
        continue;
      }
    }
    const next = lines[i + 1];
    if (next === undefined || line.trim() === '' || /^\s/.test(line)) continue;
    if (!isRst && /^ {0,3}(=+|-+)\s*$/.test(next) && !/^\s*([-*+]|\d+[.)]|>|\|)\s/.test(line)) {
      found.push({ level: next.trim()[0] === '=' ? 1 : 2, line: i + 1, col: 1, title: line.trim() });
      i++;
      continue;
    }
    if (isRst && RST_UNDERLINE.test(next) && next.trim().length >= line.trim().length) {
      const ch = next.trim()[0];
      if (!rstLevels.includes(ch)) rstLevels.push(ch);
      found.push({ level: rstLevels.indexOf(ch) + 1, line: i + 1, col: 1, title: line.trim() });
      i++;
    }
  }
  const lastLine = lines.length;
  return found.map((h, k) => {
    const after = found.slice(k + 1).find((o) => o.level <= h.level);
    return {
      level: h.level,
      title: { value: h.title, loc: { file: path, line: h.line, col: h.col, endLine: h.line, endCol: h.col + h.title.length } },
      endLine: after ? after.line - 1 : lastLine,
    };
  });
}
