import rule from './restore.js';
import { testRule } from '../../../test/rule-tester.js';
import { failedRestore, verification } from './_fixture.js';

const DUMP = `--
-- PostgreSQL database dump
--

CREATE TABLE public.auth_user (
    id integer NOT NULL,
    username character varying(150) NOT NULL
);


ALTER TABLE public.auth_user OWNER TO app;
`;

testRule(rule, {
  good: [{ name: 'restored with stop-on-error', files: {}, facts: { backups: [verification()] } }],
  bad: [
    {
      name: 'psql stops at a line of a plain dump',
      files: { 'backups/shop.sql': DUMP },
      facts: {
        backups: [
          failedRestore({
            path: 'backups/shop.sql',
            restore: {
              status: 'failed',
              detail: 'the restore stopped at line 11 with: role "app" does not exist',
              proof: { kind: 'command', host: 'localhost', command: 'cat backups/shop.sql | psql -X -v ON_ERROR_STOP=1 -d opsaudit_verify -f -', exit_code: 3, duration_ms: 40, output: 'psql:<stdin>:11: ERROR:  role "app" does not exist' },
              durationMs: 40,
              firstError: { message: 'role "app" does not exist', line: 11, text: 'ALTER TABLE public.auth_user OWNER TO app;', tocEntry: null },
            },
          }),
        ],
      },
      expect: [{ messageId: 'failed', file: 'backups/shop.sql', line: 11 }],
    },
    {
      name: 'pg_restore stops at a TOC entry of a truncated archive',
      files: {},
      facts: {
        backups: [
          failedRestore({
            path: 'backups/shop.dump',
            format: 'custom',
            restore: {
              status: 'failed',
              detail: 'the restore stopped while processing data for table "public.shop_orderline" with: could not read from input file: end of file',
              proof: { kind: 'command', host: 'localhost', command: 'pg_restore --exit-on-error -d opsaudit_verify backups/shop.dump', exit_code: 1, duration_ms: 80, output: 'pg_restore: error: could not read from input file: end of file' },
              durationMs: 80,
              firstError: { message: 'could not read from input file: end of file', line: null, text: null, tocEntry: 'processing data for table "public.shop_orderline"' },
            },
          }),
        ],
      },
      expect: [{ messageId: 'failed', file: 'backups/shop.dump' }],
    },
  ],
  unknown: [
    {
      name: 'no engine could restore it',
      files: {},
      facts: { backups: [failedRestore({ restore: { status: 'unknown', detail: 'not restored: no PostgreSQL server programs found', proof: null, durationMs: null, firstError: null } })] },
      reason: /no PostgreSQL/,
    },
  ],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
