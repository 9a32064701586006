import rule from './integrity.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

const TRUNCATED = `--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET client_encoding = 'UTF8';

COPY public.auth_user (id, username, email) FROM stdin;
1\tuser1\tuser1@example.com
2\tuser2\tus`;

testRule(rule, {
  good: [{ name: 'complete dump with the footer', files: {}, facts: { backups: [verification()] } }],
  bad: [
    {
      name: 'dump cut inside COPY data',
      files: { 'backups/shop.sql': TRUNCATED },
      facts: {
        backups: [
          verification({
            path: 'backups/shop.sql',
            integrity: {
              status: 'failed',
              detail: 'the dump is truncated: the script ends inside the COPY data of public.auth_user begun at line 8 (after 2 rows, no closing \\.)',
              proof: { kind: 'file', path: 'backups/shop.sql', line: 8, text: 'COPY public.auth_user (id, username, email) FROM stdin;' },
            },
          }),
        ],
      },
      expect: [{ messageId: 'damaged', file: 'backups/shop.sql', line: 8 }],
    },
    {
      name: 'gzip stream with a bad checksum',
      files: {},
      facts: {
        backups: [
          verification({
            path: 'backups/shop.sql.gz',
            format: 'plain-gzip',
            integrity: {
              status: 'failed',
              detail: 'the gzip stream is corrupt: incorrect data check (after 212992 bytes of SQL)',
              proof: { kind: 'command', host: 'localhost', command: 'gunzip -c backups/shop.sql.gz > /dev/null', exit_code: 1, duration_ms: 0, output: 'gzip: backups/shop.sql.gz: incorrect data check' },
            },
          }),
        ],
      },
      expect: [{ messageId: 'damaged', file: 'backups/shop.sql.gz' }],
    },
  ],
  unknown: [
    {
      name: 'hand-written SQL, not pg_dump output',
      files: {},
      facts: { backups: [verification({ integrity: { status: 'unknown', detail: 'the script was not written by pg_dump (no "-- PostgreSQL database dump" header)', proof: null } })] },
      reason: /not written by pg_dump/,
    },
  ],
  notApplicable: [
    { name: 'nothing verified', files: {} },
    { name: 'only archives verified', files: {}, facts: { backups: [verification({ format: 'custom', integrity: null })] } },
  ],
});
