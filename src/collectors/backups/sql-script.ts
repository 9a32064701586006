// Reads a psql script (a plain pg_dump) the way psql does: statements, meta-commands and COPY ... FROM stdin data.
// Written by hand: SQL splitters on npm know neither psql's meta-commands nor inline COPY data, and pg_dump's output
// needs exactly psql's lexical rules (quotes, E'' escapes, dollar quotes, nested comments, parentheses).

/** A complete SQL statement or psql meta-command, with where it sits in the script. */
export interface ScriptStatement {
  /** From the first significant character to the terminating `;` (meta-commands: the whole line). */
  text: string;
  meta: boolean;
  /** 1-based lines of the first and the last character. */
  startLine: number;
  endLine: number;
  /** The whole script line the statement starts on (what a proof quotes). */
  firstLine: string;
  /** Byte offset and length of each line the statement occupies (for neutralising it in place). */
  lines: [offset: number, length: number][];
  /** Nothing else shares its lines: it can be turned into comments without touching another statement. */
  ownsLines: boolean;
}

type Mode = 'normal' | 'single' | 'escape' | 'double' | 'dollar' | 'block';

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Splits SQL text into statements, line by line, keeping lexical state across lines. */
export class StatementSplitter {
  private mode: Mode = 'normal';
  private dollarTag = '';
  private blockDepth = 0;
  private parenDepth = 0;
  private text = '';
  private started = false;
  private startLine = 0;
  private startCol = 0;
  private firstLine = '';
  private lines: [number, number][] = [];

  /** True when no statement has begun (only whitespace and comments since the last one). */
  get idle(): boolean {
    return !this.started && this.mode !== 'block';
  }

  /** The statement begun but not terminated at end of input (a truncated dump), if any. */
  get unterminated(): { text: string; startLine: number } | null {
    return this.started ? { text: this.text, startLine: this.startLine } : null;
  }

  /**
   * Feeds one line (without its newline). `offset`/`length` are the line's bytes in the script, newline included.
   * Returns the statements completed on this line.
   */
  /** At a closing quote character: a doubled quote is an escaped one inside the string, otherwise the string ends. */
  private pastQuote(line: string, i: number): number {
    if (line[i + 1] === line[i]) return i + 2;
    this.mode = 'normal';
    return i + 1;
  }

  pushLine(line: string, lineNo: number, offset: number, length: number): ScriptStatement[] {
    const out: ScriptStatement[] = [];
    let segStart = 0;
    let i = 0;
    const n = line.length;
    const begin = (at: number) => {
      this.started = true;
      this.startLine = lineNo;
      this.startCol = at;
      this.firstLine = line;
      this.lines = [];
      this.text = '';
      segStart = at;
    };
    if (this.started) this.lines.push([offset, length]);
    while (i < n) {
      const ch = line[i];
      switch (this.mode) {
        case 'normal': {
          if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') {
            i++;
            continue;
          }
          if (ch === '-' && line[i + 1] === '-') {
            i = n;
            continue;
          }
          if (ch === '/' && line[i + 1] === '*') {
            this.mode = 'block';
            this.blockDepth = 1;
            i += 2;
            continue;
          }
          if (!this.started) {
            if (ch === '\\') {
              // A psql meta-command: backslash, command and arguments up to the end of the line.
              out.push({ text: line.slice(i).trimEnd(), meta: true, startLine: lineNo, endLine: lineNo, firstLine: line, lines: [[offset, length]], ownsLines: line.slice(0, i).trim() === '' });
              i = n;
              continue;
            }
            begin(i);
            this.lines.push([offset, length]);
          }
          if (ch === '\\') {
            // A backslash inside a statement starts a meta-command for psql too ("SELECT 1 \g"): report it as one,
            // so nothing psql would execute goes unseen (pg_dump never writes this).
            out.push({ text: line.slice(i).trimEnd(), meta: true, startLine: lineNo, endLine: lineNo, firstLine: line, lines: [[offset, length]], ownsLines: false });
            i = n;
            continue;
          }
          if (ch === "'") {
            const prev = line[i - 1];
            const prev2 = line[i - 2];
            this.mode = (prev === 'E' || prev === 'e') && (prev2 === undefined || !IDENT_CHAR.test(prev2)) ? 'escape' : 'single';
          } else if (ch === '"') this.mode = 'double';
          else if (ch === '$') {
            const prev = line[i - 1];
            const m = prev !== undefined && IDENT_CHAR.test(prev) ? null : /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(line.slice(i, i + 64));
            if (m) {
              this.mode = 'dollar';
              this.dollarTag = m[0];
              i += m[0].length;
              continue;
            }
          } else if (ch === '(') this.parenDepth++;
          else if (ch === ')') this.parenDepth = Math.max(0, this.parenDepth - 1);
          else if (ch === ';' && this.parenDepth === 0) {
            const text = this.text + line.slice(segStart, i + 1);
            const rest = line.slice(i + 1);
            const restIsBlank = rest.trim() === '' || rest.trim().startsWith('--');
            out.push({
              text,
              meta: false,
              startLine: this.startLine,
              endLine: lineNo,
              firstLine: this.firstLine,
              lines: this.lines,
              ownsLines: this.startCol === 0 || line.slice(0, this.startCol).trim() === '' ? restIsBlank : false,
            });
            this.started = false;
            this.text = '';
            this.lines = [];
            i++;
            segStart = i;
            continue;
          }
          i++;
          continue;
        }
        case 'single':
          i = ch === "'" ? this.pastQuote(line, i) : i + 1;
          continue;
        case 'escape':
          i = ch === '\\' ? i + 2 : ch === "'" ? this.pastQuote(line, i) : i + 1;
          continue;
        case 'double':
          i = ch === '"' ? this.pastQuote(line, i) : i + 1;
          continue;
        case 'dollar': {
          const end = line.indexOf(this.dollarTag, i);
          if (end < 0) i = n;
          else {
            i = end + this.dollarTag.length;
            this.mode = 'normal';
          }
          continue;
        }
        case 'block':
          if (ch === '*' && line[i + 1] === '/') {
            this.blockDepth--;
            i += 2;
            if (this.blockDepth === 0) this.mode = 'normal';
          } else if (ch === '/' && line[i + 1] === '*') {
            this.blockDepth++;
            i += 2;
          } else i++;
          continue;
      }
    }
    if (this.started) this.text += `${line.slice(segStart)}\n`;
    return out;
  }
}

/** `COPY ... FROM stdin;`: the lines after it, up to `\.`, are its data. */
export function isCopyFromStdin(statement: string): boolean {
  return /^COPY\s[\s\S]*\sFROM\s+stdin\b[\s\S]*;$/i.test(statement);
}

/** What a script reader reports, in order. */
export interface ScriptHandlers {
  statement(s: ScriptStatement): void;
  /** One data row of the COPY opened by the last statement (the raw bytes, newline excluded). */
  copyRow?(row: Buffer): void;
  /** The `\.` closing the COPY data, or null when the script ended inside it (truncated). */
  copyEnd(endLine: number | null): void;
}

/**
 * Turns a byte stream into script events. Data rows are never decoded (a 200 MB COPY costs one indexOf per row);
 * SQL lines are decoded as UTF-8.
 */
export class ScriptReader {
  readonly splitter = new StatementSplitter();
  private inCopy = false;
  private rest: Buffer | null = null;
  private restOffset = 0;
  /** Lines seen so far. */
  lineNo = 0;
  /** Bytes seen so far. */
  bytes = 0;
  /** The last complete line, for "where did it end". */
  lastLine = '';
  lastLineNo = 0;
  /** The last few non-blank lines outside COPY data (pg_dump's "dump complete" footer sits there). */
  readonly tail: string[] = [];

  constructor(private readonly handlers: ScriptHandlers) {}

  get insideCopy(): boolean {
    return this.inCopy;
  }

  push(chunk: Buffer): void {
    let buf = chunk;
    let base = this.bytes;
    if (this.rest) {
      buf = Buffer.concat([this.rest, chunk]);
      base = this.restOffset;
      this.rest = null;
    }
    this.bytes += chunk.length;
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      this.line(buf, pos, nl, base + pos, nl - pos + 1);
      pos = nl + 1;
    }
    if (pos < buf.length) {
      this.rest = buf.subarray(pos);
      this.restOffset = base + pos;
    }
  }

  /** Flushes a last line without newline and reports a COPY left open. */
  end(): void {
    if (this.rest) {
      const r = this.rest;
      this.rest = null;
      this.line(r, 0, r.length, this.restOffset, r.length);
    }
    if (this.inCopy) {
      this.inCopy = false;
      this.handlers.copyEnd(null);
    }
  }

  private line(buf: Buffer, start: number, end: number, offset: number, length: number): void {
    this.lineNo++;
    let stop = end;
    if (stop > start && buf[stop - 1] === 13) stop--;
    if (this.inCopy) {
      // "\." alone ends the data.
      if (stop - start === 2 && buf[start] === 92 && buf[start + 1] === 46) {
        this.inCopy = false;
        this.lastLine = '\\.';
        this.lastLineNo = this.lineNo;
        this.handlers.copyEnd(this.lineNo);
      } else this.handlers.copyRow?.(buf.subarray(start, end));
      return;
    }
    const text = buf.toString('utf8', start, stop);
    this.lastLine = text;
    this.lastLineNo = this.lineNo;
    if (text.trim() !== '') {
      this.tail.push(text);
      if (this.tail.length > 8) this.tail.shift();
    }
    for (const s of this.splitter.pushLine(text, this.lineNo, offset, length)) {
      this.handlers.statement(s);
      if (!s.meta && isCopyFromStdin(s.text)) this.inCopy = true;
    }
  }
}
