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
    {
      name: 'airflow-init is awaited with service_completed_successfully; createbuckets and *_init helpers run once',
      files: {
        'docker-compose.yaml': `x-airflow-common: &airflow-common
  image: apache/airflow:2.9.2
  environment:
    AIRFLOW__CORE__EXECUTOR: CeleryExecutor
services:
  postgres:
    image: postgres:16
    restart: always
  airflow-webserver:
    <<: *airflow-common
    command: webserver
    restart: always
    depends_on:
      airflow-init:
        condition: service_completed_successfully
      load-connections:
        condition: service_completed_successfully
  load-connections:
    <<: *airflow-common
    command: connections import /opt/airflow/connections.json
  airflow-scheduler:
    <<: *airflow-common
    command: scheduler
    restart: always
    depends_on:
      airflow-init:
        condition: service_completed_successfully
  airflow-init:
    <<: *airflow-common
    entrypoint: /bin/bash
    command:
      - -c
      - exec /entrypoint airflow version
  minio:
    image: minio/minio:RELEASE.2024-06-13T22-53-53Z
    command: server /data
    restart: unless-stopped
  createbuckets:
    image: minio/mc:RELEASE.2024-06-12T14-34-03Z
    entrypoint: /bin/sh -c "mc alias set local http://minio:9000 admin secret; mc mb -p local/media; exit 0;"
  django_init:
    image: registry.example.org/shop-web:1.4.2
    command: ./docker/bootstrap.sh
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
