import rule from './no-healthcheck.js';
import { testRule } from '../../../test/rule-tester.js';

const web = `FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
USER app
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]
`;

testRule(rule, {
  good: [
    {
      name: 'HEALTHCHECK in the final stage',
      files: { Dockerfile: web.replace('EXPOSE 8000\n', 'EXPOSE 8000\nHEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8000/health/ || exit 1\n') },
    },
    {
      name: 'HEALTHCHECK inherited from the parent stage',
      files: { Dockerfile: 'FROM python:3.12-slim AS base\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n\nFROM base\nCMD ["gunicorn", "app.wsgi"]\n' },
    },
    {
      name: 'healthcheck on the compose service that builds it',
      files: {
        Dockerfile: web,
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health/"]\n',
      },
    },
  ],
  bad: [
    { name: 'web image without HEALTHCHECK', files: { Dockerfile: web }, expect: [{ messageId: 'missing', file: 'Dockerfile' }] },
    {
      name: 'HEALTHCHECK NONE in the final stage overrides the parent',
      files: { Dockerfile: 'FROM python:3.12-slim AS base\nHEALTHCHECK CMD curl -f http://localhost:8000/\n\nFROM base\nHEALTHCHECK NONE\nCMD ["gunicorn", "app.wsgi"]\n' },
      expect: [{ messageId: 'disabled', file: 'Dockerfile', line: 5 }],
    },
    {
      name: 'compose service without healthcheck either',
      files: { 'docker/Dockerfile': web, 'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n' },
      expect: [{ messageId: 'missing', file: 'docker/Dockerfile' }],
    },
  ],
  unknown: [{ name: 'unparsable Dockerfile', files: { Dockerfile: 'FROM python:3.12\nHEALTHCHEK CMD curl -f http://localhost/\n' }, reason: /could not be parsed/ }],
  notApplicable: [
    { name: 'one-shot migration image', files: { Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "manage.py", "migrate", "--noinput"]\n' } },
    { name: 'development Dockerfile only', files: { 'compose/local/django/Dockerfile': web } },
    { name: 'deployed to Kubernetes', files: { Dockerfile: web, 'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n' } },
  ],
});
