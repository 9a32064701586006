// Restores a dump into a database with PostgreSQL's own clients, stopping at the first error:
// psql -v ON_ERROR_STOP=1 for plain SQL (fed through stdin), pg_restore --exit-on-error for archives.
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { CommandProof } from '../../core/types/proof.js';
import type { RestoreError } from '../../facts/backup.js';
import { clientEnv, program, type PgConn } from './pg-client.js';
import { commandLine, run, type RunResult } from './run.js';
import type { LineSpans } from './scan.js';

export interface RestoreOutcome {
  ok: boolean;
  durationMs: number;
  firstError: RestoreError | null;
  proof: CommandProof;
}

/**
 * Turns whole lines into comments in a passing byte stream ("--" over their first two bytes), keeping every byte
 * offset and line number: psql's error lines still match the file.
 */
export class LineNeutralizer extends Transform {
  private readonly marks: number[] = [];
  private readonly blanks: number[] = [];
  private i = 0;
  private j = 0;
  private pos = 0;

  constructor(spans: readonly LineSpans[]) {
    super();
    for (const lines of spans)
      for (const [offset, length] of lines) {
        // length includes the newline: a line of 1+ characters gets "-" / "--"; an empty line needs nothing.
        const content = length - 1;
        if (content >= 2) this.marks.push(offset, offset + 1);
        else if (content === 1) this.blanks.push(offset);
      }
    this.marks.sort((a, b) => a - b);
    this.blanks.sort((a, b) => a - b);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const end = this.pos + chunk.length;
    while (this.i < this.marks.length && this.marks[this.i] < end) {
      const at = this.marks[this.i++] - this.pos;
      if (at >= 0) chunk[at] = 0x2d; // '-'
    }
    while (this.j < this.blanks.length && this.blanks[this.j] < end) {
      const at = this.blanks[this.j++] - this.pos;
      if (at >= 0) chunk[at] = 0x20; // ' '
    }
    this.pos = end;
    done(null, chunk);
  }
}

/** Counts bytes passing through, for progress. */
class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly onBytes: (n: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.onBytes(this.bytes);
    done(null, chunk);
  }
}

function proofOf(shown: string, r: RunResult): CommandProof {
  const output = [r.spawnError ? `opsaudit: ${r.spawnError}` : '', r.stderr.trim()].filter(Boolean).join('\n');
  return { kind: 'command', host: 'localhost', command: shown, exit_code: r.code, duration_ms: r.durationMs, output: trimOutput(output) };
}

/** Keeps proof output readable: the first error and what surrounds it, not thousands of verbose lines. */
function trimOutput(output: string): string {
  const lines = output.split('\n');
  if (lines.length <= 40) return output;
  const err = lines.findIndex((l) => /\b(ERROR|FATAL|error):/.test(l));
  const from = err < 0 ? lines.length - 20 : Math.max(0, err - 8);
  return [`… ${from} earlier line(s)`, ...lines.slice(from, from + 30)].join('\n');
}

/** psql's first error: "psql:<stdin>:54: ERROR:  role "app" does not exist" plus its DETAIL/CONTEXT lines. */
export function psqlFirstError(stderr: string): RestoreError | null {
  const lines = stderr.split('\n');
  const i = lines.findIndex((l) => /^psql:<stdin>:\d+: (?:ERROR|FATAL|error|PANIC):/.test(l));
  if (i < 0) {
    const other = lines.find((l) => /\b(?:error|FATAL|ERROR):/.test(l));
    return other ? { message: other.replace(/^psql:\s*/, '').trim(), line: null, text: null, tocEntry: null } : null;
  }
  const m = /^psql:<stdin>:(\d+): (?:ERROR|FATAL|error|PANIC):\s*(.*)$/.exec(lines[i])!;
  const more = [];
  for (let k = i + 1; k < lines.length && !lines[k].startsWith('psql:') && more.length < 4; k++) if (lines[k].trim()) more.push(lines[k].trim());
  return { message: [m[2].trim(), ...more].join(' — '), line: Number(m[1]), text: null, tocEntry: null };
}

/** pg_restore's first error, with the TOC entry it was processing. */
export function pgRestoreFirstError(stderr: string): RestoreError | null {
  const lines = stderr.split('\n');
  const i = lines.findIndex((l) => /^pg_restore: (?:error|FATAL):/.test(l) || /^pg_restore: \[archiver[^\]]*\]/.test(l));
  if (i < 0) return null;
  let toc: string | null = null;
  for (let k = i; k >= 0 && toc === null; k--) {
    const m = /^pg_restore: from TOC entry (.*)$/.exec(lines[k]);
    if (m) toc = m[1].trim();
  }
  if (toc === null)
    for (let k = i - 1; k >= 0; k--) {
      const m = /^pg_restore: ((?:creating|processing|executing|restoring) .*)$/.exec(lines[k]);
      if (m) {
        toc = m[1].trim();
        break;
      }
    }
  const msg = lines[i].replace(/^pg_restore: (?:error|FATAL):\s*/, '').trim();
  const cmd = lines[i + 1]?.startsWith('Command was:') ? ` — ${lines[i + 1].trim()}` : '';
  return { message: msg + cmd, line: null, text: null, tocEntry: toc };
}

/** Feeds a plain dump to psql through stdin, with database-level statements and unrestorable grants neutralised. */
export async function restorePlain(
  conn: PgConn,
  path: string,
  gzip: boolean,
  neutralize: readonly LineSpans[],
  onBytes?: (sqlBytes: number) => void,
): Promise<RestoreOutcome> {
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const stages: NodeJS.ReadWriteStream[] = [];
  if (gzip) stages.push(createGunzip());
  if (neutralize.length > 0) stages.push(new LineNeutralizer(neutralize));
  if (onBytes) stages.push(new ByteCounter(onBytes));
  let inputError: string | null = null;
  // A decompression error must fail the restore: psql would otherwise run the part it got and exit 0.
  const stream = stages.length > 0 ? (pipeline([file, ...stages], (err) => {
    if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') inputError = err.message;
  }) as unknown as Readable) : file;
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', '-'];
  const r = await run(program(conn, 'psql'), args, { env: clientEnv(conn), input: stream });
  file.destroy();
  const shown = `${gzip ? `gunzip -c ${path} | ` : `cat ${path} | `}${commandLine('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-d', conn.database, '-f', '-'])}`;
  const proof = proofOf(shown, r);
  let firstError = psqlFirstError(r.stderr);
  const readFailed = inputError ?? r.spawnError;
  if (readFailed && !firstError) firstError = { message: `the dump could not be read to the end: ${readFailed}`, line: null, text: null, tocEntry: null };
  const ok = r.code === 0 && !readFailed && firstError === null;
  if (!ok && !firstError) firstError = { message: `psql exited with ${r.code ?? r.signal}`, line: null, text: null, tocEntry: null };
  return { ok, durationMs: r.durationMs, firstError, proof };
}

/** Restores an archive (custom, directory, tar) with pg_restore; `onEntry` is called per TOC entry processed. */
export async function restoreArchive(
  conn: PgConn,
  path: string,
  options: { noOwner: boolean },
  onEntry?: (done: number) => void,
): Promise<RestoreOutcome> {
  const args = ['--exit-on-error', '--no-password', '--verbose', ...(options.noOwner ? ['--no-owner', '--no-privileges'] : []), '-d', conn.database, path];
  let done = 0;
  const r = await run(program(conn, 'pg_restore'), args, {
    env: clientEnv(conn),
    onStderrLine: (l) => {
      if (/^pg_restore: (creating|processing|executing|restoring) /.test(l)) onEntry?.(++done);
    },
  });
  const proof = proofOf(commandLine('pg_restore', args), r);
  let firstError = pgRestoreFirstError(r.stderr);
  const ok = r.code === 0 && r.spawnError === null && firstError === null;
  if (!ok && !firstError) firstError = { message: r.spawnError ?? `pg_restore exited with ${r.code ?? r.signal}`, line: null, text: null, tocEntry: null };
  return { ok, durationMs: r.durationMs, firstError, proof };
}

/** pg_restore --list: the table of contents, read without restoring anything. */
export async function listArchive(conn: Pick<PgConn, 'install'>, path: string): Promise<{ ok: boolean; stdout: string; proof: CommandProof }> {
  const args = ['--list', path];
  const r = await run(`${conn.install.dir}/pg_restore`, args, { timeoutMs: 10 * 60_000 });
  const output = r.code === 0 ? summarizeList(r.stdout) : [r.spawnError ?? '', r.stderr.trim()].filter(Boolean).join('\n');
  return {
    ok: r.code === 0 && r.spawnError === null,
    stdout: r.stdout,
    proof: { kind: 'command', host: 'localhost', command: commandLine('pg_restore', args), exit_code: r.code, duration_ms: r.durationMs, output },
  };
}

/** The header of pg_restore --list (format, versions, entry count): the proof that the TOC is readable. */
function summarizeList(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => /^;\s+(Archive created at|dbname|TOC Entries|Format|Dump Version|Dumped from|Dumped by)/.test(l))
    .map((l) => l.replace(/^;\s+/, ''))
    .join('\n');
}
