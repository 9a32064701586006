// A connection to a PostgreSQL server, carried in environment variables (never on a command line, where `ps` shows it).
import { join } from 'node:path';
import type { PgInstall } from './binaries.js';
import { cleanEnv, commandLine, run, type RunResult } from './run.js';

export interface PgConn {
  /** PGHOST, PGPORT, PGUSER, PGPASSWORD, PGSSLMODE... without PGDATABASE. */
  env: Record<string, string>;
  /** The database restored into. */
  database: string;
  /** Client programs (psql, pg_restore) used to talk to the server. */
  install: PgInstall;
  /** Where the server is, for reports: never holds the password. */
  label: string;
}

/** The child environment for a client program on `conn`. */
export function clientEnv(conn: PgConn, database = conn.database): NodeJS.ProcessEnv {
  return cleanEnv({ ...conn.env, PGDATABASE: database, PGAPPNAME: 'opsaudit verify-backup', PGCONNECT_TIMEOUT: conn.env.PGCONNECT_TIMEOUT ?? '15' });
}

export function program(conn: PgConn, name: 'psql' | 'pg_restore'): string {
  return join(conn.install.dir, name);
}

export interface QueryResult extends RunResult {
  ok: boolean;
  /** The command as proof shows it. */
  command: string;
}

/** Runs SQL with psql (unaligned, tuples only, stop on error) and returns its raw output. */
export async function psql(conn: PgConn, sql: string, database = conn.database): Promise<QueryResult> {
  const args = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql];
  const r = await run(program(conn, 'psql'), args, { env: clientEnv(conn, database), timeoutMs: 10 * 60_000 });
  return { ...r, ok: r.code === 0 && r.spawnError === null, command: commandLine('psql', ['-X', '-A', '-t', '-c', sql]) };
}

/** Quotes an identifier (always: a bare name could be a reserved word such as "user"). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
