// Markdown escaping for untrusted text: prose, inline code, fenced blocks and table cells (CommonMark + GFM).
// Written by hand on purpose: `markdown-escape` escapes every special character (SECURE\_SSL\_REDIRECT in the raw
// file) and knows neither code spans nor tables; `mdast-util-to-markdown` escapes well but means building a syntax tree
// through the unified stack for a handful of constructs. The rules here follow CommonMark 0.31 and GFM tables.
import { visibleControls } from './control-chars.js';

/** Collapses line breaks (and the whitespace around them) into one space: inline text must stay on its line. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t\r\n]*/g, ' ');
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ALNUM = /[\p{L}\p{N}]/u;

/** Escapes one stretch of text that is outside any code span. */
function escapeOutsideCode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    switch (ch) {
      case '\\':
        // A backslash is literal unless it precedes punctuation (or ends the text, where we append more).
        out += next === '' || ASCII_PUNCTUATION.test(next) ? '\\\\' : '\\';
        break;
      case '_':
        // An underscore between two alphanumerics can neither open nor close emphasis (CommonMark 6.2).
        out += ALNUM.test(prev) && ALNUM.test(next) ? '_' : '\\_';
        break;
      case '&':
        // Only an entity or character reference would be decoded.
        out += /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text.slice(i)) ? '\\&' : '&';
        break;
      case '*':
      case '[':
      case '<':
      case '~':
      case '`':
        out += `\\${ch}`;
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** Escapes what would start a block (heading, quote, list, thematic break) at the start of a line or list item. */
function escapeLeading(text: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(text);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
  if (/^[#>+=-]/.test(text)) return `\\${text}`;
  return text;
}

/**
 * Escapes prose for inline use after other text on the line (a label, a heading marker, a table cell). Code spans the author wrote
 * (balanced backtick runs, as CommonMark pairs them) are kept; unbalanced backticks are escaped. Line breaks become
 * spaces and control characters become visible.
 */
export function escapeText(text: string): string {
  const s = visibleControls(oneLine(text));
  let out = '';
  let i = 0;
  let plainStart = 0;
  while (i < s.length) {
    if (s[i] !== '`') {
      i++;
      continue;
    }
    let run = 1;
    while (s[i + run] === '`') run++;
    const close = findClosingRun(s, i + run, run);
    if (close === -1) {
      i += run;
      continue;
    }
    out += escapeOutsideCode(s.slice(plainStart, i)) + s.slice(i, close + run);
    i = close + run;
    plainStart = i;
  }
  out += escapeOutsideCode(s.slice(plainStart));
  return out;
}

/** Like escapeText, for text that starts a paragraph or a list item, where `#`, `>`, `-` or `1.` would start a block. */
export function escapeBlock(text: string): string {
  return escapeLeading(escapeText(text));
}

/** Index of the next backtick run of exactly `length` at or after `from`, or -1. */
function findClosingRun(s: string, from: number, length: number): number {
  let i = from;
  while (i < s.length) {
    if (s[i] !== '`') {
      i++;
      continue;
    }
    let run = 1;
    while (s[i + run] === '`') run++;
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/** Escaped text for an ATX heading: a trailing run of `#` would otherwise be taken as the closing sequence. */
export function escapeHeading(text: string): string {
  return escapeText(text).replace(/(^|\s)(#+)\s*$/, (_m, sp: string, hashes: string) => `${sp}\\${hashes}`);
}

/** The longest run of `ch` in text. */
function longestRun(text: string, ch: string): number {
  let best = 0;
  let cur = 0;
  for (const c of text) {
    cur = c === ch ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

/** An inline code span whose delimiter is longer than any backtick run in the content (CommonMark 6.1). */
export function inlineCode(text: string): string {
  const s = visibleControls(oneLine(text));
  if (s === '') return '` `';
  const fence = '`'.repeat(longestRun(s, '`') + 1);
  // A space is stripped from each side when both are present, so pad content that starts or ends with a backtick
  // or space (the padding is removed again when rendered).
  const pad = /^[` ]|[` ]$/.test(s) && s.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the content. */
export function codeBlock(content: string, info = ''): string {
  const body = visibleControls(content.replace(/\r?\n$/, ''));
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** Makes already-formatted inline Markdown safe inside a GFM table cell: pipes escaped (also inside code spans). */
export function tableCell(markdown: string): string {
  // GFM unescapes `\|` before inline parsing, everywhere in the row, so every pipe gets one more backslash.
  return oneLine(markdown).replace(/\|/g, '\\|');
}

/** A GFM table; cells are inline Markdown (already escaped), `align` per column ('l' or 'r'). */
export function table(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const line = (cells: string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A Markdown link with escaped text; the URL is wrapped in <> when it contains spaces or parentheses. */
export function link(text: string, url: string): string {
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `[${escapeText(text)}](${target})`;
}
