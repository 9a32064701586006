// Tests for compose/fixed-container-name.
import { testRule } from '../../../test/rule-tester.js';
import rule from './fixed-container-name.js';

testRule(rule, {
  good: [{ name: 'no container_name', files: { 'docker-compose.prod.yml': 'services:\n  web:\n    image: app:1\n' } }],
  bad: [
    {
      name: 'two services with fixed names: one finding for the project',
      files: {
        'docker-compose.prod.yaml': `services:
  web:
    image: app:1
    container_name: onespirit_web_prod
  db:
    image: postgres:16
    container_name: onespirit_postgres_prod
`,
      },
      expect: [{ messageId: 'fixed', file: 'docker-compose.prod.yaml', line: 4 }],
    },
  ],
  notApplicable: [{ name: 'no compose file', files: { 'manage.py': '' } }],
});
