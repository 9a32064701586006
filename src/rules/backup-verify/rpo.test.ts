import rule from './rpo.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

testRule(rule, {
  good: [
    { name: 'two hours old, RPO 24 h', files: {}, facts: { backups: [verification({ ageHours: 2 })] } },
    {
      name: 'an older backup of a series is not judged',
      files: {},
      facts: { backups: [verification({ ageHours: 3 }), verification({ path: 'backups/old.sql', ageHours: 200, newerInSeries: 'backups/shop.sql' })] },
    },
  ],
  bad: [
    {
      name: 'the newest backup is three days old',
      files: {},
      facts: { backups: [verification({ path: 'backups/shop.sql.gz', ageHours: 75, rpoHours: 24 })] },
      expect: [{ messageId: 'stale', file: 'backups/shop.sql.gz' }],
    },
    {
      name: 'a tight RPO of one hour',
      files: {},
      facts: { backups: [verification({ ageHours: 2, rpoHours: 1 })] },
      expect: [{ messageId: 'stale', file: 'backups/shop.sql' }],
    },
  ],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
