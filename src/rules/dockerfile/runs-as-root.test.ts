import rule from './runs-as-root.js';
import { testRule } from '../../../test/rule-tester.js';

const multiStage = `FROM python:3.12-slim AS builder
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim AS production
RUN useradd --system --uid 10001 app
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir /wheels/*
USER root
RUN chown -R app /app
USER app
CMD ["gunicorn", "app.wsgi:application"]
`;

testRule(rule, {
  good: [
    { name: 'USER root then USER app', files: { Dockerfile: multiStage } },
    {
      name: 'final stage inherits USER from an earlier stage',
      files: { Dockerfile: 'FROM python:3.12-slim AS base\nRUN useradd app\nUSER app\n\nFROM base AS web\nCMD ["gunicorn", "app.wsgi"]\n' },
    },
    {
      name: 'entrypoint drops privileges with gosu',
      files: { Dockerfile: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["gosu", "app", "gunicorn", "app.wsgi"]\n' },
    },
    {
      name: 'compose runs the service as a non-root user',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]\n',
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    user: "1000:1000"\n',
      },
    },
    { name: 'official postgres image keeps its own entrypoint', files: { 'db/Dockerfile': 'FROM postgres:16-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n' } },
  ],
  bad: [
    {
      name: 'no USER at all',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app.wsgi"]\n' },
      expect: [{ messageId: 'noUser', file: 'Dockerfile' }],
    },
    {
      name: 'USER in the builder stage only',
      files: { Dockerfile: 'FROM python:3.12-slim AS builder\nUSER app\nRUN pip wheel -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nCMD ["gunicorn", "app.wsgi"]\n' },
      expect: [{ messageId: 'noUser', file: 'Dockerfile' }],
    },
    {
      name: 'last USER is root',
      files: { Dockerfile: 'FROM python:3.12-slim\nRUN useradd app\nUSER app\nRUN pip install --user gunicorn\nUSER 0\nCMD ["gunicorn", "app.wsgi"]\n' },
      expect: [{ messageId: 'rootUser', file: 'Dockerfile', line: 5 }],
    },
    {
      name: 'compose targets a root stage that is not the last one',
      files: {
        Dockerfile: 'FROM python:3.12-slim AS prod\nCMD ["gunicorn", "app.wsgi"]\n\nFROM prod AS dev\nUSER app\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    build:\n      context: .\n      target: prod\n',
      },
      expect: [{ messageId: 'noUser', file: 'Dockerfile' }],
    },
  ],
  unknown: [
    { name: 'USER from a build argument', files: { Dockerfile: 'FROM python:3.12-slim\nARG APP_USER\nUSER ${APP_USER}\n' }, reason: /cannot be resolved/ },
    { name: 'base image from a build argument without default', files: { Dockerfile: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCMD ["gunicorn", "app.wsgi"]\n' }, reason: /default user is unknown/ },
    { name: 'unparsable Dockerfile', files: { Dockerfile: 'FROM python:3.12-slim\nUSER app\nCMD ["gunicorn", "app.wsgi"\n' }, reason: /could not be parsed as dockerfile/ },
  ],
  notApplicable: [
    { name: 'only a development Dockerfile', files: { 'Dockerfile.dev': 'FROM python:3.12\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n' } },
    { name: 'no Dockerfile', files: { 'manage.py': 'import os\n' } },
  ],
});
