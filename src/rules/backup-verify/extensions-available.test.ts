import rule from './extensions-available.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

const DUMP = `--
-- PostgreSQL database dump
--

SET statement_timeout = 0;

--
-- Name: postgis; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;
`;

const postgis = { name: 'postgis', proof: { kind: 'file' as const, path: 'backups/geo.sql', line: 11, text: 'CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;' } };
const notRestored = { status: 'unknown' as const, detail: 'not restored: lacks extension(s) postgis', proof: null, durationMs: null, firstError: null };

testRule(rule, {
  good: [
    {
      name: 'pg_trgm available in the throwaway cluster',
      files: {},
      facts: { backups: [verification({ extensions: [{ name: 'pg_trgm', proof: null }] })] },
    },
    { name: 'no extension in the dump', files: {}, facts: { backups: [verification()] } },
  ],
  bad: [
    {
      name: 'PostGIS missing on the verification host',
      files: { 'backups/geo.sql': DUMP },
      facts: { backups: [verification({ path: 'backups/geo.sql', extensions: [postgis], missingExtensions: ['postgis'], restore: notRestored, tables: null })] },
      expect: [{ messageId: 'missing', file: 'backups/geo.sql', line: 11 }],
    },
  ],
  unknown: [
    {
      name: 'the embedded engine does not bundle PostGIS',
      files: {},
      facts: {
        backups: [
          verification({
            path: 'backups/geo.sql',
            engine: { name: 'embedded', version: '18.6', where: 'embedded PGlite' },
            extensions: [postgis],
            missingExtensions: ['postgis'],
            restore: notRestored,
          }),
        ],
      },
      reason: /embedded engine does not bundle extension\(s\) postgis/,
    },
  ],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
