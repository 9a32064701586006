import rule from './tables-restored.js';
import { testRule } from '../../../test/rule-tester.js';
import { failedRestore, verification } from './_fixture.js';

testRule(rule, {
  good: [
    { name: 'tables with rows', files: {}, facts: { backups: [verification()] } },
    { name: '--expect-tables present (schema optional)', files: {}, facts: { backups: [verification({ expectTables: ['auth_user', 'public.shop_order'] })] } },
  ],
  bad: [
    {
      name: 'an expected table is missing',
      files: {},
      facts: { backups: [verification({ path: 'backups/shop.dump', expectTables: ['auth_user', 'django_session'] })] },
      expect: [{ messageId: 'missingTables', file: 'backups/shop.dump' }],
    },
    {
      name: 'schema-only dump: every table empty',
      files: {},
      facts: { backups: [verification({ path: 'backups/schema.sql', tables: [{ name: 'public.auth_user', rows: 0 }, { name: 'public.shop_order', rows: 0 }] })] },
      expect: [{ messageId: 'allEmpty', file: 'backups/schema.sql' }],
    },
    {
      name: 'dump of an empty database',
      files: {},
      facts: { backups: [verification({ path: 'backups/postgres.sql', tables: [] })] },
      expect: [{ messageId: 'noTables', file: 'backups/postgres.sql' }],
    },
  ],
  unknown: [{ name: 'restore failed', files: {}, facts: { backups: [failedRestore()] }, reason: /was not restored/ }],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
