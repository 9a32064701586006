// The backup lab: a real PostgreSQL seeded with a small shop, dumped by pg_dump in every format, plus broken dumps
// derived from those real ones. Dumps are built once per seed and PostgreSQL version and shared by the test files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { findPostgres, pickInstall, type PgInstall } from '../../../src/collectors/backups/binaries.js';
import { startCluster, type Cluster } from '../../../src/collectors/backups/cluster.js';
import { clientEnv } from '../../../src/collectors/backups/pg-client.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = join(HERE, 'seed.sql');
/** Bump when the set of dumps below changes. */
const LAB_VERSION = '1';

/** The PostgreSQL the lab uses: found the way the product finds it. Null when none is installed. */
export function labInstall(): PgInstall | null {
  return pickInstall(findPostgres(), null, true);
}

/** A world-traversable temp directory (the throwaway server runs as an unprivileged user when tests run as root). */
export function labTemp(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

function sh(program: string, args: string[], env: NodeJS.ProcessEnv, input?: string): string {
  const r = spawnSync(program, args, { env, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Starts a cluster and seeds database `shop` (owned by role `app`, with role `readonly` granted SELECT). */
export async function startSeededSource(install: PgInstall, tempRoot: string): Promise<Cluster> {
  const cluster = await startCluster(install, { tempRoot });
  try {
    const psql = join(install.dir, 'psql');
    const env = clientEnv(cluster.conn, 'postgres');
    sh(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', 'CREATE ROLE app LOGIN', '-c', 'CREATE ROLE readonly NOLOGIN', '-c', 'CREATE DATABASE shop OWNER app'], env);
    sh(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', 'shop', '-f', SEED], env);
    return cluster;
  } catch (err) {
    cluster.stop();
    throw err;
  }
}

export interface LabDumps {
  dir: string;
  major: number;
  /** Real pg_dump output. */
  plain: string;
  plainGz: string;
  custom: string;
  directory: string;
  tar: string;
  /** pg_dump -C (CREATE DATABASE and \connect in the script). */
  plainCreate: string;
  /** A later real dump after most rows were deleted (the size-drop case), with `plain` as its predecessor. */
  shrunkDir: string;
  /** Derived broken dumps. */
  truncatedPlain: string;
  truncatedCustom: string;
  corruptGzip: string;
  truncatedGzip: string;
  wrongFormat: string;
  customNamedSql: string;
  newerCustom: string;
  newerPlain: string;
  missingExtension: string;
  empty: string;
  /** Rows per table in the seed. */
  rows: Record<string, number>;
}

const SEED_ROWS: Record<string, number> = {
  'public.auth_user': 500,
  'public.shop_note': 5,
  'public.shop_order': 2000,
  'public.shop_orderline': 6000,
  'public.shop_product': 200,
};

function files(dir: string, major: number): LabDumps {
  const p = (n: string) => join(dir, n);
  return {
    dir,
    major,
    plain: p('shop.sql'),
    plainGz: p('shop.sql.gz'),
    custom: p('shop.dump'),
    directory: p('shop.dir'),
    tar: p('shop.tar'),
    plainCreate: p('shop-create.sql'),
    shrunkDir: p('series'),
    truncatedPlain: p('broken/truncated.sql'),
    truncatedCustom: p('broken/truncated.dump'),
    corruptGzip: p('broken/corrupt.sql.gz'),
    truncatedGzip: p('broken/truncated.sql.gz'),
    wrongFormat: p('broken/download-error.dump'),
    customNamedSql: p('broken/custom-named.sql'),
    newerCustom: p('broken/newer.dump'),
    newerPlain: p('broken/newer.sql'),
    missingExtension: p('broken/missing-extension.sql'),
    empty: p('broken/empty.sql'),
    rows: SEED_ROWS,
  };
}

/** Patches the pg_dump version in a custom-format header ("15.18 ..." -> "99.18 ...") and the archive version. */
function claimNewerCustom(buf: Buffer, major: number): Buffer {
  const out = Buffer.from(buf);
  out[6] = 99; // archive format minor version: unknown to every pg_restore
  const needle = Buffer.from(`${major}.`);
  // The last of the two version strings in the header is pg_dump's own.
  const headEnd = Math.min(out.length, 512);
  const at = out.subarray(0, headEnd).lastIndexOf(needle);
  if (at < 0) throw new Error('pg_dump version not found in the custom header');
  out.write('99', at, 'latin1');
  return out;
}

async function build(dir: string, install: PgInstall): Promise<void> {
  const work = labTemp('opsaudit-lab-src-');
  const cluster = await startSeededSource(install, work);
  try {
    const pgDump = join(install.dir, 'pg_dump');
    const env = clientEnv(cluster.conn, 'shop');
    const d = files(dir, install.major);
    mkdirSync(join(dir, 'broken'), { recursive: true });
    mkdirSync(d.shrunkDir, { recursive: true });
    sh(pgDump, ['-Fp', '-f', d.plain], env);
    sh(pgDump, ['-Fp', '-Z', '6', '-f', d.plainGz], env);
    sh(pgDump, ['-Fc', '-f', d.custom], env);
    sh(pgDump, ['-Fd', '-f', d.directory], env);
    sh(pgDump, ['-Ft', '-f', d.tar], env);
    sh(pgDump, ['-Fp', '-C', '-f', d.plainCreate], env);
    // A backup series: yesterday's full dump, then today's after most rows were deleted.
    cpSync(d.plain, join(d.shrunkDir, 'shop-2024-03-01.sql'));
    const psql = join(install.dir, 'psql');
    sh(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', 'DELETE FROM shop_orderline WHERE id > 100; DELETE FROM shop_order WHERE id > 100 AND id NOT IN (SELECT order_id FROM shop_orderline)'], env);
    sh(pgDump, ['-Fp', '-f', join(d.shrunkDir, 'shop-2024-03-02.sql')], env);
    const day = 24 * 3600;
    const now = Date.now() / 1000;
    utimesSync(join(d.shrunkDir, 'shop-2024-03-01.sql'), now - day, now - day);
    utimesSync(join(d.shrunkDir, 'shop-2024-03-02.sql'), now - 60, now - 60);

    const plain = readFileSync(d.plain);
    const custom = readFileSync(d.custom);
    const gz = readFileSync(d.plainGz);
    writeFileSync(d.truncatedPlain, plain.subarray(0, Math.floor(plain.length * 0.6)));
    writeFileSync(d.truncatedCustom, custom.subarray(0, Math.floor(custom.length * 0.6)));
    const corrupt = Buffer.from(gz);
    for (let i = Math.floor(gz.length / 2); i < Math.floor(gz.length / 2) + 64; i++) corrupt[i] ^= 0x5a;
    writeFileSync(d.corruptGzip, corrupt);
    writeFileSync(d.truncatedGzip, gz.subarray(0, Math.floor(gz.length * 0.7)));
    // A failed download saved under the backup's name: an object store's error document.
    writeFileSync(
      d.wrongFormat,
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>\n',
    );
    writeFileSync(d.customNamedSql, custom);
    writeFileSync(d.newerCustom, claimNewerCustom(custom, install.major));
    const text = plain.toString('utf8');
    writeFileSync(d.newerPlain, text.replace(/^-- Dumped from database version \d+/m, '-- Dumped from database version 99').replace(/^-- Dumped by pg_dump version \d+/m, '-- Dumped by pg_dump version 99'));
    writeFileSync(
      d.missingExtension,
      text.replace(/^CREATE EXTENSION IF NOT EXISTS pg_trgm /m, 'CREATE EXTENSION IF NOT EXISTS postgis ').replace(/^COMMENT ON EXTENSION pg_trgm /m, 'COMMENT ON EXTENSION postgis '),
    );
    writeFileSync(d.empty, '');
    // Sanity: the gzip dump really is gzip of a plain dump.
    if (!gunzipSync(gz).toString('utf8').includes('PostgreSQL database dump complete')) throw new Error('unexpected pg_dump -Z output');
  } finally {
    cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The lab's dumps, built on first use and cached in the temp directory (keyed by the seed, this file and the
 * PostgreSQL version); concurrent test processes wait for one builder. Null when PostgreSQL is not installed.
 */
export async function labDumps(): Promise<LabDumps | null> {
  const install = labInstall();
  if (!install) return null;
  const key = createHash('sha256')
    .update(readFileSync(SEED))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(`${LAB_VERSION} ${install.version}`)
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `opsaudit-lab-dumps-${key}`);
  const ready = join(dir, '.ready');
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(ready); waited += 200) {
    try {
      mkdirSync(lock);
    } catch {
      // Another process builds: wait for it (or take over a lock left by a killed builder).
      if (waited > 180_000 || Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      const building = `${dir}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building, { recursive: true });
      chmodSync(building, 0o755);
      await build(building, install);
      writeFileSync(join(building, '.ready'), new Date().toISOString());
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return files(dir, install.major);
}

/** What a verification left behind under `tempRoot`: cluster directories, and server processes naming it. */
export function leftovers(tempRoot: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(tempRoot)) if (name.startsWith('opsaudit-pg-')) found.push(join(tempRoot, name));
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  for (const line of (ps.stdout ?? '').split('\n')) if (line.includes(tempRoot) && /postgres|pg_ctl|initdb/.test(line)) found.push(line.trim());
  return found;
}

/** Databases and roles on a server, to check that a scratch restore left none behind. */
export function serverState(cluster: Cluster): { databases: string[]; roles: string[] } {
  const psql = join(cluster.install.dir, 'psql');
  const env = clientEnv(cluster.conn, 'postgres');
  const q = (sql: string) => sh(psql, ['-X', '-A', '-t', '-c', sql], env).split('\n').filter(Boolean).sort();
  return { databases: q('SELECT datname FROM pg_database'), roles: q("SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_'") };
}
