// Tests for compose/database-port-published.
import { testRule } from '../../../test/rule-tester.js';
import rule from './database-port-published.js';

testRule(rule, {
  good: [
    {
      name: 'no published database port, and loopback-only bindings',
      files: {
        'docker-compose.prod.yml': `services:
  db:
    image: postgres:16
    expose: ["5432"]
  redis:
    image: redis:7
    ports:
      - "127.0.0.1:6379:6379"
  mysql:
    image: mysql:8.4
    ports:
      - target: 3306
        published: "3306"
        host_ip: "::1"
  web:
    image: app:1.0
    ports: ["80:8000"]
`,
      },
    },
    {
      name: 'the host IP comes from the env file',
      files: {
        '.env.example': 'DB_BIND=127.0.0.1\n',
        'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "${DB_BIND}:5432:5432"\n',
      },
    },
  ],
  bad: [
    {
      name: 'a broker and an admin UI published on all interfaces (RabbitMQ guest account, Celery Flower)',
      files: {
        'docker-compose.yml': `services:
  rabbitmq:
    image: rabbitmq:3.13-management
    ports:
      - "5672:5672"
  flower:
    image: mher/flower:2.0
    ports:
      - "5555:5555"
  web:
    image: registry.example.org/shop/web:1.4.2
    ports:
      - "127.0.0.1:5555:5555"
`,
      },
      expect: [
        { messageId: 'published', file: 'docker-compose.yml', line: 5 },
        { messageId: 'published', file: 'docker-compose.yml', line: 9 },
      ],
    },
    {
      name: 'all-interfaces bindings in short, ephemeral and long syntax',
      files: {
        'docker-compose.yml': `services:
  db:
    image: postgis/postgis:16-3.4
    ports:
      - "5432:5432"
  redis:
    image: redis:7-alpine
    ports:
      - 6379
  cache2:
    image: example/custom:1
    ports:
      - target: 6379
        published: 6380
        host_ip: 0.0.0.0
`,
      },
      expect: [
        { messageId: 'published', file: 'docker-compose.yml', line: 5 },
        { messageId: 'published', file: 'docker-compose.yml', line: 9 },
        { messageId: 'published', file: 'docker-compose.yml', line: 13 },
      ],
    },
  ],
  unknown: [
    {
      name: 'the host IP comes from a variable no env file defines',
      files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "${DB_BIND}:5432:5432"\n' },
      reason: /DB_BIND/,
    },
  ],
  notApplicable: [{ name: 'no database service', files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n    ports: ["80:80"]\n' } }],
});
