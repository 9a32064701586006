// Splits the shell text of a Dockerfile RUN/CMD/ENTRYPOINT into simple commands with located words.
//
// Written by hand rather than with tree-sitter-bash: Dockerfile shell text is short, already joined across
// continuation lines, and needs every word mapped back through that join to its physical line — a
// quote-aware word splitter (POSIX token rules: quotes, escapes, $(...), operators, redirections, comments)
// does that directly, while a full parse tree would still need the same offset mapping on top.
// It does not interpret control flow: `if`/`then`/`do` prefixes are dropped and every simple command is
// listed in order with the operators around it, which is what the Dockerfile rules look at.
import type { SourceLoc } from '../core/types/located.js';
import type { DockerShellCommand } from '../facts/dockerfile.js';

/** Maps an offset in the tokenized text to a 1-based file position. */
export type PositionOf = (offset: number) => { line: number; col: number };

interface Token {
  kind: 'word' | 'op' | 'redirect';
  /** Word value with quotes removed (words), or the operator as written. */
  value: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

const RESERVED_PREFIX = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', 'time', 'esac']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** Reads a `$...` expansion starting at `i` (text[i] === '$'); returns the index after it. */
function skipDollar(text: string, i: number): number {
  const next = text[i + 1];
  if (next === '(' || next === '{') {
    const open = next;
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    let j = i + 1;
    while (j < text.length) {
      const c = text[j];
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === "'" && open === '(') {
        const end = text.indexOf("'", j + 1);
        j = end < 0 ? text.length : end + 1;
        continue;
      }
      if (c === open) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return text.length;
  }
  if (next !== undefined && /[A-Za-z_]/.test(next)) {
    let j = i + 1;
    while (j < text.length && /[A-Za-z0-9_]/.test(text[j])) j++;
    return j;
  }
  if (next !== undefined && /[0-9@*#?$!-]/.test(next)) return i + 2;
  return i + 1;
}

/** Splits shell text into words, operators and redirections. */
export function tokenizeShell(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'op', value: '\n', raw: '\n', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < to && text[i] !== '\n') i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === ';;' || two === '|&') {
      tokens.push({ kind: 'op', value: two, raw: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    // Redirections, optionally with a file-descriptor number: 2>&1, >>, &>, <<EOF, <<-EOF.
    const redir = /^(\d*)(<<-|<<<|<<|>>|>&|<&|&>>|&>|>\||<>|>|<)/.exec(text.slice(i, Math.min(to, i + 6)));
    if (redir) {
      tokens.push({ kind: 'redirect', value: redir[0], raw: redir[0], start: i, end: i + redir[0].length });
      i += redir[0].length;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      tokens.push({ kind: 'op', value: c, raw: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    // A word: runs until unquoted whitespace or an operator character.
    const start = i;
    let value = '';
    while (i < to) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')' || ch === '<' || ch === '>')
        break;
      if (ch === '\\') {
        value += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (ch === "'") {
        const end = text.indexOf("'", i + 1);
        const stop = end < 0 || end >= to ? to : end;
        value += text.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      if (ch === '"') {
        let j = i + 1;
        while (j < to && text[j] !== '"') {
          if (text[j] === '\\' && /["\\$`]/.test(text[j + 1] ?? '')) {
            value += text[j + 1];
            j += 2;
            continue;
          }
          if (text[j] === '$') {
            const k = Math.min(skipDollar(text, j), to);
            value += text.slice(j, k);
            j = k;
            continue;
          }
          if (text[j] === '`') {
            const end = text.indexOf('`', j + 1);
            const k = end < 0 || end >= to ? to : end + 1;
            value += text.slice(j, k);
            j = k;
            continue;
          }
          value += text[j];
          j++;
        }
        i = j + 1;
        continue;
      }
      if (ch === '$') {
        const k = Math.min(skipDollar(text, i), to);
        value += text.slice(i, k);
        i = k;
        continue;
      }
      if (ch === '`') {
        const end = text.indexOf('`', i + 1);
        const k = end < 0 || end >= to ? to : end + 1;
        value += text.slice(i, k);
        i = k;
        continue;
      }
      value += ch;
      i++;
    }
    i = Math.min(i, to);
    tokens.push({ kind: 'word', value, raw: text.slice(start, i), start, end: i });
  }
  return tokens;
}

function locOf(file: string, pos: PositionOf, start: number, end: number): SourceLoc {
  const a = pos(start);
  const b = pos(Math.max(start, end));
  return { file, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

/**
 * Splits shell text into simple commands. `pos` maps offsets in `text` to file positions; `fixedLoc`
 * (for a script inside an exec-form JSON string) gives every word the location of that string instead.
 */
export function splitShellCommands(
  file: string,
  text: string,
  pos: PositionOf,
  options: { from?: number; to?: number; fixedLoc?: SourceLoc } = {},
): DockerShellCommand[] {
  const tokens = tokenizeShell(text, options.from ?? 0, options.to ?? text.length);
  const at = (t: Token): SourceLoc => options.fixedLoc ?? locOf(file, pos, t.start, t.end);
  const out: DockerShellCommand[] = [];
  let depth = 0;
  const fresh = (): DockerShellCommand => ({ words: [], assignments: [], redirects: [], prev: null, next: null, depth });
  let cur = fresh();
  // Ends the current command; an operator after an empty command (`( a ) || b`) belongs to the previous one.
  const finish = (op: string | null): void => {
    if (cur.words.length > 0 || cur.assignments.length > 0 || cur.redirects.length > 0) {
      cur.next = op;
      out.push(cur);
    } else if (op !== null && out.length > 0 && out[out.length - 1].next === null) {
      out[out.length - 1].next = op;
    }
    cur = fresh();
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'op') {
      if (t.value === '(') {
        finish(null);
        depth++;
        cur.depth = depth;
        continue;
      }
      if (t.value === ')') {
        finish(null);
        depth = Math.max(0, depth - 1);
        cur.depth = depth;
        continue;
      }
      finish(t.value);
      continue;
    }
    if (t.kind === 'redirect') {
      const target = tokens[k + 1];
      if (target && target.kind === 'word') {
        cur.redirects.push({ op: t.value, target: { value: target.value, loc: at(target) } });
        k++;
      } else {
        cur.redirects.push({ op: t.value, target: { value: '', loc: at(t) } });
      }
      continue;
    }
    if (cur.words.length === 0) {
      if (RESERVED_PREFIX.has(t.raw)) continue;
      if (t.raw === '{') {
        depth++;
        cur.depth = depth;
        continue;
      }
      if (t.raw === '}') {
        depth = Math.max(0, depth - 1);
        cur.depth = depth;
        continue;
      }
      if (ASSIGNMENT.test(t.raw)) {
        cur.assignments.push({ value: t.value, loc: at(t) });
        continue;
      }
    }
    cur.words.push({ value: t.value, loc: at(t) });
  }
  finish(null);
  if (out.length > 0) out[out.length - 1].next = null;
  for (let k = 1; k < out.length; k++) out[k].prev = out[k - 1].next;
  return out;
}
