import rule from './dockerignore-missing.js';
import { testRule } from '../../../test/rule-tester.js';

const dockerfile = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "app.wsgi"]\n';

testRule(rule, {
  good: [
    { name: '.dockerignore excluding .env files', files: { Dockerfile: dockerfile, '.env': 'DEBUG=1\n', '.dockerignore': '.git\n.env*\nvenv/\n' } },
  ],
  bad: [
    { name: 'no .dockerignore', files: { Dockerfile: dockerfile }, expect: [{ messageId: 'missing', file: 'Dockerfile', line: 3 }] },
    {
      name: '.dockerignore that keeps .env',
      files: { Dockerfile: dockerfile, '.env': 'DEBUG=1\n', '.dockerignore': '# caches\n__pycache__\n' },
      expect: [{ messageId: 'incomplete', file: '.dockerignore' }],
    },
  ],
  notApplicable: [{ name: 'copies named files only', files: { Dockerfile: 'FROM python:3.12\nCOPY requirements.txt app/ /app/\n' } }],
});
