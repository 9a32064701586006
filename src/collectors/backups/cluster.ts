// An ephemeral PostgreSQL cluster: initdb in a temp directory, started on a free loopback port, always torn down.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgInstall } from './binaries.js';
import { registerTeardown } from './cleanup.js';
import type { PgConn } from './pg-client.js';
import { cleanEnv, run } from './run.js';

/** Who runs the server programs when opsaudit runs as root (PostgreSQL refuses root). */
export const PG_USER_ENV = 'OPSAUDIT_PG_USER';
/** Prefix of every temp directory a cluster lives in (tests look for leftovers by it). */
export const CLUSTER_DIR_PREFIX = 'opsaudit-pg-';

export interface ClusterOptions {
  /** Parent of the cluster's temp directory (default: the OS temp dir); must be traversable by the server's user. */
  tempRoot?: string;
}

export interface Cluster {
  install: PgInstall;
  port: number;
  /** The temp directory holding data, socket and log. */
  dir: string;
  /** Superuser connection to the `postgres` database. */
  conn: PgConn;
  /** The unprivileged user the server runs as, when opsaudit runs as root. */
  runAs: { name: string; uid: number; gid: number } | null;
  /** Stops the server (immediate mode: nothing in it is kept) and removes the directory. Idempotent. */
  stop(): void;
}

/**
 * Server settings for a cluster that only exists to be restored into and thrown away: durability is not needed,
 * so the restore is not slowed by fsync and WAL. The benchmark's baseline cluster uses the same settings.
 */
export const THROWAWAY_SETTINGS: Record<string, string> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  wal_level: 'minimal',
  max_wal_senders: '0',
  autovacuum: 'off',
  checkpoint_timeout: "'1h'",
  max_wal_size: "'8GB'",
  maintenance_work_mem: "'256MB'",
  log_min_messages: 'warning',
  logging_collector: 'off',
};

function lookupUser(name: string): { name: string; uid: number; gid: number } | null {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The unprivileged account for the server when we are root: OPSAUDIT_PG_USER, else `postgres`, else `nobody`. */
export function serverUser(): { name: string; uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const wanted = process.env[PG_USER_ENV];
  const candidates = wanted ? [wanted] : ['postgres', 'nobody'];
  for (const c of candidates) {
    const u = lookupUser(c);
    if (u && u.uid !== 0) return u;
  }
  throw new Error(`running as root, and no unprivileged user to run PostgreSQL as (tried ${candidates.join(', ')}); set ${PG_USER_ENV}`);
}

/** A port the kernel just handed out on 127.0.0.1 (a race with another process is retried by the caller). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export class ClusterError extends Error {
  override name = 'ClusterError';
}

/** Creates and starts a throwaway cluster. On any failure everything created so far is removed before throwing. */
export async function startCluster(install: PgInstall, options: ClusterOptions = {}): Promise<Cluster> {
  if (!install.server) throw new ClusterError(`${install.dir} has no initdb/pg_ctl/postgres`);
  const runAs = serverUser();
  const dir = mkdtempSync(join(options.tempRoot ?? tmpdir(), CLUSTER_DIR_PREFIX));
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  const log = join(dir, 'server.log');
  const pgCtl = join(install.dir, 'pg_ctl');
  const ids = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
  const serverEnv = cleanEnv({ HOME: dir });
  let started = false;
  const stop = registerTeardown(() => {
    if (started || existsSync(join(data, 'postmaster.pid'))) {
      spawnSync(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'], { ...ids, env: serverEnv, cwd: dir, stdio: 'ignore', timeout: 60_000 });
      killLeftover(data);
    }
    // Retries: a server process that is still exiting may create or remove a file while the tree is deleted.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });
  try {
    mkdirSync(sock);
    const password = randomBytes(18).toString('base64url');
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (runAs) for (const p of [dir, sock, pwfile]) chownSync(p, runAs.uid, runAs.gid);
    // The superuser is named postgres: dumps say "OWNER TO postgres" and expect that role to exist, as it does on
    // every server. Password authentication even on loopback: other local users must not read restored data.
    const init = await run(
      join(install.dir, 'initdb'),
      ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { ...ids, env: serverEnv, cwd: dir, timeoutMs: 120_000 },
    );
    rmSync(pwfile, { force: true });
    if (init.code !== 0) throw new ClusterError(`initdb failed (${init.spawnError ?? `exit ${init.code}`}): ${lastLines(init.stderr || init.stdout)}`);
    let lastError = '';
    for (let attempt = 0; attempt < 4; attempt++) {
      const port = await freePort();
      const settings = { ...THROWAWAY_SETTINGS, listen_addresses: "'127.0.0.1'", port: String(port), unix_socket_directories: `'${sock}'` };
      appendFileSync(join(data, 'postgresql.auto.conf'), Object.entries(settings).map(([k, v]) => `${k} = ${v}\n`).join(''));
      started = true;
      const r = await run(pgCtl, ['-D', data, '-l', log, '-w', '-t', '120', 'start'], { ...ids, env: serverEnv, cwd: dir, timeoutMs: 180_000 });
      if (r.code === 0) {
        const conn: PgConn = {
          env: { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres', PGPASSWORD: password, PGSSLMODE: 'disable' },
          database: 'postgres',
          install,
          label: `throwaway PostgreSQL ${install.major} cluster on 127.0.0.1:${port}`,
        };
        return { install, port, dir, conn, runAs, stop };
      }
      started = false;
      lastError = existsSync(log) ? readFileSync(log, 'utf8') : r.stderr;
      if (!/could not bind|address already in use/i.test(lastError)) break;
    }
    throw new ClusterError(`pg_ctl start failed: ${lastLines(lastError)}`);
  } catch (err) {
    stop();
    throw err;
  }
}

/** If pg_ctl could not stop the postmaster, kill it by the pid in its pid file and wait until it is gone. */
function killLeftover(data: string): void {
  let pid = 0;
  try {
    pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return; // No pid file: the server stopped.
  }
  if (!(pid > 0)) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(pid, 'SIGKILL');
  // Synchronous wait (teardown also runs in exit and signal handlers, where nothing asynchronous runs).
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 50 && alive(); i++) Atomics.wait(pause, 0, 0, 100);
}

function lastLines(text: string, n = 5): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}
