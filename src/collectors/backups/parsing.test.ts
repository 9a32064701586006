// The pure parts of backup verification: psql script splitting, pg_dump statement meaning, TOC lines, the in-place
// neutraliser, durations. (Whole dumps from a real pg_dump are tested in test/lab/backup/.)
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { parseDuration, parseMinRows } from '../../cli/commands/verify-backup.js';
import { meaningOf } from './dump-statements.js';
import { LineNeutralizer, pgRestoreFirstError, psqlFirstError } from './restore-pg.js';
import { scanStream } from './scan.js';
import { ScriptReader, type ScriptStatement } from './sql-script.js';
import { parseTocLine } from './toc.js';

function split(script: string): { statements: ScriptStatement[]; rows: string[] } {
  const statements: ScriptStatement[] = [];
  const rows: string[] = [];
  const r = new ScriptReader({ statement: (s) => statements.push(s), copyRow: (b) => rows.push(b.toString()), copyEnd: () => {} });
  // Chunks cut mid-line, as a stream delivers them.
  const buf = Buffer.from(script);
  for (let i = 0; i < buf.length; i += 7) r.push(buf.subarray(i, i + 7));
  r.end();
  return { statements, rows };
}

describe('psql script splitting', () => {
  it('splits on semicolons outside quotes, dollar quotes, comments and parentheses', () => {
    const { statements } = split(
      [
        "SELECT 'a;b', E'it\\'s;', \"we;ird\";",
        'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;',
        '/* a ; /* nested ; */ still comment */ SELECT 2; -- trailing ; comment',
        'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));',
      ].join('\n'),
    );
    assert.deepEqual(
      statements.map((s) => [s.startLine, s.text.slice(0, 20)]),
      [
        [1, "SELECT 'a;b', E'it\\'"],
        [2, 'CREATE FUNCTION f() '],
        [3, 'SELECT 2;'],
        [4, 'CREATE RULE r AS ON '],
      ],
    );
  });

  it('hands COPY data rows over untouched, up to \\.', () => {
    const { statements, rows } = split('COPY public.t (a, b) FROM stdin;\n1\ttab\\there\n2\t\\N\n\\.\nSELECT 1;\n');
    assert.deepEqual(rows, ['1\ttab\\there', '2\t\\N']);
    assert.deepEqual(statements.map((s) => s.startLine), [1, 5]);
  });

  it('reads meta-commands at a statement start, and flags a backslash inside a statement', () => {
    const { statements } = split('\\restrict abc\n\\connect shop\nSELECT 1 \\! id\n');
    assert.deepEqual(statements.filter((s) => s.meta).map((s) => s.text), ['\\restrict abc', '\\connect shop', '\\! id']);
  });
});

describe('pg_dump statement meaning', () => {
  it('finds the roles a statement needs (quoted, lists, predefined roles left out)', () => {
    assert.deepEqual(meaningOf('ALTER TABLE public.t OWNER TO "App Owner";', false).roles, ['App Owner']);
    assert.deepEqual(meaningOf('GRANT SELECT,INSERT ON TABLE public.t TO readonly, "Report";', false).roles, ['readonly', 'Report']);
    assert.deepEqual(meaningOf('REVOKE ALL ON SCHEMA public FROM PUBLIC;', false).roles, []);
    assert.deepEqual(meaningOf('GRANT pg_read_all_data TO postgres;', false).roles, []);
    assert.equal(meaningOf('CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;', false).extension, 'uuid-ossp');
    assert.equal(meaningOf('COPY "Sales"."Orders" (id) FROM stdin;', false).copyTable, 'Sales.Orders');
    assert.ok(meaningOf('ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);', false).constraint);
    assert.ok(meaningOf('CREATE DATABASE shop WITH TEMPLATE = template0;', false).databaseLevel);
    assert.ok(meaningOf('\\connect shop', true).databaseLevel);
  });

  it('refuses what pg_dump never writes: shell meta-commands, COPY from a program', async () => {
    const shell = await scanStream(Readable.from([Buffer.from('SET a = 1;\n\\! touch /tmp/x\n')]));
    assert.equal(shell.unsafe?.line, 2);
    const program = await scanStream(Readable.from([Buffer.from("COPY t FROM PROGRAM 'id';\n")]));
    assert.match(program.unsafe?.what ?? '', /program/);
    const fine = await scanStream(Readable.from([Buffer.from('\\restrict k\nCOPY t (a) FROM stdin;\n1\n\\.\n\\unrestrict k\n')]));
    assert.equal(fine.unsafe, null);
  });
});

describe('restore helpers', () => {
  it('comments out whole lines in place, keeping every offset', async () => {
    const text = 'A;\nCREATE DATABASE x;\nB;\n';
    const out: Buffer[] = [];
    const n = new LineNeutralizer([[[3, 19]]]);
    n.on('data', (c: Buffer) => out.push(c));
    for (const part of [text.slice(0, 5), text.slice(5)]) n.write(Buffer.from(part));
    n.end();
    await new Promise((r) => n.on('end', r));
    assert.equal(Buffer.concat(out).toString(), 'A;\n--EATE DATABASE x;\nB;\n');
  });

  it('reads psql and pg_restore first errors', () => {
    assert.deepEqual(psqlFirstError('psql:<stdin>:54: ERROR:  role "app" does not exist\nCONTEXT:  x\n'), {
      message: 'role "app" does not exist — CONTEXT:  x',
      line: 54,
      text: null,
      tocEntry: null,
    });
    const e = pgRestoreFirstError(
      'pg_restore: creating FUNCTION "f"\npg_restore: while PROCESSING TOC:\npg_restore: from TOC entry 257; 1255 16532 FUNCTION f() app\npg_restore: error: could not execute query: ERROR:  role "app" does not exist\nCommand was: ALTER FUNCTION f() OWNER TO app;\n',
    );
    assert.equal(e?.tocEntry, '257; 1255 16532 FUNCTION f() app');
    assert.match(e?.message ?? '', /role "app" does not exist — Command was: ALTER FUNCTION/);
  });

  it('parses pg_restore --list lines with multi-word descriptors', () => {
    assert.deepEqual(parseTocLine('3445; 0 16469 TABLE DATA public auth_user app'), {
      id: 3445,
      desc: 'TABLE DATA',
      schema: 'public',
      tag: 'auth_user',
      owner: 'app',
      line: '3445; 0 16469 TABLE DATA public auth_user app',
    });
    assert.equal(parseTocLine('3281; 2606 16474 FK CONSTRAINT public shop_order shop_order_user_id_fkey app')?.tag, 'shop_order shop_order_user_id_fkey');
    assert.equal(parseTocLine('; Archive created at 2026-11-22'), null);
  });

  it('parses durations and --min-rows', () => {
    assert.equal(parseDuration('--rpo', '90m', 3600), 5400);
    assert.equal(parseDuration('--rpo', '7d', 3600), 604800);
    assert.equal(parseDuration('--rpo', '24', 3600), 86400);
    assert.equal(parseDuration('--rto', '30', 1), 30);
    assert.throws(() => parseDuration('--rto', 'soon', 1), /not a duration/);
    assert.deepEqual(parseMinRows(['orders=10,items=2', 'public.users=1']), { orders: 10, items: 2, 'public.users': 1 });
    assert.throws(() => parseMinRows(['orders']), /TABLE=N/);
  });
});
