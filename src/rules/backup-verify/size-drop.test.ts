import rule from './size-drop.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

const previous = (sizeBytes: number) => ({ path: 'backups/shop-2024-03-01.sql', sizeBytes, modifiedAt: '2024-03-01T03:00:00.000Z' });

testRule(rule, {
  good: [
    { name: 'grew a little', files: {}, facts: { backups: [verification({ path: 'backups/shop-2024-03-02.sql', sizeBytes: 212_762, previous: previous(210_000) })] } },
    { name: 'shrank 20%', files: {}, facts: { backups: [verification({ path: 'backups/shop-2024-03-02.sql', sizeBytes: 168_000, previous: previous(210_000) })] } },
  ],
  bad: [
    {
      name: 'lost 90% overnight',
      files: {},
      facts: { backups: [verification({ path: 'backups/shop-2024-03-02.sql', sizeBytes: 21_000, previous: previous(212_762) })] },
      expect: [{ messageId: 'shrank', file: 'backups/shop-2024-03-02.sql' }],
    },
  ],
  notApplicable: [
    { name: 'a single backup, nothing to compare', files: {}, facts: { backups: [verification()] } },
    { name: 'nothing verified', files: {} },
  ],
});
