// What a pg_dump statement means for a restore: roles and extensions it needs, objects it creates, database-level
// statements a scratch restore must not run. Matches the fixed forms pg_dump writes, one complete statement at a time.

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)`;
const QUALIFIED = String.raw`${IDENT}(?:\.${IDENT})?`;
const IDENT_LIST = String.raw`${IDENT}(?:\s*,\s*(?:GROUP\s+)?${IDENT})*`;

/** Roles every server has, or words that are not roles. */
const BUILTIN_ROLES = new Set(['public', 'current_user', 'session_user', 'current_role', 'postgres']);

/** Unquotes an identifier: "Shop" -> Shop, Shop -> shop (PostgreSQL folds unquoted names to lower case). */
export function unquoteIdent(raw: string): string {
  const t = raw.trim();
  return t.startsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t.toLowerCase();
}

function identsOf(list: string): string[] {
  const re = new RegExp(IDENT, 'g');
  return (list.match(re) ?? []).filter((w) => w.toUpperCase() !== 'GROUP' || w.startsWith('"')).map(unquoteIdent);
}

/** A role reference that needs the role to exist (predefined pg_* roles and PUBLIC excluded). */
function isUserRole(name: string): boolean {
  return !BUILTIN_ROLES.has(name) && !name.startsWith('pg_');
}

const OWNER_TO = new RegExp(String.raw`^ALTER\s[\s\S]*\sOWNER\s+TO\s+(${IDENT})\s*;$`, 'i');
const GRANT_TO = new RegExp(String.raw`^GRANT\s[\s\S]*\sTO\s+(${IDENT_LIST})(?:\s+WITH\s+(?:GRANT|ADMIN)\s+OPTION)?(?:\s+GRANTED\s+BY\s+${IDENT})?\s*;$`, 'i');
const REVOKE_FROM = new RegExp(String.raw`^REVOKE\s[\s\S]*\sFROM\s+(${IDENT_LIST})(?:\s+(?:CASCADE|RESTRICT))?\s*;$`, 'i');
const DEFAULT_PRIVS = new RegExp(String.raw`^ALTER\s+DEFAULT\s+PRIVILEGES\s+FOR\s+(?:ROLE|USER)\s+(${IDENT_LIST})\s`, 'i');
const SESSION_AUTH = new RegExp(String.raw`^SET\s+(?:SESSION\s+AUTHORIZATION|ROLE)\s+('(?:[^']|'')*'|${IDENT})\s*;$`, 'i');
const POLICY_TO = new RegExp(String.raw`^CREATE\s+POLICY\s[\s\S]*\sTO\s+(${IDENT_LIST})(?:\s+USING|\s+WITH\s+CHECK|\s*;)`, 'i');
const EXTENSION = new RegExp(String.raw`^CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`, 'i');
const TABLE = new RegExp(String.raw`^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(${QUALIFIED})`, 'i');
const INDEX = /^CREATE\s+(?:UNIQUE\s+)?INDEX\s/i;
const CONSTRAINT = new RegExp(String.raw`^ALTER\s+(?:FOREIGN\s+)?TABLE\s+(?:ONLY\s+)?${QUALIFIED}\s+ADD\s+CONSTRAINT\s`, 'i');
const SEQUENCE = /^CREATE\s+SEQUENCE\s|\sADD\s+GENERATED\s+(?:ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b/i;
const COPY = new RegExp(String.raw`^COPY\s+(${QUALIFIED})`, 'i');
/** Statements about the database itself: a scratch restore targets its own database, so they are not run. */
const DATABASE_LEVEL = new RegExp(
  String.raw`^(?:CREATE\s+DATABASE|ALTER\s+DATABASE|DROP\s+DATABASE|COMMENT\s+ON\s+DATABASE|SECURITY\s+LABEL\s+(?:FOR\s+${IDENT}\s+)?ON\s+DATABASE|(?:GRANT|REVOKE)\s[\s\S]*\sON\s+DATABASE)\s`,
  'i',
);

export interface StatementMeaning {
  roles: string[];
  extension: string | null;
  /** schema.name of a CREATE TABLE. */
  table: string | null;
  /** schema.name of a COPY. */
  copyTable: string | null;
  index: boolean;
  constraint: boolean;
  sequence: boolean;
  /** CREATE/ALTER DATABASE, \connect...: not run in a scratch restore. */
  databaseLevel: boolean;
  /** Names a role (OWNER TO, GRANT, REVOKE...) and is skipped when the role cannot be created on the target. */
  privilege: boolean;
}

/** pg_dump writes qualified names; "public"."items" and public.items both become public.items. */
function qualified(raw: string): string {
  const re = new RegExp(IDENT, 'g');
  return (raw.match(re) ?? []).map(unquoteIdent).join('.');
}

/** Classifies one statement or meta-command. */
export function meaningOf(text: string, meta: boolean): StatementMeaning {
  const m: StatementMeaning = { roles: [], extension: null, table: null, copyTable: null, index: false, constraint: false, sequence: false, databaseLevel: false, privilege: false };
  if (meta) {
    m.databaseLevel = /^\\(c|connect)\b/.test(text);
    return m;
  }
  const head = text.slice(0, 16).toUpperCase();
  if (head.startsWith('COPY')) {
    const c = COPY.exec(text);
    if (c) m.copyTable = qualified(c[1]);
    return m;
  }
  if (DATABASE_LEVEL.test(text)) {
    m.databaseLevel = true;
    return m;
  }
  let r: RegExpExecArray | null;
  if (head.startsWith('ALTER')) {
    if ((r = OWNER_TO.exec(text))) {
      m.roles = identsOf(r[1]);
      m.privilege = true;
    } else if ((r = DEFAULT_PRIVS.exec(text))) {
      m.roles = identsOf(r[1]);
      const to = /\sTO\s+([\s\S]*?);$/i.exec(text) ?? /\sFROM\s+([\s\S]*?);$/i.exec(text);
      if (to) m.roles.push(...identsOf(to[1]));
      m.privilege = true;
    } else if (CONSTRAINT.test(text)) m.constraint = true;
    if (SEQUENCE.test(text)) m.sequence = true;
  } else if (head.startsWith('GRANT') && (r = GRANT_TO.exec(text))) {
    m.roles = identsOf(r[1]);
    m.privilege = true;
  } else if (head.startsWith('REVOKE') && (r = REVOKE_FROM.exec(text))) {
    m.roles = identsOf(r[1]);
    m.privilege = true;
  } else if (head.startsWith('SET') && (r = SESSION_AUTH.exec(text))) {
    const raw = r[1];
    m.roles = [raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : unquoteIdent(raw)];
    m.privilege = true;
  } else if (head.startsWith('CREATE')) {
    if ((r = EXTENSION.exec(text))) m.extension = unquoteIdent(r[1]);
    else if ((r = TABLE.exec(text))) m.table = qualified(r[1]);
    else if (INDEX.test(text)) m.index = true;
    else if (SEQUENCE.test(text)) m.sequence = true;
    else if ((r = POLICY_TO.exec(text))) m.roles = identsOf(r[1]);
  }
  m.roles = m.roles.filter(isUserRole);
  return m;
}
