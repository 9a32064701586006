import rule from './version-supported.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

const HEADER = `--
-- PostgreSQL database dump
--

-- Dumped from database version 17.2
-- Dumped by pg_dump version 17.2

SET statement_timeout = 0;
`;

testRule(rule, {
  good: [{ name: 'PostgreSQL 15 restores a pg_dump 15 dump', files: {}, facts: { backups: [verification()] } }],
  bad: [
    {
      name: 'pg_dump 17 dump, only PostgreSQL 15 here',
      files: { 'backups/shop.sql': HEADER },
      facts: {
        backups: [
          verification({
            path: 'backups/shop.sql',
            dumpedBy: '17.2',
            compatibility: {
              status: 'failed',
              detail: 'the dump was made by pg_dump 17.2 and needs PostgreSQL 17 or newer; here: PostgreSQL server programs: 15 (/usr/lib/postgresql/15/bin)',
              proof: { kind: 'file', path: 'backups/shop.sql', line: 6, text: '-- Dumped by pg_dump version 17.2' },
            },
          }),
        ],
      },
      expect: [{ messageId: 'tooNew', file: 'backups/shop.sql', line: 6 }],
    },
    {
      name: 'archive format pg_restore rejects',
      files: {},
      facts: {
        backups: [
          verification({
            path: 'backups/shop.dump',
            format: 'custom',
            compatibility: {
              status: 'failed',
              detail: '/usr/lib/postgresql/15/bin/pg_restore (PostgreSQL 15) cannot read this archive: pg_restore: error: unsupported version (1.16) in file header',
              proof: { kind: 'command', host: 'localhost', command: 'pg_restore --list backups/shop.dump', exit_code: 1, duration_ms: 9, output: 'pg_restore: error: unsupported version (1.16) in file header' },
            },
          }),
        ],
      },
      expect: [{ messageId: 'tooNew', file: 'backups/shop.dump' }],
    },
  ],
  unknown: [
    {
      name: 'no PostgreSQL installed at all',
      files: {},
      facts: { backups: [verification({ format: 'custom', compatibility: { status: 'unknown', detail: 'no PostgreSQL server programs found (searched /usr/bin); install PostgreSQL or pass --scratch-dsn', proof: null } })] },
      reason: /no PostgreSQL server programs/,
    },
  ],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
