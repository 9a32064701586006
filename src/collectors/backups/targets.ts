// Restore targets, one per backup: a fresh database in a throwaway cluster, a scratch database on the user's server,
// or a fresh embedded PGlite. Each offers the same operations and is disposed of after its backup, whatever happened.
import type { BackupEngineName } from '../../facts/backup.js';
import type { PgInstall } from './binaries.js';
import { startCluster, type Cluster, type ClusterOptions } from './cluster.js';
import { createScratch, parseDsn, serverMajor, type ParsedDsn } from './dsn.js';
import { availableExtensions, existingRoles, type SqlText } from './inventory.js';
import { psql, quoteIdent, type PgConn } from './pg-client.js';
import { EMBEDDED_EXTENSIONS, restorePlainEmbedded, startEmbedded, type EmbeddedEngine } from './restore-embedded.js';
import { restoreArchive, restorePlain, type RestoreOutcome } from './restore-pg.js';
import type { LineSpans } from './scan.js';

export interface Target {
  engine: BackupEngineName;
  version: string;
  major: number;
  /** Where, for reports (no password). */
  where: string;
  /** Roles can be created (a throwaway cluster or PGlite); on the user's server they are not. */
  canCreateRoles: boolean;
  sql: SqlText;
  extensions(): Promise<Set<string>>;
  roles(): Promise<Set<string>>;
  createRoles(names: readonly string[]): Promise<void>;
  restorePlain(path: string, gzip: boolean, neutralize: readonly LineSpans[], onBytes?: (n: number) => void): Promise<RestoreOutcome>;
  /** Archives need pg_restore: absent for the embedded engine. */
  restoreArchive?(path: string, noOwner: boolean, onEntry?: (n: number) => void): Promise<RestoreOutcome>;
  dispose(): Promise<void>;
}

class TargetError extends Error {
  override name = 'TargetError';
}

function pgSql(conn: PgConn): SqlText {
  return async (q) => {
    const r = await psql(conn, q);
    if (!r.ok) throw new TargetError(r.stderr.trim() || r.spawnError || `psql exited with ${r.code}`);
    const out = r.stdout.replace(/\n$/, '');
    return out === '' ? null : out;
  };
}

/** A database on a PostgreSQL server reached with psql/pg_restore; `cleanup` drops it and the roles made for it. */
function pgTarget(engine: 'postgres' | 'dsn', conn: PgConn, admin: PgConn, version: string, major: number, canCreateRoles: boolean, cleanup: () => void): Target {
  const created: string[] = [];
  const adminSql = pgSql(admin);
  return {
    engine,
    version,
    major,
    where: conn.label,
    canCreateRoles,
    sql: pgSql(conn),
    extensions: () => availableExtensions(pgSql(conn)),
    roles: () => existingRoles(pgSql(conn)),
    async createRoles(names) {
      for (const n of names) {
        await adminSql(`CREATE ROLE ${quoteIdent(n)} NOLOGIN`);
        created.push(n);
      }
    },
    restorePlain: (path, gzip, neutralize, onBytes) => restorePlain(conn, path, gzip, neutralize, onBytes),
    restoreArchive: (path, noOwner, onEntry) => restoreArchive(conn, path, { noOwner }, onEntry),
    async dispose() {
      cleanup();
      for (const n of created.splice(0)) await adminSql(`DROP ROLE IF EXISTS ${quoteIdent(n)}`).catch(() => null);
    },
  };
}

/** Keeps one throwaway cluster per PostgreSQL installation for the whole run (each backup gets its own database). */
export class ClusterPool {
  private readonly clusters = new Map<string, Promise<Cluster>>();

  constructor(private readonly options: ClusterOptions) {}

  cluster(install: PgInstall): Promise<Cluster> {
    let c = this.clusters.get(install.dir);
    if (!c) {
      c = startCluster(install, this.options);
      this.clusters.set(install.dir, c);
    }
    return c;
  }

  /** Stops every cluster and removes its directory. */
  async close(): Promise<void> {
    for (const c of this.clusters.values()) {
      try {
        (await c).stop();
      } catch {
        // A cluster that failed to start removed itself.
      }
    }
    this.clusters.clear();
  }
}

/** A fresh database in a throwaway cluster of `install`. */
export async function clusterTarget(pool: ClusterPool, install: PgInstall): Promise<Target> {
  const cluster = await pool.cluster(install);
  const scratch = await createScratch(cluster.conn, install, install.major);
  return pgTarget('postgres', scratch.conn, cluster.conn, install.version, install.major, true, scratch.drop);
}

/** A scratch database on the user's server. */
export async function dsnTarget(dsn: ParsedDsn | string, install: PgInstall): Promise<Target> {
  const parsed = typeof dsn === 'string' ? parseDsn(dsn) : dsn;
  const admin: PgConn = { env: parsed.env, database: parsed.database, install, label: parsed.label };
  const server = await serverMajor(admin);
  if (!server) {
    const probe = await psql(admin, 'SELECT 1');
    throw new TargetError(`cannot connect to the scratch server ${parsed.label}: ${probe.stderr.trim() || probe.spawnError}`);
  }
  const scratch = await createScratch(admin, install, server.major);
  const conn = { ...scratch.conn, label: `scratch database ${scratch.conn.database} on ${parsed.label}` };
  return pgTarget('dsn', conn, admin, server.version, server.major, false, scratch.drop);
}

/** A fresh in-process PGlite with the bundled extensions the dump asks for. */
export async function embeddedTarget(extensions: readonly string[]): Promise<Target> {
  const engine: EmbeddedEngine = await startEmbedded(extensions);
  const sql: SqlText = async (q) => {
    const r = await engine.db.query<Record<string, unknown>>(q);
    const row = r.rows[0];
    if (!row) return null;
    const v = Object.values(row)[0];
    return v === null || v === undefined ? null : String(v);
  };
  return {
    engine: 'embedded',
    version: engine.version,
    major: engine.major,
    where: `embedded PGlite (PostgreSQL ${engine.version}, in process)`,
    canCreateRoles: true,
    sql,
    // What PGlite bundles (loaded at start-up when the dump asks for it), not what its catalogue lists.
    extensions: async () => new Set(EMBEDDED_EXTENSIONS),
    roles: () => existingRoles(sql),
    async createRoles(names) {
      for (const n of names) await engine.db.exec(`CREATE ROLE ${quoteIdent(n)} NOLOGIN`);
    },
    // Roles are created here, so nothing needs neutralising; database-level statements are skipped by the restorer.
    restorePlain: (path, gzip, _neutralize, onBytes) => restorePlainEmbedded(engine, path, gzip, new Set(), onBytes),
    async dispose() {
      await engine.db.close();
    },
  };
}
