// Tests for compose/image-end-of-life (the scan's day is fixed so the cases keep their meaning).
import { testRule } from '../../../test/rule-tester.js';
import rule from './image-end-of-life.js';

const on = (today: string) => ({ config: { path: null, suppressions: [], today } });

testRule(rule, {
  good: [
    {
      name: 'supported PostgreSQL and PostGIS majors, a floating python major, an image it builds',
      files: {
        'docker-compose.yml': `services:
  db:
    image: postgres:17-alpine
  gis:
    image: postgis/postgis:16-3.4
  tools:
    image: python:3-slim
  web:
    build: .
    image: registry.example.com/shop:1.2.0
`,
      },
      facts: on('2026-11-23'),
    },
    { name: 'PostgreSQL 14 before its end of life', files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:14.9\n' }, facts: on('2026-06-01') },
  ],
  bad: [
    {
      name: 'PostgreSQL 12, PostGIS on 11, a 9.6 server and timescale on pg13',
      files: {
        'docker-compose.yml': `services:
  db:
    image: postgres:12-alpine
  gis:
    image: postgis/postgis:11-2.5
  legacy:
    image: docker.io/library/postgres:9.6
  metrics:
    image: timescale/timescaledb:2.11.2-pg13
`,
      },
      facts: on('2026-11-23'),
      expect: [
        { messageId: 'endOfLife', file: 'docker-compose.yml', line: 3 },
        { messageId: 'endOfLife', file: 'docker-compose.yml', line: 5 },
        { messageId: 'endOfLife', file: 'docker-compose.yml', line: 7 },
        { messageId: 'endOfLife', file: 'docker-compose.yml', line: 9 },
      ],
    },
  ],
  notApplicable: [
    { name: 'no versioned postgres or python image', files: { 'docker-compose.yml': 'services:\n  cache:\n    image: redis:7-alpine\n  web:\n    build: .\n' }, facts: on('2026-11-23') },
  ],
});
