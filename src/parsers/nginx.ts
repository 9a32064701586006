// nginx config parser: tokens and blocks with positions, following nginx's own tokenizer (ngx_conf_file.c).
// Hand-written because no maintained JavaScript library parses nginx configs with source positions
// (crossplane, the reference parser, is Python; the npm packages nginx-conf, nginx-parse and nginx-conf-parser
// are unmaintained or keep no line numbers).
import type { SourceLoc } from '../core/types/located.js';
import type { NginxDirective } from '../facts/scripts.js';

export interface NginxProblem {
  line: number;
  col: number;
  message: string;
}

export interface NginxParse {
  directives: NginxDirective[];
  /** Syntax errors in file order; the tree keeps whatever parsed around them. */
  problems: NginxProblem[];
}

interface Pos {
  index: number;
  line: number;
  col: number;
}

type Token =
  | { kind: 'word'; value: string; start: Pos; end: Pos }
  | { kind: ';' | '{' | '}'; start: Pos; end: Pos }
  | { kind: 'eof'; start: Pos; end: Pos }
  | { kind: 'error'; message: string; start: Pos; end: Pos };

const SPACE = new Set([' ', '\t', '\r', '\n']);

/** nginx's unescaping of a token: \" \' \\ lose the backslash, \t \r \n become controls, anything else is kept. */
function unescape(raw: string): string {
  return raw.replace(/\\(["'\\trn])/g, (_, c: string) => (c === 't' ? '\t' : c === 'r' ? '\r' : c === 'n' ? '\n' : c));
}

class Lexer {
  private i = 0;
  private line = 1;
  private col = 1;

  constructor(private readonly src: string) {}

  pos(): Pos {
    return { index: this.i, line: this.line, col: this.col };
  }

  private advance(): string {
    const ch = this.src[this.i++];
    if (ch === '\n') {
      this.line++;
      this.col = 1;
    } else this.col++;
    return ch;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.i + offset];
  }

  private skipSpaceAndComments(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) return;
      if (SPACE.has(ch)) this.advance();
      else if (ch === '#') while (this.peek() !== undefined && this.peek() !== '\n') this.advance();
      else return;
    }
  }

  next(): Token {
    this.skipSpaceAndComments();
    const start = this.pos();
    const ch = this.peek();
    if (ch === undefined) return { kind: 'eof', start, end: start };
    if (ch === ';' || ch === '{' || ch === '}') {
      this.advance();
      return { kind: ch, start, end: this.pos() };
    }
    if (ch === '"' || ch === "'") return this.quoted(ch, start);
    return this.word(start);
  }

  private quoted(q: string, start: Pos): Token {
    this.advance();
    const from = this.i;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) return { kind: 'error', message: `unterminated ${q === '"' ? 'double' : 'single'}-quoted string`, start, end: this.pos() };
      if (ch === '\\' && this.peek(1) !== undefined) {
        this.advance();
        this.advance();
        continue;
      }
      if (ch === q) break;
      this.advance();
    }
    const raw = this.src.slice(from, this.i);
    this.advance();
    // nginx requires a separator after a closing quote.
    const after = this.peek();
    if (after !== undefined && !SPACE.has(after) && after !== ';' && after !== '{' && after !== ')') {
      const at = this.pos();
      this.advance();
      return { kind: 'error', message: `unexpected "${after}" after quoted string`, start: at, end: this.pos() };
    }
    return { kind: 'word', value: unescape(raw), start, end: this.pos() };
  }

  private word(start: Pos): Token {
    const from = this.i;
    let variable = false;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) break;
      if (ch === '\\' && this.peek(1) !== undefined) {
        this.advance();
        this.advance();
        variable = false;
        continue;
      }
      // `${name}`: the brace after `$` belongs to the variable, not to a block.
      if (ch === '{' && variable) {
        this.advance();
        continue;
      }
      if (SPACE.has(ch) || ch === ';' || ch === '{') break;
      variable = ch === '$';
      this.advance();
    }
    return { kind: 'word', value: unescape(this.src.slice(from, this.i)), start, end: this.pos() };
  }

  /**
   * Reads a `*_by_lua_block { ... }` body (the `{` already consumed) up to its matching `}`, skipping Lua strings
   * and comments, as lua-nginx-module's own lexer does. Returns null at end of file.
   */
  luaBlock(): { raw: string; end: Pos } | null {
    const from = this.i;
    let depth = 1;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) return null;
      if (ch === '-' && this.peek(1) === '-') {
        this.advance();
        this.advance();
        const long = this.longBracket();
        if (long === null) while (this.peek() !== undefined && this.peek() !== '\n') this.advance();
        else if (!this.skipLong(long)) return null;
        continue;
      }
      if (ch === '[') {
        const long = this.longBracket();
        if (long !== null) {
          if (!this.skipLong(long)) return null;
          continue;
        }
      }
      if (ch === '"' || ch === "'") {
        this.advance();
        while (this.peek() !== undefined && this.peek() !== ch && this.peek() !== '\n') {
          if (this.peek() === '\\') this.advance();
          this.advance();
        }
        this.advance();
        continue;
      }
      if (ch === '{') depth++;
      if (ch === '}' && --depth === 0) {
        const raw = this.src.slice(from, this.i);
        this.advance();
        return { raw, end: this.pos() };
      }
      this.advance();
    }
  }

  /** At `[[` or `[==[`: consumes the opener and returns its level, else null (nothing consumed). */
  private longBracket(): number | null {
    if (this.peek() !== '[') return null;
    let k = 1;
    while (this.peek(k) === '=') k++;
    if (this.peek(k) !== '[') return null;
    for (let n = 0; n <= k; n++) this.advance();
    return k - 1;
  }

  private skipLong(level: number): boolean {
    const close = `]${'='.repeat(level)}]`;
    const end = this.src.indexOf(close, this.i);
    if (end < 0) return false;
    while (this.i < end + close.length) this.advance();
    return true;
  }
}

/** Parses nginx config text. Never throws: syntax errors are returned with their line and column. */
export function parseNginx(path: string, text: string): NginxParse {
  const lexer = new Lexer(text);
  const problems: NginxProblem[] = [];
  const loc = (a: Pos, b: Pos): SourceLoc => ({ file: path, line: a.line, col: a.col, endLine: b.line, endCol: b.col });
  let lastEnd: Pos = { index: 0, line: 1, col: 1 };
  let stopped = false;
  // Once the rest of the file is lost (unterminated string or Lua block), later complaints are only echoes.
  const problem = (at: Pos, message: string) => {
    if (!stopped) problems.push({ line: at.line, col: at.col, message });
  };

  const nextToken = (): Token => {
    if (stopped) return { kind: 'eof', start: lastEnd, end: lastEnd };
    const t = lexer.next();
    if (t.kind === 'error') {
      problem(t.start, t.message);
      // An unterminated string swallows the rest of the file; anything else resumes after the bad character.
      if (t.message.startsWith('unterminated')) stopped = true;
      return nextToken();
    }
    if (t.kind !== 'eof') lastEnd = t.end;
    return t;
  };

  /** Parses directives until `}` (when `opener` is set) or end of file. */
  const block = (opener: { name: string; at: Pos } | null): { directives: NginxDirective[]; end: Pos } => {
    const out: NginxDirective[] = [];
    for (;;) {
      const t = nextToken();
      if (t.kind === 'eof') {
        if (opener) problem(lastEnd, `unexpected end of file, expecting "}" (block "${opener.name}" opened at line ${opener.at.line})`);
        return { directives: out, end: lastEnd };
      }
      if (t.kind === '}') {
        if (opener) return { directives: out, end: t.end };
        problem(t.start, 'unexpected "}"');
        continue;
      }
      if (t.kind === ';') {
        problem(t.start, 'unexpected ";"');
        continue;
      }
      if (t.kind === '{') {
        problem(t.start, 'unexpected "{"');
        block({ name: '{', at: t.start });
        continue;
      }
      if (t.kind !== 'word') continue;
      const closed = directive(t, out);
      if (closed && opener) return { directives: out, end: closed };
    }
  };

  /** Reads one directive after its name; returns the end of the enclosing block when a `}` closed it early. */
  const directive = (name: Extract<Token, { kind: 'word' }>, out: NginxDirective[]): Pos | null => {
    const args: string[] = [];
    let argEnd = name.end;
    for (;;) {
      const t = nextToken();
      if (t.kind === 'word') {
        args.push(t.value);
        argEnd = t.end;
        continue;
      }
      if (t.kind === ';') {
        out.push({ name: name.value, args, loc: loc(name.start, t.end), block: null, includedFrom: null, rawBlock: null });
        return null;
      }
      if (t.kind === '{') {
        if (/_by_lua_block$/.test(name.value)) {
          const lua = lexer.luaBlock();
          if (!lua) {
            problem(t.start, `unterminated "${name.value}" block`);
            stopped = true;
            out.push({ name: name.value, args, loc: loc(name.start, lastEnd), block: [], includedFrom: null, rawBlock: '' });
            return null;
          }
          lastEnd = lua.end;
          out.push({ name: name.value, args, loc: loc(name.start, lua.end), block: [], includedFrom: null, rawBlock: lua.raw });
          return null;
        }
        const inner = block({ name: name.value, at: name.start });
        out.push({ name: name.value, args, loc: loc(name.start, inner.end), block: inner.directives, includedFrom: null, rawBlock: null });
        return null;
      }
      // `}` or end of file before the `;`: report where the `;` is missing, keep the directive.
      problem(argEnd, `directive "${name.value}" is not terminated by ";"`);
      out.push({ name: name.value, args, loc: loc(name.start, argEnd), block: null, includedFrom: null, rawBlock: null });
      return t.kind === '}' ? t.end : null;
    }
  };

  const { directives } = block(null);
  return { directives, problems };
}

/** Template languages that are not nginx syntax (a Jinja `{{ server_name }}` would be misread as blocks). */
export function templateSyntax(text: string): string | null {
  if (/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/.test(text)) return 'Jinja/Go template';
  if (/<%[\s\S]*?%>/.test(text)) return 'ERB template';
  return null;
}

/** The context a file's top level is written for, judged by its top-level directives. */
export function topLevelContext(directives: NginxDirective[]): 'main' | 'http' | 'server' | 'unknown' {
  const names = new Set(directives.map((d) => d.name));
  if (['http', 'events', 'stream', 'worker_processes', 'worker_rlimit_nofile', 'pid', 'load_module', 'daemon'].some((n) => names.has(n))) return 'main';
  if (['server', 'upstream', 'map', 'geo', 'log_format', 'proxy_cache_path', 'limit_req_zone', 'limit_conn_zone', 'split_clients'].some((n) => names.has(n)))
    return 'http';
  if (['location', 'listen', 'server_name', 'root', 'return', 'rewrite'].some((n) => names.has(n))) return 'server';
  return 'unknown';
}
