import rule from './format.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

const ERROR_DOC = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>\n';

testRule(rule, {
  good: [
    { name: 'a plain pg_dump script', files: {}, facts: { backups: [verification()] } },
    {
      name: 'a custom archive named .sql (recognised by content)',
      files: {},
      facts: { backups: [verification({ path: 'db.sql', format: 'custom', formatCheck: { status: 'ok', detail: 'starts with the custom-format magic PGDMP', proof: null } })] },
    },
  ],
  bad: [
    {
      name: 'an object-store error document saved as the backup',
      files: { 'backups/shop.dump': ERROR_DOC },
      facts: {
        backups: [
          verification({
            path: 'backups/shop.dump',
            format: 'unknown',
            formatCheck: {
              status: 'failed',
              detail: 'an XML/HTML document, not SQL (first line: <?xml version="1.0" encoding="UTF-8"?>)',
              proof: { kind: 'file', path: 'backups/shop.dump', line: 1, text: '<?xml version="1.0" encoding="UTF-8"?>' },
            },
          }),
        ],
      },
      expect: [{ messageId: 'notADump', file: 'backups/shop.dump', line: 1 }],
    },
    {
      name: 'zstd-compressed data',
      files: {},
      facts: {
        backups: [
          verification({
            path: 'backups/shop.sql.zst',
            format: 'unknown',
            formatCheck: { status: 'failed', detail: 'zstd-compressed data: decompress it (zstd -d) before verifying', proof: null },
          }),
        ],
      },
      expect: [{ messageId: 'notADump', file: 'backups/shop.sql.zst' }],
    },
  ],
  unknown: [
    {
      name: 'an empty file (reported by backup-verify/not-empty)',
      files: {},
      facts: { backups: [verification({ sizeBytes: 0, format: 'unknown', formatCheck: { status: 'unknown', detail: 'the file is empty', proof: null } })] },
      reason: /empty/,
    },
  ],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
