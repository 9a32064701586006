// Tests for compose/image-not-pinned.
import { testRule } from '../../../test/rule-tester.js';
import rule from './image-not-pinned.js';

testRule(rule, {
  good: [
    {
      name: 'version tags, digests, own built images and a tag from the env file',
      files: {
        '.env.example': 'TAG=1.4.2\n',
        'docker-compose.prod.yml': `services:
  db:
    image: postgres:16-alpine
  proxy:
    image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
  web:
    build: .
    image: registry.example.com/app
  api:
    image: registry.example.com:5000/app:\${TAG}
`,
      },
    },
    {
      name: 'cookiecutter-django: celeryworker/celerybeat/flower run the image that django builds',
      files: {
        'docker-compose.production.yml': `volumes:
  production_postgres_data: {}

services:
  django: &django
    build:
      context: .
      dockerfile: ./compose/production/django/Dockerfile
    image: myproj_production_django
    depends_on:
      - postgres
      - redis
    command: /start

  postgres:
    build:
      context: .
      dockerfile: ./compose/production/postgres/Dockerfile
    image: myproj_production_postgres
    volumes:
      - production_postgres_data:/var/lib/postgresql/data

  redis:
    image: docker.io/redis:6

  celeryworker:
    <<: *django
    image: myproj_production_celeryworker
    command: /start-celeryworker

  celerybeat:
    image: myproj_production_django
    command: /start-celerybeat

  flower:
    image: myproj_production_django
    command: /start-flower
`,
        'compose/production/django/Dockerfile': 'FROM python:3.12-slim-bookworm\nCMD ["/start"]\n',
        'compose/production/postgres/Dockerfile': 'FROM postgres:16\n',
      },
    },
  ],
  bad: [
    {
      name: 'no tag, latest and a floating alpine tag',
      files: {
        'docker-compose.yml': `services:
  db:
    image: postgres
  proxy:
    image: traefik:latest
  redis:
    image: redis:alpine
`,
      },
      expect: [
        { messageId: 'noTag', file: 'docker-compose.yml', line: 3 },
        { messageId: 'latest', file: 'docker-compose.yml', line: 5 },
        { messageId: 'floating', file: 'docker-compose.yml', line: 7 },
      ],
    },
    {
      name: 'reusing the built image (with or without its implicit :latest) does not hide a third-party latest',
      files: {
        'docker-compose.prod.yml': `services:
  django:
    build: .
    image: myproj_production_django
  celeryworker:
    image: myproj_production_django
  celerybeat:
    image: myproj_production_django:latest
  flower:
    image: mher/flower:latest
`,
        Dockerfile: 'FROM python:3.12\n',
      },
      expect: [{ messageId: 'latest', file: 'docker-compose.prod.yml', line: 10 }],
    },
  ],
  unknown: [{ name: 'tag from an undefined variable', files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:${TAG}\n' }, reason: /variable/ }],
  notApplicable: [{ name: 'only built images', files: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n', 'Dockerfile': 'FROM python:3.12\n' } }],
});
