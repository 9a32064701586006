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
  /** Tables whose count came from the dump's COPY rows agreeing with the server's counters (not count(*)). */
  fromCounters: Set<string>;
}

/** Tables counted per query: one statement instead of one round trip per table. */
const COUNT_BATCH = 200;

const INSERTED_SQL = `SELECT coalesce(json_agg(json_build_array(schemaname, relname, n_tup_ins, n_live_tup, n_tup_del)), '[]')::text FROM pg_stat_user_tables`;

/**
 * Reads the inventory. Row counts are exact: the point is to prove the rows are there. A table whose rows the dump
 * itself counts (`dumped`: the rows of its COPY data) and for which the server's own counters after the restore say
 * exactly that many rows were inserted and are live is settled by those two independent counts; every other table
 * (or a counter not yet published by the restore's session) is counted with count(*), which on a large table costs
 * a full scan.
 */
export async function readInventory(sql: SqlText, dumped?: ReadonlyMap<string, number>): Promise<Inventory> {
  const list = JSON.parse((await sql(TABLES_SQL)) ?? '[]') as [string, string, string][];
  const settled = dumped && dumped.size > 0 ? await agreeingCounts(sql, dumped) : new Map<string, number>();
  const rows = new Map<string, number>(settled);
  const rest = list.filter(([s, t]) => !settled.has(`${s}.${t}`));
  for (let i = 0; i < rest.length; i += COUNT_BATCH) {
    const batch = rest.slice(i, i + COUNT_BATCH);
    const q = `SELECT json_build_array(${batch.map(([s, t]) => `(SELECT count(*) FROM ${quoteIdent(s)}.${quoteIdent(t)})`).join(', ')})::text`;
    const counts = JSON.parse((await sql(q)) ?? '[]') as number[];
    batch.forEach(([s, t], k) => rows.set(`${s}.${t}`, Number(counts[k] ?? 0)));
  }
  const tables: RestoredTable[] = list.map(([s, t]) => ({ name: `${s}.${t}`, rows: rows.get(`${s}.${t}`) ?? 0 }));
  const o = JSON.parse((await sql(OBJECTS_SQL)) ?? '{}') as Record<string, number>;
  return {
    tables,
    fromCounters: new Set(settled.keys()),
    counts: { tables: list.length, indexes: Number(o.indexes ?? 0), constraints: Number(o.constraints ?? 0), sequences: Number(o.sequences ?? 0) },
  };
}

/** Tables where the dump's row count, the rows inserted and the live rows all agree (one retry while they settle). */
async function agreeingCounts(sql: SqlText, dumped: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  const read = async () => {
    const out = new Map<string, number>();
    for (const [s, t, ins, live, del] of JSON.parse((await sql(INSERTED_SQL)) ?? '[]') as [string, string, number, number, number][]) {
      const want = dumped.get(`${s}.${t}`);
      if (want !== undefined && Number(ins) === want && Number(live) === want && Number(del) === 0) out.set(`${s}.${t}`, want);
    }
    return out;
  };
  const first = await read();
  if (first.size >= dumped.size) return first;
  // The restore's session publishes its counters as it exits, which can trail psql's own exit by a moment.
  await new Promise((r) => setTimeout(r, 200));
  return read();
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
