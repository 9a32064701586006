// Backup verification: the paths the user named -> one BackupVerification per backup, restored and disposed of.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { BackupSummary, BackupVerification } from '../../facts/backup.js';
import { findPostgres } from './binaries.js';
import { selectBackups, type BackupFile } from './discover.js';
import { DsnError, parseDsn, type ParsedDsn } from './dsn.js';
import { embeddedAvailable } from './restore-embedded.js';
import { ClusterPool } from './targets.js';
import { verifyOne, type EngineChoice, type VerifySession } from './verify.js';

export type { EngineChoice } from './verify.js';

export interface VerifyBackupsOptions {
  /** Every backup of a folder, not only the newest. */
  all?: boolean;
  engine?: EngineChoice;
  /** postgres://... of a server where a scratch database may be created and dropped. */
  scratchDsn?: string;
  expectTables?: string[];
  minRows?: Record<string, number>;
  /** Maximum acceptable backup age, hours (default 24). */
  rpoHours?: number;
  /** Restore-time objective, seconds; null/undefined = none given. */
  rtoSeconds?: number | null;
  /** Where to look for PostgreSQL programs instead of PATH and the usual places. */
  pgPath?: string[];
  /** Parent of the throwaway clusters' temp directories. */
  tempRoot?: string;
  now?: Date;
  onProgress?: (message: string) => void;
  /** How a path is shown in reports (default: relative to the working directory when inside it). */
  display?: (absPath: string) => string;
  /** Whether reports may quote a file's lines by number (default: yes; no for copies fetched from a server). */
  quotable?: (absPath: string) => boolean;
}

export interface VerifyBackupsResult {
  verifications: BackupVerification[];
  notes: string[];
  /** Values to mask in every output (the scratch server's password). */
  secrets: string[];
}

/** A bad command line: the CLI turns it into exit code 2. */
export class VerifyInputError extends Error {
  override name = 'VerifyInputError';
}

function defaultDisplay(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : abs;
}

/** Verifies the backups at `inputs` (files, directory dumps, or folders of backups). */
export async function verifyBackups(inputs: readonly string[], options: VerifyBackupsOptions = {}): Promise<VerifyBackupsResult> {
  const engine = options.engine ?? 'auto';
  let dsn: ParsedDsn | null = null;
  if (options.scratchDsn) {
    try {
      dsn = parseDsn(options.scratchDsn);
    } catch (err) {
      throw new VerifyInputError((err as DsnError).message);
    }
  }
  if (engine === 'dsn' && !dsn) throw new VerifyInputError('--engine dsn needs --scratch-dsn postgres://user:password@host:port/database');
  const jobs: { file: BackupFile; series: BackupFile[] }[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    if (!existsSync(abs)) throw new VerifyInputError(`${input}: no such file or directory`);
    const sel = selectBackups(abs, options.all ?? false);
    if (sel.chosen.length === 0)
      throw new VerifyInputError(`${input}: no backup found (looked for pg_dump output and files named *.sql, *.sql.gz, *.dump, *.backup, *.tar, and directory dumps with toc.dat)`);
    for (const file of sel.chosen) jobs.push({ file, series: sel.series });
  }
  const search = { pgPath: options.pgPath };
  const session: VerifySession = {
    installs: findPostgres(search),
    search,
    pool: new ClusterPool({ tempRoot: options.tempRoot }),
    engine,
    dsn,
    embeddedAvailable: await embeddedAvailable(),
    rpoHours: options.rpoHours ?? 24,
    rtoSeconds: options.rtoSeconds ?? null,
    expectTables: options.expectTables ?? [],
    minRows: options.minRows ?? {},
    now: options.now ?? new Date(),
    display: options.display ?? defaultDisplay,
    quotable: options.quotable ?? (() => true),
    progress: options.onProgress ?? (() => {}),
  };
  const verifications: BackupVerification[] = [];
  try {
    for (const job of jobs) verifications.push(await verifyOne(job.file, job.series, session));
  } finally {
    await session.pool.close();
  }
  const notes = verifications.flatMap((v) => v.notes.map((n) => `${v.path}: ${n}`));
  return { verifications, notes, secrets: dsn?.password ? [dsn.password] : [] };
}

/** The summary-table row of one verification. */
export function summarize(v: BackupVerification): BackupSummary {
  const result = v.restore.status === 'ok' ? 'restored' : v.restore.status === 'failed' ? 'failed' : 'unknown';
  const rows = v.tables ? v.tables.reduce((n, t) => n + t.rows, 0) : null;
  return {
    path: v.path,
    format: v.format,
    engine: v.engine ? `${v.engine.name} ${v.engine.version.split(' ')[0]}` : null,
    result,
    size_bytes: v.sizeBytes,
    sha256: v.sha256,
    age_hours: Math.round(v.ageHours * 10) / 10,
    tables: v.tables ? v.tables.length : null,
    rows,
    restore_seconds: v.restore.durationMs !== null ? Math.round(v.restore.durationMs / 100) / 10 : null,
    rto_seconds: v.rtoSeconds,
    detail: v.restore.detail,
  };
}
