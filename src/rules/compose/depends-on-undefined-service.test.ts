import { testRule } from '../../../test/rule-tester.js';
import rule from './depends-on-undefined-service.js';

const compose = (dependency: string) => `services:
  misago:
    image: rafalp/misago:0.39
    depends_on:
      - ${dependency}
      - redis
  postgres-15:
    image: postgres:15
  redis:
    image: redis:7
`;

testRule(rule, {
  good: [{ name: 'every dependency is defined', files: { 'docker-compose.yml': compose('postgres-15') } }],
  bad: [
    {
      name: 'a renamed database service (misago: postgres is now postgres-15)',
      files: { 'docker-compose.yml': compose('postgres') },
      expect: [{ messageId: 'undefined', file: 'docker-compose.yml', line: 5 }],
    },
  ],
  unknown: [
    {
      name: 'a sibling compose file defines it (files used together with -f)',
      files: { 'docker-compose.prod.yml': compose('postgres'), 'docker-compose.yml': 'services:\n  postgres:\n    image: postgres:15\n' },
      reason: /may be used together/,
    },
    {
      name: 'the dependency may be defined in an included file',
      files: { 'docker-compose.yml': `include:\n  - db/compose.yml\n${compose('postgres')}`, 'db/compose.yml': 'services:\n  postgres:\n    image: postgres:15\n' },
      reason: /include: is not read/,
    },
  ],
  notApplicable: [{ name: 'no depends_on', files: { 'docker-compose.yml': 'services:\n  web:\n    image: example/web:1.0\n' } }],
});
