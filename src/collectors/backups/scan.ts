// The read-only pass before a restore: checksum, gzip integrity, and what the SQL needs and creates (roles,
// extensions, tables with their COPY row counts, indexes, constraints, sequences), in one streaming read.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ObjectCounts } from '../../facts/backup.js';
import { meaningOf } from './dump-statements.js';
import { ScriptReader, type ScriptStatement } from './sql-script.js';

/** A line of the script, for proof. */
export interface ScriptLine {
  line: number;
  text: string;
}

/** Byte ranges of the lines of one statement, for neutralising it in place. */
export type LineSpans = [offset: number, length: number][];

export interface ScriptScan {
  /** Bytes of SQL (after decompression). */
  sqlBytes: number;
  lines: number;
  /** pg_dump's "-- PostgreSQL database dump complete" footer was seen. */
  footer: boolean;
  /** Where the script stops in the middle of something (a truncated dump), or null. */
  truncation: { line: number; text: string; what: string } | null;
  /** Decompression failure (corrupt or truncated gzip). */
  gzipError: { message: string; afterBytes: number; sqlBytes: number } | null;
  roles: Map<string, ScriptLine>;
  extensions: Map<string, ScriptLine>;
  expected: ObjectCounts;
  /** Rows in each table's COPY data (schema.name). */
  copyRows: Map<string, number>;
  /** sha256 of the file as read (scanPlainFile, when it read the whole file). */
  sha256?: string;
  /** Statements about the database itself (CREATE DATABASE, \connect): never run in a scratch database. */
  databaseLevel: LineSpans[];
  /** Statements naming each role (OWNER TO, GRANT...), skipped when the role cannot exist on the target. */
  byRole: Map<string, LineSpans[]>;
  /**
   * Something pg_dump never writes and psql would run with the verifier's rights: a meta-command outside the
   * allowlist (\! runs a shell), or COPY to/from a program or a server file. Such a script is not restored.
   */
  unsafe: ScriptLine & { what: string } | null;
}

/** Meta-commands pg_dump writes (\\connect, \\restrict...) and harmless ones; anything else is refused. */
const SAFE_META = /^\\(?:connect|c|restrict|unrestrict|encoding|set\s+ON_ERROR_STOP\b)(?:\s|$)/;
/** COPY that is not fed by the script itself. */
const COPY_ELSEWHERE = /^COPY\s[\s\S]*\s(?:FROM|TO)\s+(?:PROGRAM\b|'|E')/i;

/** sha256 of a file, or of a directory dump: each file's relative path and hash, sorted, hashed together. */
export async function sha256Of(path: string): Promise<string> {
  if (!statSync(path).isDirectory()) return hashStream(createReadStream(path));
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  walk(path);
  const lines: string[] = [];
  for (const f of files.sort()) lines.push(`${await hashStream(createReadStream(f))}  ${relative(path, f).split('\\').join('/')}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

async function hashStream(stream: Readable): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of stream) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Bytes on disk: a file's size, or the sum over a directory dump's files. */
export function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) total += sizeOf(join(path, e.name));
  return total;
}

/** Feeds script events into a ScriptScan. */
export class ScanCollector {
  readonly scan: ScriptScan = {
    sqlBytes: 0,
    lines: 0,
    footer: false,
    truncation: null,
    gzipError: null,
    roles: new Map(),
    extensions: new Map(),
    expected: { tables: 0, indexes: 0, constraints: 0, sequences: 0 },
    copyRows: new Map(),
    databaseLevel: [],
    byRole: new Map(),
    unsafe: null,
  };
  private copyTable: string | null = null;
  private copyStart: ScriptLine | null = null;
  private rows = 0;
  readonly reader: ScriptReader;

  constructor() {
    this.reader = new ScriptReader({
      statement: (s) => this.statement(s),
      copyRow: () => {
        this.rows++;
      },
      copyEnd: (endLine) => {
        if (this.copyTable) this.scan.copyRows.set(this.copyTable, (this.scan.copyRows.get(this.copyTable) ?? 0) + this.rows);
        if (endLine === null && this.copyStart)
          this.scan.truncation = {
            ...this.copyStart,
            what: `the script ends inside the COPY data of ${this.copyTable ?? 'a table'} begun at line ${this.copyStart.line} (after ${this.rows} rows, no closing \\.)`,
          };
        this.copyTable = null;
      },
    });
  }

  private statement(s: ScriptStatement): void {
    const m = meaningOf(s.text, s.meta);
    const where = { line: s.startLine, text: s.firstLine };
    if (!this.scan.unsafe) {
      if (s.meta && !SAFE_META.test(s.text)) this.scan.unsafe = { ...where, what: `the psql meta-command ${s.text.split(/\s/)[0]}` };
      else if (!s.meta && COPY_ELSEWHERE.test(s.text)) this.scan.unsafe = { ...where, what: 'a COPY to or from a program or a server file' };
    }
    if (m.copyTable) {
      this.copyTable = m.copyTable;
      this.copyStart = where;
      this.rows = 0;
    }
    if (m.databaseLevel && s.ownsLines) this.scan.databaseLevel.push(s.lines);
    for (const r of m.roles) {
      if (!this.scan.roles.has(r)) this.scan.roles.set(r, where);
      if (m.privilege && s.ownsLines) {
        const list = this.scan.byRole.get(r) ?? [];
        list.push(s.lines);
        this.scan.byRole.set(r, list);
      }
    }
    if (m.extension && !this.scan.extensions.has(m.extension)) this.scan.extensions.set(m.extension, where);
    const e = this.scan.expected;
    if (m.table) e.tables++;
    if (m.index) e.indexes++;
    if (m.constraint) e.constraints++;
    if (m.sequence) e.sequences++;
  }

  push(chunk: Buffer): void {
    this.reader.push(chunk);
  }

  /** Call at end of input: records truncation and the footer. */
  finish(): ScriptScan {
    this.reader.end();
    const r = this.reader;
    this.scan.sqlBytes = r.bytes;
    this.scan.lines = r.lineNo;
    this.scan.footer = r.tail.some((l) => /^-- PostgreSQL database (cluster )?dump complete\s*$/.test(l));
    const open = r.splitter.unterminated;
    if (!this.scan.truncation && open)
      this.scan.truncation = { line: open.startLine, text: open.text.split('\n')[0], what: `the script ends inside a statement begun at line ${open.startLine} (no terminating semicolon)` };
    return this.scan;
  }
}

/** Scans a plain (optionally gzip) dump file. `onBytes` reports compressed bytes read, for progress. */
export async function scanPlainFile(path: string, gzip: boolean, onBytes?: (read: number) => void): Promise<ScriptScan> {
  const collector = new ScanCollector();
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  // The file's sha256, from the same read (set on the result only when the whole file was read).
  const hash = createHash('sha256');
  let read = 0;
  file.on('data', (c) => {
    read += c.length;
    hash.update(c as Buffer);
    onBytes?.(read);
  });
  if (!gzip) {
    for await (const chunk of file) collector.push(chunk as Buffer);
    return { ...collector.finish(), sha256: hash.digest('hex') };
  }
  const gunzip = createGunzip();
  file.pipe(gunzip);
  try {
    for await (const chunk of gunzip) collector.push(chunk as Buffer);
  } catch (err) {
    file.destroy();
    const scan = collector.finish();
    scan.gzipError = { message: (err as Error).message, afterBytes: read, sqlBytes: scan.sqlBytes };
    return scan;
  }
  return { ...collector.finish(), sha256: hash.digest('hex') };
}

/** Scans SQL produced by a program (pg_restore -s -f -). */
export async function scanStream(stream: Readable): Promise<ScriptScan> {
  const collector = new ScanCollector();
  for await (const chunk of stream) collector.push(chunk as Buffer);
  return collector.finish();
}
