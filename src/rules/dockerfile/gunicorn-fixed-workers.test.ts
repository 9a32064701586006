import rule from './gunicorn-fixed-workers.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'no --workers (WEB_CONCURRENCY applies)', files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]\n' } },
    { name: 'shell form with an env override', files: { Dockerfile: 'FROM python:3.12-slim\nCMD gunicorn --workers ${GUNICORN_WORKERS:-4} --bind 0.0.0.0:8000 app.wsgi\n' } },
    { name: 'config file only', files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "-c", "gunicorn.conf.py", "app.wsgi"]\n' } },
    { name: 'sh -c with a computed count', files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec gunicorn -w $(( 2 * $(nproc) + 1 )) app.wsgi"]\n' } },
  ],
  bad: [
    {
      name: 'seed 002: exec form --workers 4',
      files: { Dockerfile: 'FROM python:3.12-slim\nUSER app\nCMD ["gunicorn", "--workers", "4", "--threads", "2", "--bind", "0.0.0.0:8000", "app.wsgi:application"]\n' },
      expect: [{ messageId: 'fixed', file: 'Dockerfile', line: 3 }],
    },
    {
      name: 'shell form -w3 on a continuation line',
      files: { Dockerfile: 'FROM python:3.12-slim\nENTRYPOINT exec gunicorn \\\n    -w3 \\\n    app.wsgi\n' },
      expect: [{ messageId: 'fixed', file: 'Dockerfile', line: 3 }],
    },
  ],
  notApplicable: [{ name: 'uvicorn', files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["uvicorn", "app.asgi:application", "--workers", "4"]\n' } }],
});
