import rule from './min-rows.js';
import { testRule } from '../../../test/rule-tester.js';
import { failedRestore, verification } from './_fixture.js';

testRule(rule, {
  good: [{ name: 'enough rows', files: {}, facts: { backups: [verification({ minRows: { auth_user: 100, 'public.shop_order': 2000 } })] } }],
  bad: [
    {
      name: 'orders nearly gone',
      files: {},
      facts: { backups: [verification({ path: 'backups/shop.sql.gz', format: 'plain-gzip', minRows: { shop_order: 10000 } })] },
      expect: [{ messageId: 'tooFew', file: 'backups/shop.sql.gz' }],
    },
    {
      name: 'table not in the dump',
      files: {},
      facts: { backups: [verification({ minRows: { django_session: 1 } })] },
      expect: [{ messageId: 'missing', file: 'backups/shop.sql' }],
    },
  ],
  unknown: [{ name: 'restore failed', files: {}, facts: { backups: [failedRestore({ minRows: { auth_user: 1 } })] }, reason: /was not restored/ }],
  notApplicable: [
    { name: 'no --min-rows', files: {}, facts: { backups: [verification()] } },
    { name: 'nothing verified', files: {} },
  ],
});
