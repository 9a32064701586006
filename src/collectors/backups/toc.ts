// Reads `pg_restore --list` output: the archive's table of contents, one entry per object.
import type { ObjectCounts } from '../../facts/backup.js';

export interface TocEntry {
  id: number;
  /** "TABLE", "TABLE DATA", "FK CONSTRAINT"... */
  desc: string;
  schema: string;
  tag: string;
  owner: string;
  /** The line as pg_restore printed it (what a proof quotes). */
  line: string;
}

export interface Toc {
  entries: TocEntry[];
  expected: ObjectCounts;
  /** Extensions the archive creates. */
  extensions: TocEntry[];
  owners: Map<string, TocEntry>;
}

/** Descriptors of several words, longest first, so "TABLE DATA" is not read as "TABLE" + tag "DATA ...". */
const MULTI_WORD = [
  'MATERIALIZED VIEW DATA',
  'PUBLICATION TABLES IN SCHEMA',
  'TEXT SEARCH CONFIGURATION',
  'TEXT SEARCH DICTIONARY',
  'FOREIGN DATA WRAPPER',
  'TEXT SEARCH TEMPLATE',
  'TEXT SEARCH PARSER',
  'DATABASE PROPERTIES',
  'SEQUENCE OWNED BY',
  'PUBLICATION TABLE',
  'MATERIALIZED VIEW',
  'PROCEDURAL LANGUAGE',
  'CHECK CONSTRAINT',
  'OPERATOR FAMILY',
  'OPERATOR CLASS',
  'FOREIGN SERVER',
  'BLOB METADATA',
  'FK CONSTRAINT',
  'FOREIGN TABLE',
  'EVENT TRIGGER',
  'ACCESS METHOD',
  'LARGE OBJECT',
  'SEQUENCE SET',
  'INDEX ATTACH',
  'TABLE ATTACH',
  'ROW SECURITY',
  'USER MAPPING',
  'DEFAULT ACL',
  'SHELL TYPE',
  'TABLE DATA',
];

/** Parses one "3281; 2606 16474 CONSTRAINT public auth_user auth_user_pkey app" line. */
export function parseTocLine(line: string): TocEntry | null {
  const m = /^(\d+);\s+\d+\s+\d+\s+(.*)$/.exec(line);
  if (!m) return null;
  const rest = m[2];
  const desc = MULTI_WORD.find((d) => rest.startsWith(`${d} `)) ?? rest.split(' ')[0];
  const words = rest.slice(desc.length + 1).split(' ');
  const schema = words.shift() ?? '';
  const owner = words.length > 0 ? (words.pop() ?? '') : '';
  return { id: Number(m[1]), desc, schema, tag: words.join(' '), owner, line };
}

/** Parses the whole listing. */
export function parseToc(stdout: string): Toc {
  const entries = stdout.split('\n').map(parseTocLine).filter((e): e is TocEntry => e !== null);
  const count = (...descs: string[]) => entries.filter((e) => descs.includes(e.desc)).length;
  const owners = new Map<string, TocEntry>();
  for (const e of entries) if (e.owner && !owners.has(e.owner)) owners.set(e.owner, e);
  return {
    entries,
    expected: {
      tables: count('TABLE'),
      indexes: count('INDEX'),
      constraints: count('CONSTRAINT', 'FK CONSTRAINT', 'CHECK CONSTRAINT'),
      sequences: count('SEQUENCE'),
    },
    extensions: entries.filter((e) => e.desc === 'EXTENSION'),
    owners,
  };
}
