// Finds PostgreSQL installations on this machine (PATH, /usr/lib/postgresql/*/bin, ...) and their major versions.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';

/** One directory of PostgreSQL programs. */
export interface PgInstall {
  dir: string;
  /** "15.18 (Debian 15.18-0+deb12u1)" */
  version: string;
  major: number;
  /** initdb, pg_ctl and postgres are there: an ephemeral cluster can be started. */
  server: boolean;
  /** psql and pg_restore are there. */
  client: boolean;
}

/** Restricts the search: only these directories are looked at (tests use it to simulate "no PostgreSQL"). */
export const PG_PATH_ENV = 'OPSAUDIT_PG_PATH';

export interface PgSearchOptions {
  /** Directories to search instead of the defaults (also from OPSAUDIT_PG_PATH, colon-separated). */
  pgPath?: string[];
}

/** Parent directories holding one versioned installation each (Debian/Ubuntu, RHEL/PGDG, Homebrew, Postgres.app). */
const VERSIONED_ROOTS: { root: string; entry: RegExp; bin: string }[] = [
  { root: '/usr/lib/postgresql', entry: /^\d+(\.\d+)?$/, bin: 'bin' },
  { root: '/usr', entry: /^pgsql-\d+(\.\d+)?$/, bin: 'bin' },
  { root: '/opt/homebrew/opt', entry: /^postgresql(@\d+)?$/, bin: 'bin' },
  { root: '/usr/local/opt', entry: /^postgresql(@\d+)?$/, bin: 'bin' },
  { root: '/Applications/Postgres.app/Contents/Versions', entry: /^\d+(\.\d+)?$/, bin: 'bin' },
];

/** The directories searched, in order: explicit ones, or PATH followed by the usual versioned locations. */
export function searchDirs(options: PgSearchOptions = {}): string[] {
  const explicit = options.pgPath ?? (process.env[PG_PATH_ENV] !== undefined ? process.env[PG_PATH_ENV]!.split(delimiter) : undefined);
  if (explicit) return explicit.filter((d) => d !== '');
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const { root, entry, bin } of VERSIONED_ROOTS) {
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const n of names.filter((x) => entry.test(x)).sort()) dirs.push(join(root, n, bin));
    if (root === '/usr') dirs.push('/usr/local/pgsql/bin');
  }
  return dirs;
}

function has(dir: string, program: string): boolean {
  return existsSync(join(dir, program));
}

/** Debian's /usr/bin/psql is pg_wrapper, a script choosing a version itself: the versioned directories are used instead. */
function isWrapper(path: string): boolean {
  try {
    return basename(realpathSync(path)) === 'pg_wrapper';
  } catch {
    return false;
  }
}

const versionCache = new Map<string, string | null>();

/** "pg_restore (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" -> "15.18 (Debian 15.18-0+deb12u1)". */
function programVersion(path: string): string | null {
  if (versionCache.has(path)) return versionCache.get(path)!;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = r.status === 0 ? /\(PostgreSQL\)\s+(\S.*)$/m.exec(r.stdout) : null;
  const v = m ? m[1].trim() : null;
  versionCache.set(path, v);
  return v;
}

/** The major version of a version string: "15.18 (Debian...)" -> 15, "9.6.24" -> 9.6 (as 9). */
export function majorOf(version: string): number | null {
  const m = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  return m ? Number(m[1]) : null;
}

/** Every usable installation found, newest major first; directories without PostgreSQL programs are skipped. */
export function findPostgres(options: PgSearchOptions = {}): PgInstall[] {
  const seen = new Set<string>();
  const out: PgInstall[] = [];
  for (const dir of searchDirs(options)) {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const client = has(dir, 'psql') && has(dir, 'pg_restore') && !isWrapper(join(dir, 'pg_restore'));
    const server = has(dir, 'initdb') && has(dir, 'pg_ctl') && has(dir, 'postgres');
    if (!client && !server) continue;
    const version = programVersion(join(dir, client ? 'pg_restore' : 'pg_ctl'));
    const major = version ? majorOf(version) : null;
    if (!version || major === null) continue;
    out.push({ dir, version, major, server, client });
  }
  return out.sort((a, b) => b.major - a.major);
}

/**
 * The installation to restore a dump with: client and (when `needServer`) server programs of a major version at
 * least `minMajor` (pg_restore reads archives of its own and older versions only). The oldest such major is preferred:
 * it is closest to the server the dump came from.
 */
export function pickInstall(installs: readonly PgInstall[], minMajor: number | null, needServer: boolean): PgInstall | null {
  const usable = installs.filter((i) => i.client && (!needServer || i.server) && (minMajor === null || i.major >= minMajor));
  return usable.sort((a, b) => a.major - b.major)[0] ?? null;
}

/** Human list of what was found: "15 (/usr/lib/postgresql/15/bin)". */
export function describeInstalls(installs: readonly PgInstall[]): string {
  if (installs.length === 0) return 'none';
  return installs.map((i) => `${i.major} (${i.dir}${i.server ? '' : ', client only'})`).join(', ');
}
