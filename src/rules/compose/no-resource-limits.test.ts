// Tests for compose/no-resource-limits.
import { testRule } from '../../../test/rule-tester.js';
import rule from './no-resource-limits.js';

testRule(rule, {
  good: [
    {
      name: 'deploy.resources.limits.memory and mem_limit',
      files: {
        'docker-compose.prod.yml': `x-limits: &limits
  deploy:
    resources:
      limits:
        memory: 512M
services:
  web:
    image: app:1.0
    <<: *limits
  db:
    image: postgres:16
    mem_limit: 1g
`,
      },
    },
  ],
  bad: [
    {
      name: 'no limits at all, and CPU without memory',
      files: {
        'docker-compose.prod.yml': `services:
  web:
    image: app:1.0
  redis:
    image: redis:7
    deploy:
      resources:
        limits:
          cpus: "0.5"
`,
      },
      expect: [
        { messageId: 'noLimits', file: 'docker-compose.prod.yml', line: 2 },
        { messageId: 'noMemory', file: 'docker-compose.prod.yml', line: 9 },
      ],
    },
  ],
  notApplicable: [{ name: 'only one-off tasks', files: { 'docker-compose.yml': 'services:\n  migrate:\n    image: app:1\n    command: python manage.py migrate\n    restart: "no"\n' } }],
});
