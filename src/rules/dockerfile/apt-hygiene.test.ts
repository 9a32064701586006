import rule from './apt-hygiene.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'no recommends, lists removed in the same RUN; builder caches do not count',
      files: {
        Dockerfile: `FROM python:3.12-slim AS builder
RUN apt-get update && apt-get install -y build-essential libpq-dev

FROM python:3.12-slim
RUN apt-get update \\
    && apt-get install -y --no-install-recommends \\
        libpq5 \\
    && rm -rf /var/lib/apt/lists/*
`,
      },
    },
    {
      name: 'cache mount and alpine --no-cache',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install -y --no-install-recommends curl\n',
        'nginx/Dockerfile': 'FROM nginx:1.27-alpine\nRUN apk add --no-cache curl\n',
      },
    },
  ],
  bad: [
    {
      name: 'recommends pulled and lists kept',
      files: { Dockerfile: 'FROM python:3.12-slim\nRUN apt-get update && \\\n    apt-get install -y curl gettext\nRUN rm -rf /var/lib/apt/lists/*\n' },
      expect: [
        { messageId: 'noRecommends', file: 'Dockerfile', line: 3 },
        { messageId: 'listsLeft', file: 'Dockerfile', line: 3 },
      ],
    },
    {
      name: 'apk add without --no-cache',
      files: { Dockerfile: 'FROM python:3.12-alpine\nRUN apk update && apk add postgresql-libs\n' },
      expect: [{ messageId: 'apkCache', file: 'Dockerfile', line: 2 }],
    },
  ],
  notApplicable: [{ name: 'no package installs', files: { Dockerfile: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn\n' } }],
});
