// The `dsn` engine's server: a postgres:// URL turned into client environment variables (the password never reaches a
// command line), and a uniquely named scratch database created for one restore and always dropped.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { PgInstall } from './binaries.js';
import { registerTeardown } from './cleanup.js';
import { clientEnv, program, psql, quoteIdent, type PgConn } from './pg-client.js';

export class DsnError extends Error {
  override name = 'DsnError';
}

/** URL query parameters libpq understands, and their environment variables. */
const PARAMS: Record<string, string> = {
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  sslcrl: 'PGSSLCRL',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  options: 'PGOPTIONS',
  host: 'PGHOST',
  port: 'PGPORT',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  target_session_attrs: 'PGTARGETSESSIONATTRS',
  gssencmode: 'PGGSSENCMODE',
  channel_binding: 'PGCHANNELBINDING',
};

export interface ParsedDsn {
  env: Record<string, string>;
  /** The database named in the URL: where the scratch database is created from and dropped. */
  database: string;
  /** user@host:port/db, without the password. */
  label: string;
  password: string | null;
}

/** Parses postgres://user:password@host:port/db?sslmode=require. */
export function parseDsn(dsn: string): ParsedDsn {
  let url: URL;
  try {
    url = new URL(dsn);
  } catch {
    throw new DsnError('--scratch-dsn must be a URL such as postgres://user:password@host:5432/postgres');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new DsnError(`--scratch-dsn: unsupported scheme ${url.protocol} (use postgres://)`);
  const env: Record<string, string> = {};
  if (url.hostname) env.PGHOST = decodeURIComponent(url.hostname.replace(/^\[|\]$/g, ''));
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  for (const [k, v] of url.searchParams) {
    const name = PARAMS[k];
    if (!name) throw new DsnError(`--scratch-dsn: unsupported parameter ${k}`);
    env[name] = v;
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  const label = `${env.PGUSER ? `${env.PGUSER}@` : ''}${env.PGHOST ?? 'localhost'}:${env.PGPORT ?? '5432'}/${database}`;
  return { env, database, label, password: env.PGPASSWORD ?? null };
}

/** The scratch database's name: recognisable, unique, and safe to drop. */
export function scratchName(): string {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `opsaudit_verify_${stamp}_${randomBytes(4).toString('hex')}`;
}

export interface ScratchDatabase {
  conn: PgConn;
  /** Drops the database (idempotent). */
  drop(): void;
}

/** The server's major version. */
export async function serverMajor(conn: PgConn): Promise<{ major: number; version: string } | null> {
  const r = await psql(conn, "SELECT current_setting('server_version_num') || ' ' || current_setting('server_version')");
  const m = /^(\d+)\s+(.*)$/.exec(r.stdout.trim());
  return r.ok && m ? { major: Math.floor(Number(m[1]) / 10000), version: m[2] } : null;
}

/**
 * Creates a scratch database on the server of `admin` (which stays connected to its own database) and registers its
 * drop for every way out. The database is created from template0, empty, as pg_restore's documentation asks.
 */
export async function createScratch(admin: PgConn, install: PgInstall, serverMajorVersion: number): Promise<ScratchDatabase> {
  const name = scratchName();
  const created = await psql(admin, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8'`);
  if (!created.ok) throw new DsnError(`could not create a scratch database on ${admin.label}: ${created.stderr.trim() || created.spawnError}`);
  const force = serverMajorVersion >= 13 ? ' WITH (FORCE)' : '';
  const drop = registerTeardown(() => {
    spawnSync(program(admin, 'psql'), ['-X', '-q', '-c', `DROP DATABASE IF EXISTS ${quoteIdent(name)}${force}`], {
      env: clientEnv(admin),
      stdio: 'ignore',
      timeout: 60_000,
    });
  });
  return { conn: { ...admin, install, database: name }, drop };
}
