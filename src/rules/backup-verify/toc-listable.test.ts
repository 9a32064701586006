import rule from './toc-listable.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

const archive = { format: 'custom' as const, path: 'backups/shop.dump', integrity: null };

testRule(rule, {
  good: [
    {
      name: 'pg_restore --list reads the TOC',
      files: {},
      facts: { backups: [verification({ ...archive, toc: { status: 'ok', detail: 'pg_restore --list read 50 table-of-contents entries', proof: null }, tocEntries: 50 })] },
    },
  ],
  bad: [
    {
      name: 'archive header damaged',
      files: {},
      facts: {
        backups: [
          verification({
            ...archive,
            toc: {
              status: 'failed',
              detail: 'pg_restore --list cannot read the table of contents: pg_restore: error: could not read from input file: end of file',
              proof: { kind: 'command', host: 'localhost', command: 'pg_restore --list backups/shop.dump', exit_code: 1, duration_ms: 12, output: 'pg_restore: error: could not read from input file: end of file' },
            },
          }),
        ],
      },
      expect: [{ messageId: 'unreadable', file: 'backups/shop.dump' }],
    },
  ],
  unknown: [
    {
      name: 'no pg_restore on the machine',
      files: {},
      facts: { backups: [verification({ ...archive, toc: { status: 'unknown', detail: 'no pg_restore found to read the table of contents', proof: null } })] },
      reason: /no pg_restore/,
    },
  ],
  notApplicable: [
    { name: 'nothing verified', files: {} },
    { name: 'only plain dumps verified', files: {}, facts: { backups: [verification()] } },
  ],
});
