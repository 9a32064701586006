// Tests for compose/depends-on-without-healthy-condition.
import { testRule } from '../../../test/rule-tester.js';
import rule from './depends-on-without-healthy-condition.js';

const DB = `  db:
    image: postgres:16
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app"]
`;

testRule(rule, {
  good: [
    {
      name: 'waits for the healthy database',
      files: {
        'docker-compose.prod.yml': `services:
${DB}  web:
    image: app:1.0
    command: gunicorn app.wsgi
    depends_on:
      db:
        condition: service_healthy
`,
      },
    },
  ],
  bad: [
    {
      name: 'short list form and service_started on a service with a healthcheck',
      files: {
        'docker-compose.prod.yml': `services:
${DB}  web:
    image: app:1.0
    command: gunicorn app.wsgi
    depends_on:
      - db
  worker:
    image: app:1.0
    command: celery -A app worker
    depends_on:
      db:
        condition: service_started
`,
      },
      expect: [
        { messageId: 'shortForm', file: 'docker-compose.prod.yml', line: 10 },
        { messageId: 'otherCondition', file: 'docker-compose.prod.yml', line: 15 },
      ],
    },
    {
      name: 'the dependency is declared in an override file',
      files: {
        'docker-compose.yml': `services:\n${DB}  web:\n    image: app:1.0\n`,
        'docker-compose.override.yml': 'services:\n  web:\n    depends_on: [db]\n',
      },
      expect: [{ messageId: 'shortForm', file: 'docker-compose.override.yml', line: 3 }],
    },
  ],
  notApplicable: [
    {
      name: 'the dependency has no healthcheck (reported by service-without-healthcheck instead)',
      files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n  web:\n    image: app:1\n    depends_on: [db]\n' },
    },
  ],
});
