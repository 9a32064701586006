// The embedded engine: restores a plain SQL dump into an in-process PostgreSQL (PGlite, WASM) when no PostgreSQL is
// installed. psql's job is done here: statements one by one, COPY ... FROM stdin data loaded in blocks, meta-commands.
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { CommandProof } from '../../core/types/proof.js';
import type { RestoreError } from '../../facts/backup.js';
import { meaningOf } from './dump-statements.js';
import type { RestoreOutcome } from './restore-pg.js';
import { ScriptReader, isCopyFromStdin, type ScriptStatement } from './sql-script.js';
import { importEsm } from '../../core/import-esm.js';

/** What the embedded engine needs from PGlite (kept narrow so the module loads lazily). */
export interface EmbeddedDb {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

/** Extensions PGlite bundles (contrib modules loadable at start-up); plpgsql is built in. */
export const EMBEDDED_EXTENSIONS = new Set(
  'amcheck auto_explain bloom btree_gin btree_gist citext cube dict_int dict_xsyn earthdistance file_fdw fuzzystrmatch hstore intarray isn lo ltree moddatetime pageinspect pg_buffercache pg_freespacemap pg_stat_statements pg_surgery pg_trgm pg_visibility pg_walinspect pgcrypto seg tablefunc tcn tsm_system_rows tsm_system_time unaccent uuid-ossp plpgsql'.split(
    ' ',
  ),
);

/** The PostgreSQL major PGlite embeds (read at start-up; this is the floor used before loading it). */
export const EMBEDDED_MAJOR = 18;

export interface EmbeddedEngine {
  db: EmbeddedDb;
  version: string;
  major: number;
}

/** Whether PGlite is installed (it is an optional part of opsaudit's dependencies). */
export async function embeddedAvailable(): Promise<boolean> {
  try {
    await importEsm('@electric-sql/pglite');
    return true;
  } catch {
    return false;
  }
}

/** Starts a fresh in-memory PGlite with the bundled extensions the dump needs. */
export async function startEmbedded(extensions: readonly string[]): Promise<EmbeddedEngine> {
  const { PGlite } = await importEsm<typeof import('@electric-sql/pglite')>('@electric-sql/pglite');
  const loaded: Record<string, unknown> = {};
  for (const name of extensions) {
    if (name === 'plpgsql' || !EMBEDDED_EXTENSIONS.has(name)) continue;
    const mod = name.replace(/-/g, '_');
    const m = await importEsm(`@electric-sql/pglite/contrib/${mod}`);
    loaded[mod] = m[mod];
  }
  const db = (await PGlite.create({ extensions: loaded as never })) as unknown as EmbeddedDb;
  const v = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const version = v.rows[0]?.v ?? String(EMBEDDED_MAJOR);
  return { db, version, major: Number(/^\d+/.exec(version)?.[0] ?? EMBEDDED_MAJOR) };
}

/** Meta-commands of pg_dump scripts that have no effect on a single in-process database. */
const HARMLESS_META = /^\\(?:connect|c|restrict|unrestrict|set|encoding|echo|qecho|if|endif|else|elif)\b/;

/** How much COPY data is handed to PGlite at once (bounded memory for large tables). */
const COPY_BLOCK = 16 * 1024 * 1024;

interface PgError {
  message: string;
  detail?: string;
  hint?: string;
  where?: string;
}

function describePgError(e: unknown): string {
  const err = e as PgError;
  return [err.message, err.detail ? `DETAIL: ${err.detail}` : '', err.hint ? `HINT: ${err.hint}` : '', err.where ? `CONTEXT: ${err.where}` : '']
    .filter(Boolean)
    .join(' — ');
}

class StopRestore extends Error {
  constructor(readonly restoreError: RestoreError) {
    super(restoreError.message);
  }
}

/** Restores a plain dump into `engine.db`, stopping at the first error (as psql -v ON_ERROR_STOP=1 would). */
export async function restorePlainEmbedded(
  engine: EmbeddedEngine,
  path: string,
  gzip: boolean,
  skipLines: ReadonlySet<number>,
  onBytes?: (sqlBytes: number) => void,
): Promise<RestoreOutcome> {
  const started = process.hrtime.bigint();
  const db = engine.db;
  type Event = { kind: 'statement'; s: ScriptStatement } | { kind: 'row'; row: Buffer } | { kind: 'copyEnd'; line: number | null };
  const queue: Event[] = [];
  const reader = new ScriptReader({
    statement: (s) => queue.push({ kind: 'statement', s }),
    copyRow: (row) => queue.push({ kind: 'row', row: Buffer.from(row) }),
    copyEnd: (line) => queue.push({ kind: 'copyEnd', line }),
  });
  let copy: { sql: string; s: ScriptStatement; parts: Buffer[]; size: number } | null = null;
  let statements = 0;

  const flushCopy = async () => {
    if (!copy || copy.parts.length === 0) return;
    const blob = new Blob(copy.parts as unknown as BlobPart[]);
    copy.parts = [];
    copy.size = 0;
    try {
      await db.query(copy.sql, [], { blob });
    } catch (e) {
      throw new StopRestore({ message: describePgError(e), line: copy.s.startLine, text: copy.s.firstLine, tocEntry: null });
    }
  };
  const handle = async (ev: Event) => {
    if (ev.kind === 'row') {
      if (!copy) return;
      copy.parts.push(ev.row, NEWLINE);
      copy.size += ev.row.length + 1;
      if (copy.size >= COPY_BLOCK) await flushCopy();
      return;
    }
    if (ev.kind === 'copyEnd') {
      await flushCopy();
      copy = null;
      return;
    }
    const s = ev.s;
    if (skipLines.has(s.startLine)) return;
    if (s.meta) {
      if (HARMLESS_META.test(s.text)) return;
      throw new StopRestore({ message: `the embedded engine does not support the psql meta-command ${s.text.split(/\s/)[0]}`, line: s.startLine, text: s.firstLine, tocEntry: null });
    }
    if (meaningOf(s.text, false).databaseLevel) return;
    if (isCopyFromStdin(s.text)) {
      copy = { sql: s.text.replace(/\sFROM\s+stdin\b/i, " FROM '/dev/blob'"), s, parts: [], size: 0 };
      return;
    }
    statements++;
    try {
      await db.exec(s.text);
    } catch (e) {
      throw new StopRestore({ message: describePgError(e), line: s.endLine, text: s.firstLine, tocEntry: null });
    }
  };

  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const source: Readable = gzip ? (pipeline(file, createGunzip(), () => {}) as unknown as Readable) : file;
  let firstError: RestoreError | null = null;
  try {
    for await (const chunk of source) {
      reader.push(chunk as Buffer);
      onBytes?.(reader.bytes);
      for (let ev = queue.shift(); ev; ev = queue.shift()) await handle(ev);
    }
    reader.end();
    for (let ev = queue.shift(); ev; ev = queue.shift()) await handle(ev);
    const open = reader.splitter.unterminated;
    if (open) firstError = { message: 'the script ends inside a statement (no terminating semicolon)', line: open.startLine, text: open.text.split('\n')[0], tocEntry: null };
  } catch (e) {
    firstError = e instanceof StopRestore ? e.restoreError : { message: `the dump could not be read to the end: ${(e as Error).message}`, line: null, text: null, tocEntry: null };
  } finally {
    file.destroy();
  }
  const durationMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const proof: CommandProof = {
    kind: 'command',
    host: 'localhost',
    command: `opsaudit embedded restore (PGlite, PostgreSQL ${engine.version}) < ${path}`,
    exit_code: firstError ? 1 : 0,
    duration_ms: durationMs,
    output: firstError
      ? `${firstError.line !== null ? `line ${firstError.line}: ` : ''}ERROR: ${firstError.message}`
      : `${statements} statements and ${reader.lineNo} lines restored`,
  };
  return { ok: firstError === null, durationMs, firstError, proof };
}

const NEWLINE = Buffer.from('\n');
