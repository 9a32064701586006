// What a restored database holds: user tables with exact row counts, indexes, constraints, sequences, extensions, roles.
import type { ObjectCounts, RestoredTable } from '../../facts/backup.js';
import { quoteIdent } from './pg-client.js';

/** Runs one query and returns the first column of the first row as text (null when no row). */
export type SqlText = (sql: string) => Promise<string | null>;

/** Objects created by extensions (PostGIS's spatial_ref_sys...) are not the dump's own data. */
const NOT_EXTENSION_MEMBER = (oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
const USER_SCHEMA = (nsp: string) => `${nsp} NOT IN ('pg_catalog', 'information_schema') AND ${nsp} NOT LIKE 'pg\\_toast%' AND ${nsp} NOT LIKE 'pg\\_temp%'`;

const TABLES_SQL = `SELECT coalesce(json_agg(json_build_array(n.nspname, c.relname, c.relkind::text) ORDER BY n.nspname, c.relname), '[]')::text
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMA('n.nspname')} AND ${NOT_EXTENSION_MEMBER('c.oid')}`;

const OBJECTS_SQL = `SELECT json_build_object(
  'indexes', (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${USER_SCHEMA('n.nspname')} AND ${NOT_EXTENSION_MEMBER('i.indrelid')}
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))),
  'constraints', (SELECT count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
    WHERE ${USER_SCHEMA('n.nspname')} AND k.conrelid <> 0 AND k.contype IN ('p', 'u', 'f', 'x', 'c') AND ${NOT_EXTENSION_MEMBER('k.conrelid')}),
  'sequences', (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'S' AND ${USER_SCHEMA('n.nspname')} AND ${NOT_EXTENSION_MEMBER('c.oid')})
)::text`;

export interface Inventory {
  tables: RestoredTable[];
  counts: ObjectCounts;
}

/** Tables counted per query: one statement instead of one round trip per table. */
const COUNT_BATCH = 200;

/** Reads the inventory. Row counts are exact (count(*)): the point is to prove the rows are there. */
export async function readInventory(sql: SqlText): Promise<Inventory> {
  const list = JSON.parse((await sql(TABLES_SQL)) ?? '[]') as [string, string, string][];
  const tables: RestoredTable[] = [];
  for (let i = 0; i < list.length; i += COUNT_BATCH) {
    const batch = list.slice(i, i + COUNT_BATCH);
    const q = `SELECT json_build_array(${batch.map(([s, t]) => `(SELECT count(*) FROM ${quoteIdent(s)}.${quoteIdent(t)})`).join(', ')})::text`;
    const counts = JSON.parse((await sql(q)) ?? '[]') as number[];
    batch.forEach(([s, t], k) => tables.push({ name: `${s}.${t}`, rows: Number(counts[k] ?? 0) }));
  }
  const o = JSON.parse((await sql(OBJECTS_SQL)) ?? '{}') as Record<string, number>;
  return {
    tables,
    counts: { tables: list.length, indexes: Number(o.indexes ?? 0), constraints: Number(o.constraints ?? 0), sequences: Number(o.sequences ?? 0) },
  };
}

/** Extensions the server can install (pg_available_extensions). */
export async function availableExtensions(sql: SqlText): Promise<Set<string>> {
  const out = await sql(`SELECT coalesce(json_agg(name), '[]')::text FROM pg_available_extensions`);
  return new Set(JSON.parse(out ?? '[]') as string[]);
}

/** Roles that exist on the server. */
export async function existingRoles(sql: SqlText): Promise<Set<string>> {
  const out = await sql(`SELECT coalesce(json_agg(rolname), '[]')::text FROM pg_roles`);
  return new Set(JSON.parse(out ?? '[]') as string[]);
}
