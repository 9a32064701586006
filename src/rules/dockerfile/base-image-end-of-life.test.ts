// Tests for dockerfile/base-image-end-of-life (the scan's day is fixed so the cases keep their meaning).
import rule from './base-image-end-of-life.js';
import { testRule } from '../../../test/rule-tester.js';

const on = (today: string) => ({ config: { path: null, suppressions: [], today } });

testRule(rule, {
  good: [
    {
      name: 'a supported python from a build argument, a later stage from it',
      files: {
        Dockerfile: `ARG PYTHON_VERSION=3.12.7
FROM python:\${PYTHON_VERSION}-slim-bookworm AS base
RUN pip install gunicorn

FROM base
CMD ["gunicorn", "mysite.wsgi"]
`,
      },
      facts: on('2026-11-23'),
    },
    { name: 'python 3.10 before its end of life', files: { Dockerfile: 'FROM python:3.10-slim\nCMD ["gunicorn", "mysite.wsgi"]\n' }, facts: on('2026-01-15') },
  ],
  bad: [
    {
      name: 'python 3.8 builder and 3.9 runtime',
      files: {
        Dockerfile: `FROM python:3.8-slim-buster AS builder
RUN pip wheel -r requirements.txt -w /wheels

FROM docker.io/library/python:3.9.18-alpine3.18
COPY --from=builder /wheels /wheels
CMD ["gunicorn", "mysite.wsgi"]
`,
      },
      facts: on('2026-11-23'),
      expect: [
        { messageId: 'endOfLife', file: 'Dockerfile', line: 1 },
        { messageId: 'endOfLife', file: 'Dockerfile', line: 4 },
      ],
    },
    { name: 'python 2', files: { Dockerfile: 'FROM python:2-alpine\nCMD ["gunicorn", "mysite.wsgi"]\n' }, facts: on('2026-11-23'), expect: [{ messageId: 'endOfLife', file: 'Dockerfile', line: 1 }] },
  ],
  unknown: [
    { name: 'python version from a build argument without default', files: { Dockerfile: 'ARG PY\nFROM python:${PY}-slim\nCMD ["gunicorn", "mysite.wsgi"]\n' }, facts: on('2026-11-23'), reason: /no default/ },
  ],
  notApplicable: [{ name: 'no python or postgres base', files: { Dockerfile: 'FROM node:22-alpine\nCMD ["node", "server.js"]\n' }, facts: on('2026-11-23') }],
});
