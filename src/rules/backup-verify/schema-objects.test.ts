import rule from './schema-objects.js';
import { testRule } from '../../../test/rule-tester.js';
import { failedRestore, verification } from './_fixture.js';

testRule(rule, {
  good: [{ name: 'everything came back', files: {}, facts: { backups: [verification()] } }],
  bad: [
    {
      name: 'indexes missing after a pre-data/data-only restore',
      files: {},
      facts: {
        backups: [verification({ path: 'backups/shop.dump', format: 'custom', expected: { tables: 2, indexes: 3, constraints: 4, sequences: 2 }, restored: { tables: 2, indexes: 0, constraints: 4, sequences: 2 } })],
      },
      expect: [{ messageId: 'lost', file: 'backups/shop.dump' }],
    },
  ],
  unknown: [
    { name: 'restore failed', files: {}, facts: { backups: [failedRestore()] }, reason: /was not restored/ },
    { name: 'the dump definitions were not readable', files: {}, facts: { backups: [verification({ expected: null })] }, reason: /could not be read/ },
  ],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
