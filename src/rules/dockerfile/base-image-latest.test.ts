import rule from './base-image-latest.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'pinned tags, stage references, scratch and a digest',
      files: {
        Dockerfile: `ARG PYTHON_VERSION=3.12.7
FROM python:\${PYTHON_VERSION}-slim-bookworm AS base
COPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/

FROM base AS builder
RUN uv sync --frozen

FROM scratch AS export
COPY --from=builder /app/static /static

FROM nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
COPY --from=export /static /usr/share/nginx/html
`,
      },
    },
  ],
  bad: [
    {
      name: 'untagged and latest bases',
      files: { Dockerfile: 'FROM node:latest AS assets\nRUN npm ci && npm run build\n\nFROM python\nCOPY --from=assets /app/dist /app/static\n' },
      expect: [
        { messageId: 'latest', file: 'Dockerfile', line: 1 },
        { messageId: 'untagged', file: 'Dockerfile', line: 4 },
      ],
    },
    {
      name: 'latest after ARG substitution, and COPY --from an unpinned image',
      files: { Dockerfile: 'ARG TAG=latest\nFROM python:${TAG}\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/\n' },
      expect: [
        { messageId: 'latest', file: 'Dockerfile', line: 2 },
        { messageId: 'copyFromLatest', file: 'Dockerfile', line: 3 },
      ],
    },
  ],
  unknown: [{ name: 'base image from a build argument without default', files: { Dockerfile: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nUSER app\n' }, reason: /BASE_IMAGE has no default/ }],
  notApplicable: [{ name: 'development Dockerfile', files: { 'Dockerfile.dev': 'FROM python\n' } }],
});
