// Verifies one backup end to end: recognise, checksum, read its table of contents, pick an engine able to read it,
// restore with stop-on-error into a throwaway target, count what came back, and always dispose of the target.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import type { BackupEngineName, BackupProof, BackupVerification, DumpDependency, StepResult } from '../../facts/backup.js';
import { describeInstalls, pickInstall, searchDirs, type PgInstall, type PgSearchOptions } from './binaries.js';
import { detectFormat, requiredMajor, type Detection } from './detect.js';
import { previousOf, type BackupFile } from './discover.js';
import { readInventory } from './inventory.js';
import { EMBEDDED_EXTENSIONS, EMBEDDED_MAJOR } from './restore-embedded.js';
import { listArchive, type RestoreOutcome } from './restore-pg.js';
import { run, commandLine } from './run.js';
import { scanPlainFile, scanStream, sha256Of, sizeOf, type LineSpans, type ScriptScan } from './scan.js';
import { clusterTarget, dsnTarget, embeddedTarget, type ClusterPool, type Target } from './targets.js';
import { parseToc, type Toc } from './toc.js';
import type { ParsedDsn } from './dsn.js';
import { Readable } from 'node:stream';
import { dumpLineProof } from '../../core/proof.js';

export type EngineChoice = BackupEngineName | 'auto';

/** Everything one run shares: what was found on the machine, the cluster pool, the user's thresholds. */
export interface VerifySession {
  installs: PgInstall[];
  search: PgSearchOptions;
  pool: ClusterPool;
  engine: EngineChoice;
  dsn: ParsedDsn | null;
  embeddedAvailable: boolean;
  rpoHours: number;
  rtoSeconds: number | null;
  expectTables: string[];
  minRows: Record<string, number>;
  now: Date;
  display: (absPath: string) => string;
  /** Whether a report may quote a line of this file by line number (false for copies fetched from a server). */
  quotable: (absPath: string) => boolean;
  progress: (message: string) => void;
}

const ok = (detail: string, proof: BackupProof | null = null): StepResult => ({ status: 'ok', detail, proof });
const failed = (detail: string, proof: BackupProof | null = null): StepResult => ({ status: 'failed', detail, proof });
const unknown = (detail: string, proof: BackupProof | null = null): StepResult => ({ status: 'unknown', detail, proof });

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** Progress at most five times a second. */
function throttled(fn: (m: string) => void): (m: string) => void {
  let last = 0;
  return (m) => {
    const now = Date.now();
    if (now - last >= 200) {
      last = now;
      fn(m);
    }
  };
}

/** The verification of a backup nothing could be done with: every later step unknown for `reason`. */
function skeleton(b: BackupFile, s: VerifySession, d: Detection | null, size: number): BackupVerification {
  const takenAt = d?.header?.createdAt ?? new Date(b.mtimeMs);
  const notChecked = unknown('not checked');
  return {
    path: s.display(b.path),
    linesQuotable: s.quotable(b.path) && d?.format !== 'plain-gzip',
    format: d?.format ?? 'unknown',
    formatEvidence: d?.evidence ?? 'unreadable',
    formatCheck: notChecked,
    sizeBytes: size,
    sqlBytes: null,
    sha256: null,
    takenAt: takenAt.toISOString(),
    takenAtSource: d?.header?.createdAt ? 'archive header' : 'file modification time',
    ageHours: Math.max(0, (s.now.getTime() - takenAt.getTime()) / 3_600_000),
    rpoHours: s.rpoHours,
    rtoSeconds: s.rtoSeconds,
    previous: null,
    newerInSeries: null,
    dumpedBy: d?.pgDumpVersion ?? null,
    dumpedFrom: d?.serverVersion ?? null,
    integrity: null,
    toc: null,
    tocEntries: null,
    compatibility: notChecked,
    engine: null,
    restore: { ...notChecked, durationMs: null, firstError: null },
    tables: null,
    tablesProof: null,
    expected: null,
    restored: null,
    roles: [],
    missingRoles: [],
    extensions: [],
    missingExtensions: [],
    expectTables: s.expectTables,
    minRows: s.minRows,
    notes: [],
  };
}

/** Marks every step after a blocking one as not checked, with the reason. */
function blockRest(v: BackupVerification, reason: string): void {
  v.compatibility = v.compatibility.status === 'unknown' && v.compatibility.detail === 'not checked' ? unknown(reason) : v.compatibility;
  v.restore = { ...unknown(reason), durationMs: null, firstError: null };
}

interface EnginePick {
  kind: BackupEngineName;
  install: PgInstall | null;
  result: StepResult;
}

/** Chooses the engine for a dump needing PostgreSQL `need` (null: any); `result` says why none fits. */
function pickEngine(s: VerifySession, plain: boolean, need: number | null, d: Detection, path: string, quotable: boolean): EnginePick {
  const dumpedBy = d.pgDumpVersion ? `pg_dump ${d.pgDumpVersion}` : d.header ? `archive format ${d.header.archiveVersion}` : 'an unknown pg_dump';
  const proof: BackupProof | null = d.versionLine ? dumpLineProof(path, d.versionLine.line, d.versionLine.text, quotable) : null;
  const found = describeInstalls(s.installs);
  const embeddedFits = plain && s.embeddedAvailable && (need === null || EMBEDDED_MAJOR >= need);
  const wants = s.engine === 'auto' ? (s.dsn ? 'dsn' : 'postgres') : s.engine;
  if (wants === 'embedded') {
    if (!plain) return { kind: 'embedded', install: null, result: unknown(`the embedded engine restores plain SQL dumps only; this is a ${d.format} archive (install PostgreSQL or pass --scratch-dsn)`) };
    if (!s.embeddedAvailable) return { kind: 'embedded', install: null, result: unknown('the embedded engine (@electric-sql/pglite) is not installed') };
    if (!embeddedFits) return { kind: 'embedded', install: null, result: failed(`the dump was made by ${dumpedBy}; the embedded engine is PostgreSQL ${EMBEDDED_MAJOR}`, proof) };
    return { kind: 'embedded', install: null, result: ok(`embedded PostgreSQL ${EMBEDDED_MAJOR} reads a dump made by ${dumpedBy}`) };
  }
  const needServer = wants === 'postgres';
  const install = pickInstall(s.installs, need, needServer);
  if (install) return { kind: wants, install, result: ok(`PostgreSQL ${install.major} (${install.dir}) reads a dump made by ${dumpedBy}`) };
  if (s.engine === 'auto' && wants === 'postgres' && embeddedFits)
    return { kind: 'embedded', install: null, result: ok(`no PostgreSQL ${need ?? ''} server programs here (found: ${found}); the embedded PostgreSQL ${EMBEDDED_MAJOR} reads a dump made by ${dumpedBy}`) };
  const what = needServer ? 'PostgreSQL server programs (initdb, pg_ctl, postgres) and clients (psql, pg_restore)' : 'PostgreSQL clients (psql, pg_restore)';
  const usable = s.installs.filter((i) => i.client && (!needServer || i.server));
  const embeddedTooOld = plain && s.embeddedAvailable && s.engine === 'auto';
  if ((usable.length > 0 || embeddedTooOld) && need !== null) {
    const here = [usable.length > 0 ? `${what}: ${describeInstalls(usable)}` : `no ${what}`, embeddedTooOld ? `the embedded engine: PostgreSQL ${EMBEDDED_MAJOR}` : '']
      .filter(Boolean)
      .join('; ');
    return { kind: wants, install: null, result: failed(`the dump was made by ${dumpedBy} and needs PostgreSQL ${need} or newer; here: ${here}`, proof) };
  }
  const hint = plain ? (s.embeddedAvailable ? '' : ' (the embedded engine, @electric-sql/pglite, is not installed either)') : ' (the embedded engine restores plain SQL dumps only)';
  return {
    kind: wants,
    install: null,
    result: unknown(`no ${what} found (searched ${searchDirs(s.search).join(', ') || 'nothing'}); install PostgreSQL or pass --scratch-dsn${hint}`),
  };
}

function prepareTarget(s: VerifySession, pick: EnginePick, extensions: readonly string[]): Promise<Target> {
  const p = pick.kind === 'embedded' ? embeddedTarget(extensions) : pick.kind === 'dsn' ? dsnTarget(s.dsn!, pick.install!) : clusterTarget(s.pool, pick.install!);
  // Started early and awaited later: a failure must not surface as an unhandled rejection in between.
  p.catch(() => undefined);
  return p;
}

/** The text of line `n` of a plain dump (decompressed), for quoting the line an error points at. */
async function lineOf(path: string, gzip: boolean, n: number): Promise<string | null> {
  const file = createReadStream(path);
  const input = gzip ? file.pipe(createGunzip()) : file;
  input.on('error', () => {});
  const rl = createInterface({ input, crlfDelay: Infinity });
  let i = 0;
  try {
    for await (const line of rl) if (++i === n) return line;
  } catch {
    return null;
  } finally {
    rl.close();
    file.destroy();
  }
  return null;
}

/** Roles and extensions of an archive: pg_restore --schema-only writes the SQL that names them. */
async function scanArchiveSchema(install: PgInstall, path: string): Promise<ScriptScan | null> {
  const args = ['--schema-only', '-f', '-', path];
  const input = new Readable({ read() {} });
  const scan = scanStream(input);
  const r = await run(`${install.dir}/pg_restore`, args, {
    timeoutMs: 10 * 60_000,
    onStdout: (chunk) => input.push(chunk),
  });
  input.push(null);
  const result = await scan;
  return r.code === 0 ? result : null;
}

function dependencyProofs(
  names: Iterable<[string, { line: number; text: string }]>,
  plainPath: string | null,
  quotable: boolean,
  archive: { path: string } | null,
): DumpDependency[] {
  const out: DumpDependency[] = [];
  for (const [name, where] of names) {
    let proof: BackupProof | null = null;
    if (plainPath) proof = dumpLineProof(plainPath, where.line, where.text, quotable);
    else if (archive)
      proof = {
        kind: 'command',
        host: 'localhost',
        command: commandLine('pg_restore', ['--schema-only', '-f', '-', archive.path]),
        exit_code: 0,
        duration_ms: 0,
        output: `line ${where.line}: ${where.text}`,
      };
    out.push({ name, proof });
  }
  return out;
}

/** Verifies one backup. Never throws for a bad backup: every problem is a step result. */
export async function verifyOne(b: BackupFile, series: readonly BackupFile[], s: VerifySession): Promise<BackupVerification> {
  const shown = s.display(b.path);
  const progress = throttled(s.progress);
  let d: Detection;
  let size: number;
  try {
    size = sizeOf(b.path);
    d = detectFormat(b.path);
  } catch (err) {
    const v = skeleton(b, s, null, 0);
    v.formatCheck = unknown(`${shown} could not be read: ${(err as Error).message}`);
    blockRest(v, 'the backup could not be read');
    return v;
  }
  const v = skeleton(b, s, d, size);
  const prev = previousOf(b, series);
  if (prev) v.previous = { path: s.display(prev.path), sizeBytes: sizeOf(prev.path), modifiedAt: new Date(prev.mtimeMs).toISOString() };
  const newer = series.find((o) => o.path !== b.path && o.format !== 'unknown' && o.mtimeMs > b.mtimeMs);
  if (newer) v.newerInSeries = s.display(newer.path);

  if (size === 0) {
    v.formatCheck = unknown('the file is empty');
    blockRest(v, 'the backup is empty');
    return v;
  }
  if (d.format === 'unknown') {
    v.formatCheck = failed(
      d.evidence,
      d.firstLine ? dumpLineProof(shown, d.firstLine.line, d.firstLine.text, v.linesQuotable, 'of the file') : { kind: 'file', path: shown, note: d.evidence },
    );
    blockRest(v, 'the file is not a PostgreSQL dump');
    v.sha256 = await sha256Of(b.path).catch(() => null);
    return v;
  }
  v.formatCheck = ok(d.evidence);
  const plain = d.format === 'plain' || d.format === 'plain-gzip';
  const gzip = d.format === 'plain-gzip';
  if (gzip) v.linesQuotable = false;
  // A plain dump is hashed by the scan's own read of the file (one pass over it, not two).
  let sha: Promise<string | null> = plain && !b.isDirectory ? Promise.resolve(null) : sha256Of(b.path).catch(() => null);
  const need = requiredMajor(d);
  const pick = pickEngine(s, plain, need, d, shown, v.linesQuotable);
  v.compatibility = pick.result;

  // Plain dumps: scan while the engine starts (initdb and start-up overlap the read).
  let scan: ScriptScan | null = null;
  let toc: Toc | null = null;
  let target: Promise<Target> | null = null;
  const dispose = async () => {
    if (!target) return;
    const t = await target.catch(() => null);
    target = null;
    await t?.dispose().catch(() => undefined);
  };
  try {
    if (plain) {
      if (pick.result.status === 'ok' && pick.kind !== 'embedded') target = prepareTarget(s, pick, []);
      scan = await scanPlainFile(b.path, gzip, (n) => progress(`reading ${shown}: ${mb(n)} of ${mb(size)}`));
      sha = scan.sha256 ? Promise.resolve(scan.sha256) : sha256Of(b.path).catch(() => null);
      v.sqlBytes = scan.sqlBytes;
      v.integrity = plainIntegrity(scan, d, shown, gzip, size, v.linesQuotable);
      v.expected = scan.expected;
      v.roles = dependencyProofs(scan.roles, shown, v.linesQuotable, null);
      v.extensions = dependencyProofs(scan.extensions, shown, v.linesQuotable, null);
    } else {
      // The cluster starts while the table of contents is read (disposed of below if the archive proves unreadable).
      if (pick.result.status === 'ok' && pick.kind !== 'embedded') target = prepareTarget(s, pick, []);
      // Read the table of contents with the chosen pg_restore, or the newest one here when none fits.
      const lister = pick.install ?? s.installs.find((i) => i.client) ?? null;
      if (!lister) v.toc = unknown('no pg_restore found to read the table of contents');
      else {
        progress(`reading the table of contents of ${shown}`);
        const listed = await listArchive({ install: lister }, b.path);
        const proof: BackupProof = { ...listed.proof, command: commandLine('pg_restore', ['--list', shown]) };
        if (listed.ok) {
          toc = parseToc(listed.stdout);
          v.toc = ok(`pg_restore --list read ${toc.entries.length} table-of-contents entries`, proof);
          v.tocEntries = toc.entries.length;
          v.expected = toc.expected;
          const schema = await scanArchiveSchema(lister, b.path);
          if (schema) {
            v.roles = dependencyProofs(schema.roles, null, false, { path: shown });
            v.extensions = dependencyProofs(schema.extensions, null, false, { path: shown });
            scan = schema;
          }
        } else if (/unsupported version|file header/i.test(listed.proof.output)) {
          v.compatibility = failed(`${lister.dir}/pg_restore (PostgreSQL ${lister.major}) cannot read this archive: ${firstLine(listed.proof.output)}`, proof);
          v.toc = unknown(`not checked: no pg_restore here reads this archive version (found: ${describeInstalls(s.installs)})`);
        } else v.toc = failed(`pg_restore --list cannot read the table of contents: ${firstLine(listed.proof.output)}`, proof);
      }
    }

    if (v.compatibility.status !== 'ok') {
      v.restore = { ...unknown(`not restored: ${v.compatibility.detail}`), durationMs: null, firstError: null };
      return v;
    }
    if (!plain && v.toc?.status !== 'ok') {
      v.restore = { ...unknown('not restored: the table of contents could not be read'), durationMs: null, firstError: null };
      return v;
    }
    if (plain && scan?.unsafe) {
      const u = scan.unsafe;
      v.notes.push(`line ${u.line} holds ${u.what}, which pg_dump never writes: the script was not run`);
      v.restore = { ...unknown(`not restored: line ${u.line} holds ${u.what}, which pg_dump never writes and opsaudit will not run (${u.text.trim().slice(0, 80)})`), durationMs: null, firstError: null };
      return v;
    }
    if (pick.kind === 'embedded') {
      // PGlite's extensions are known without starting it: a dump it cannot restore does not pay for a start.
      v.missingExtensions = v.extensions.map((e) => e.name).filter((n) => !EMBEDDED_EXTENSIONS.has(n));
      if (v.missingExtensions.length > 0) {
        v.engine = { name: 'embedded', version: String(EMBEDDED_MAJOR), where: 'embedded PGlite (not started)' };
        v.restore = {
          ...unknown(`not restored: the embedded engine (PostgreSQL ${EMBEDDED_MAJOR}) lacks extension(s) ${v.missingExtensions.join(', ')} the dump creates`),
          durationMs: null,
          firstError: null,
        };
        return v;
      }
      target = prepareTarget(s, pick, v.extensions.map((e) => e.name));
    }
    let t: Target;
    try {
      progress(`starting ${pick.kind === 'embedded' ? 'the embedded engine' : pick.kind === 'dsn' ? 'a scratch database' : `a throwaway PostgreSQL ${pick.install?.major} cluster`}`);
      t = await target!;
    } catch (err) {
      v.restore = { ...unknown(`the ${pick.kind} engine could not be prepared: ${(err as Error).message}`), durationMs: null, firstError: null };
      return v;
    }
    v.engine = { name: t.engine, version: t.version, where: t.where };

    // Extensions the engine lacks: the restore would stop there, proving nothing about the backup.
    const available = await t.extensions();
    v.missingExtensions = v.extensions.map((e) => e.name).filter((n) => n !== 'plpgsql' && !available.has(n));
    if (v.missingExtensions.length > 0) {
      v.restore = {
        ...unknown(`not restored: the ${t.engine} engine (PostgreSQL ${t.version}) lacks extension(s) ${v.missingExtensions.join(', ')} the dump creates`),
        durationMs: null,
        firstError: null,
      };
      return v;
    }

    // Roles the dump names but does not create (pg_dump never dumps roles).
    const existing = await t.roles();
    v.missingRoles = v.roles.map((r) => r.name).filter((n) => !existing.has(n));
    const neutralize: LineSpans[] = [...(scan && plain ? scan.databaseLevel : [])];
    let noOwner = false;
    if (v.missingRoles.length > 0) {
      if (t.canCreateRoles) {
        await t.createRoles(v.missingRoles);
        v.notes.push(`created role(s) ${v.missingRoles.join(', ')} in the throwaway ${t.engine === 'embedded' ? 'engine' : 'cluster'} before restoring`);
      } else if (plain && scan) {
        for (const r of v.missingRoles) neutralize.push(...(scan.byRole.get(r) ?? []));
        v.notes.push(`skipped the OWNER TO / GRANT statements naming role(s) ${v.missingRoles.join(', ')}, absent on the scratch server (roles are server-wide and are not created there)`);
      } else {
        noOwner = true;
        v.notes.push(`restored with --no-owner --no-privileges: role(s) ${v.missingRoles.join(', ')} are absent on the scratch server`);
      }
    }
    if (plain && scan && scan.databaseLevel.length > 0) v.notes.push(`skipped ${scan.databaseLevel.length} database-level statement(s) (CREATE DATABASE, \\connect): the restore targets a scratch database`);

    let outcome: RestoreOutcome;
    if (plain) {
      const total = scan?.sqlBytes ?? 0;
      outcome = await t.restorePlain(b.path, gzip, neutralize, (n) => progress(`restoring ${shown}: ${total ? Math.min(100, Math.floor((n / total) * 100)) : 0}% (${mb(n)} of ${mb(total)})`));
    } else if (t.restoreArchive) {
      const total = v.tocEntries ?? 0;
      outcome = await t.restoreArchive(b.path, noOwner, (n) => progress(`restoring ${shown}: ${Math.min(n, total)} of ${total} table-of-contents entries`));
    } else {
      v.restore = { ...unknown('the engine cannot restore archives'), durationMs: null, firstError: null };
      return v;
    }
    const proof = { ...outcome.proof, command: outcome.proof.command.split(b.path).join(shown) };
    if (outcome.ok) {
      v.restore = { ...ok(`restored in ${(outcome.durationMs / 1000).toFixed(1)} s into ${t.where}`, proof), durationMs: outcome.durationMs, firstError: null };
      progress(`counting rows in ${shown}`);
      // Plain dumps count their own COPY rows; archives are counted in the restored copy.
      const inv = await readInventory(t.sql, plain && scan ? scan.copyRows : undefined);
      v.tables = inv.tables;
      v.restored = inv.counts;
      v.tablesProof = {
        kind: 'command',
        host: 'localhost',
        command:
          inv.fromCounters.size > 0
            ? `rows per table in the restored copy (${t.where}): pg_stat_user_tables where rows inserted = live rows = the dump's COPY rows, else SELECT count(*)`
            : `SELECT count(*) per table in the restored copy (${t.where})`,
        exit_code: 0,
        duration_ms: 0,
        output:
          inv.tables.length > 0
            ? inv.tables.map((x) => `${x.name}: ${x.rows} rows${inv.fromCounters.has(x.name) ? ' (server counters = COPY rows in the dump)' : ''}`).join('\n')
            : 'no tables',
      };
    } else {
      const e = outcome.firstError!;
      if (plain && e.line !== null && e.text === null) e.text = await lineOf(b.path, gzip, e.line);
      v.restore = { ...failed(restoreFailure(e), proof), durationMs: outcome.durationMs, firstError: e };
    }
    return v;
  } finally {
    await dispose();
    // Computed alongside the restore; recorded whatever the outcome.
    v.sha256 = await sha;
  }
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim() !== '')?.trim() ?? s;
}

function restoreFailure(e: NonNullable<BackupVerification['restore']['firstError']>): string {
  const where = e.line !== null ? `at line ${e.line}` : e.tocEntry ? (/^\d/.test(e.tocEntry) ? `at TOC entry ${e.tocEntry}` : `while ${e.tocEntry}`) : '';
  return `the restore stopped ${where ? `${where} ` : ''}with: ${e.message}`;
}

function plainIntegrity(scan: ScriptScan, d: Detection, path: string, gzip: boolean, size: number, quotable: boolean): StepResult {
  if (scan.gzipError)
    return failed(`the gzip stream is corrupt: ${scan.gzipError.message} (after ${scan.gzipError.sqlBytes} bytes of SQL)`, {
      kind: 'command',
      host: 'localhost',
      command: `gunzip -c ${path} > /dev/null`,
      exit_code: 1,
      duration_ms: 0,
      output: `gzip: ${path}: ${scan.gzipError.message} (${scan.gzipError.afterBytes} of ${size} compressed bytes read)`,
    });
  if (scan.truncation) return failed(`the dump is truncated: ${scan.truncation.what}`, dumpLineProof(path, scan.truncation.line, scan.truncation.text, quotable));
  const pgDump = /PostgreSQL database (cluster )?dump/.test(d.evidence);
  if (!scan.footer) {
    if (!pgDump) return unknown('the script was not written by pg_dump (no "-- PostgreSQL database dump" header): its completeness cannot be judged from the text');
    return failed(`the dump has no "-- PostgreSQL database dump complete" footer: pg_dump did not finish writing it`, {
      kind: 'file',
      path,
      note: `ends at line ${scan.lines} without pg_dump's footer`,
    });
  }
  return ok(`${gzip ? 'gzip stream intact; ' : ''}the script ends with pg_dump's "dump complete" footer (${scan.lines} lines)`);
}

