import rule from './shared-secrets-across-environments.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'distinct secrets',
      files: { '.env.dev': 'SECRET_KEY=dev-9f8e7d6c5b4a\nDEBUG=True\n', '.env.prod': 'SECRET_KEY=prod-1a2b3c4d5e6f\nDEBUG=False\n' },
    },
  ],
  bad: [
    {
      name: 'same database password',
      files: { '.env.dev': 'DB_PASSWORD=Tr0ub4dor&3x\n', '.env.prod': 'DEBUG=False\nDB_PASSWORD=Tr0ub4dor&3x\n' },
      expect: [{ messageId: 'shared', file: '.env.prod', line: 2 }],
    },
  ],
  notApplicable: [{ name: 'only one environment', files: { '.env.prod': 'DB_PASSWORD=x1\n' } }],
});
