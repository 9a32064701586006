import rule from './pythonunbuffered-unset.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'ENV in the final stage', files: { Dockerfile: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\nCMD ["gunicorn", "app.wsgi"]\n' } },
    { name: 'inherited from the parent stage', files: { Dockerfile: 'FROM python:3.12-slim AS base\nENV PYTHONUNBUFFERED=1\n\nFROM base\nCMD ["gunicorn", "app.wsgi"]\n' } },
    { name: 'python -u', files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["python", "-u", "worker.py"]\n' } },
    {
      name: 'set in the compose environment',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]\n',
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    environment:\n      - PYTHONUNBUFFERED=1\n',
      },
    },
  ],
  bad: [
    {
      name: 'python image without PYTHONUNBUFFERED (set only in the builder)',
      files: { Dockerfile: 'FROM python:3.12-slim AS builder\nENV PYTHONUNBUFFERED=1\nRUN pip wheel -r requirements.txt\n\nFROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]\n' },
      expect: [{ messageId: 'unset', file: 'Dockerfile' }],
    },
    {
      name: 'debian base running gunicorn',
      files: { Dockerfile: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nCMD ["gunicorn", "app.wsgi"]\n' },
      expect: [{ messageId: 'unset', file: 'Dockerfile' }],
    },
  ],
  notApplicable: [
    { name: 'nginx image', files: { Dockerfile: 'FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n' } },
    { name: 'an image that only installs python3 as a package (runs no Python of its own)', files: { Dockerfile: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*\nCMD ["/usr/bin/supervisord"]\n' } },
  ],
});
