import rule from './not-empty.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

testRule(rule, {
  good: [{ name: 'a dump with content', files: {}, facts: { backups: [verification()] } }],
  bad: [
    {
      name: 'a zero-byte dump left by a failed pipe',
      files: { 'backups/shop-2024-03-02.sql.gz': '' },
      facts: { backups: [verification({ path: 'backups/shop-2024-03-02.sql.gz', format: 'unknown', sizeBytes: 0 })] },
      expect: [{ messageId: 'empty', file: 'backups/shop-2024-03-02.sql.gz' }],
    },
  ],
  notApplicable: [{ name: 'repository scan without verified backups', files: { 'backup.sh': '#!/bin/sh\npg_dump app > app.sql\n' } }],
});
