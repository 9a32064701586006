// Tests for compose/service-without-healthcheck.
import { testRule } from '../../../test/rule-tester.js';
import rule from './service-without-healthcheck.js';

const DOCKERFILE_WITH_HEALTHCHECK = `FROM python:3.12-slim AS base
WORKDIR /app
FROM base AS runtime
HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health/ || exit 1
CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]
`;

const DOCKERFILE_WITHOUT = `FROM python:3.12-slim
WORKDIR /app
CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]
`;

testRule(rule, {
  good: [
    {
      name: 'every server has a compose healthcheck; the migration task and celery worker need none',
      files: {
        'docker-compose.prod.yml': `services:
  db:
    image: postgres:16-alpine
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app"]
  redis:
    image: redis:7
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
  web:
    image: example/web:1.4
    command: gunicorn app.wsgi -b 0.0.0.0:8000
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/health/"]
  migrate:
    image: example/web:1.4
    command: python manage.py migrate
    restart: "no"
  worker:
    image: example/web:1.4
    command: celery -A app worker
  certbot:
    image: certbot/certbot:v2.11.0
`,
      },
    },
    {
      name: 'the web service builds a Dockerfile whose target stage inherits a HEALTHCHECK',
      files: {
        'Dockerfile': DOCKERFILE_WITH_HEALTHCHECK,
        'docker-compose.prod.yml': `services:
  web:
    build:
      context: .
      target: runtime
`,
      },
    },
  ],
  bad: [
    {
      name: 'postgres and nginx images without healthchecks',
      files: {
        'docker-compose.yml': `services:
  db:
    image: postgres:16
  proxy:
    image: nginx:1.27
    ports: ["80:80"]
  backup:
    image: postgres:16
    command: sh -c 'while true; do pg_dump -h db app > /backups/db.sql; sleep 86400; done'
  redis:
    image: valkey/valkey:8.0-alpine
    command: [sh, -c, "valkey-server --appendonly yes --requirepass $$REDIS_PASSWORD"]
`,
      },
      expect: [
        { messageId: 'missing', file: 'docker-compose.yml', line: 3 },
        { messageId: 'missing', file: 'docker-compose.yml', line: 5 },
        { messageId: 'missing', file: 'docker-compose.yml', line: 11 },
      ],
    },
    {
      name: 'a built web service whose Dockerfile has no HEALTHCHECK',
      files: {
        'Dockerfile.prod': DOCKERFILE_WITHOUT,
        'docker-compose.prod.yml': `services:
  web:
    build:
      context: .
      dockerfile: Dockerfile.prod
    restart: always
`,
      },
      expect: [{ messageId: 'dockerfileMissing', file: 'docker-compose.prod.yml', line: 2 }],
    },
    {
      name: 'a disabled healthcheck',
      files: {
        'docker-compose.yml': `services:
  redis:
    image: redis:7
    healthcheck:
      disable: true
`,
      },
      expect: [{ messageId: 'disabled', file: 'docker-compose.yml', line: 4 }],
    },
  ],
  unknown: [
    {
      name: 'a built service whose Dockerfile is not in the repository',
      files: { 'docker-compose.prod.yml': 'services:\n  web:\n    build: ./backend\n    command: gunicorn app.wsgi\n' },
      reason: /backend\/Dockerfile/,
    },
    {
      name: 'the compose file cannot be parsed',
      files: { 'docker-compose.yml': 'services:\n  db:\n    image: [postgres\n' },
      reason: /could not be parsed/,
    },
  ],
  notApplicable: [
    { name: 'no compose file', files: { 'manage.py': 'print(1)\n' } },
    { name: 'a development compose file', files: { 'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:16\n' } },
    { name: 'only workers and tools', files: { 'docker-compose.yml': 'services:\n  worker:\n    image: app:1\n    command: celery -A app worker\n' } },
  ],
});
