// Tests for compose/no-restart-policy.
import { testRule } from '../../../test/rule-tester.js';
import rule from './no-restart-policy.js';

testRule(rule, {
  good: [
    {
      name: 'restart and deploy.restart_policy; one-off tasks may keep "no"',
      files: {
        'docker-compose.prod.yml': `services:
  web:
    image: app:1.0
    restart: unless-stopped
  worker:
    image: app:1.0
    deploy:
      restart_policy:
        condition: on-failure
  migrate:
    image: app:1.0
    command: python manage.py migrate --noinput
    restart: "no"
  tools:
    image: app:1.0
    profiles: [tools]
  swarm:
    image: app:1.0
    deploy:
      replicas: 2
`,
      },
    },
  ],
  bad: [
    {
      name: 'missing and explicit "no" on long-running services',
      files: {
        'docker-compose.yml': `services:
  db:
    image: postgres:16
  web:
    image: app:1.0
    command: gunicorn app.wsgi
    restart: "no"
`,
      },
      expect: [
        { messageId: 'missing', file: 'docker-compose.yml', line: 2 },
        { messageId: 'no', file: 'docker-compose.yml', line: 7 },
      ],
    },
  ],
  unknown: [{ name: 'unparsable compose file', files: { 'compose.yaml': 'services: [\n' }, reason: /could not be parsed/ }],
  notApplicable: [
    { name: 'a local development file', files: { 'docker-compose.local.yml': 'services:\n  db:\n    image: postgres:16\n' } },
    {
      name: 'runserver marks the default file as development',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n    command: python manage.py runserver 0.0.0.0:8000\n' },
    },
  ],
});
