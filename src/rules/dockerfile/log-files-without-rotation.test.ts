import rule from './log-files-without-rotation.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'gunicorn logs to stdout', files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "app.wsgi"]\n' } },
    { name: 'redirect to the container output', files: { Dockerfile: 'FROM python:3.12-slim\nCMD python worker.py > /dev/stdout 2>&1\n' } },
  ],
  bad: [
    {
      name: 'seed 002: gunicorn log files on a mounted directory',
      files: {
        Dockerfile: `FROM python:3.12-slim
RUN mkdir -p /app/logs
VOLUME ["/app/logs"]
CMD ["gunicorn", "--workers", "4", \\
     "--access-logfile", "/app/logs/gunicorn-access.log", \\
     "--error-logfile", "/app/logs/gunicorn-error.log", "app.wsgi"]
`,
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - ./logs:/app/logs\n',
      },
      expect: [{ messageId: 'files', file: 'Dockerfile', line: 5 }],
    },
    {
      name: 'shell redirect to a log file',
      files: { Dockerfile: 'FROM python:3.12-slim\nCMD celery -A app worker >> /var/log/celery/worker.log 2>&1\n' },
      expect: [{ messageId: 'files', file: 'Dockerfile', line: 2 }],
    },
  ],
  unknown: [
    {
      name: 'a logrotate config exists',
      files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "--error-logfile", "/var/log/app/error.log", "app.wsgi"]\n', 'deploy/logrotate.conf': '/var/log/app/*.log {\n  daily\n}\n' },
      reason: /may rotate them/,
    },
  ],
  notApplicable: [{ name: 'no CMD (compose gives the command)', files: { Dockerfile: 'FROM python:3.12-slim\nRUN pip install gunicorn\n' } }],
});
