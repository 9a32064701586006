// Tests for compose/redis-without-password.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runOn, testRule } from '../../../test/rule-tester.js';
import rule from './redis-without-password.js';

// Expert review: Redis only on the compose network (cookiecutter-django's `redis: image: redis:6`) is medium;
// high only when a port is published beyond loopback or the container shares the host network.
const EXPOSURE = {
  'docker-compose.production.yml': `services:
  redis:
    image: redis:7
  public:
    image: redis:7
    ports:
      - "6379:6379"
  local:
    image: redis:7
    ports:
      - "127.0.0.1:6379:6379"
  hostnet:
    image: redis:7
    network_mode: host
`,
};

testRule(rule, {
  good: [
    {
      name: 'requirepass from a secret, bitnami with REDIS_PASSWORD, redis-stack with REDIS_ARGS',
      files: {
        'docker-compose.prod.yml': `services:
  redis:
    image: redis:7-alpine
    command: sh -c 'exec redis-server --appendonly yes --requirepass "$$(cat /run/secrets/redis_password)"'
  cache:
    image: bitnami/redis:7.2
    environment:
      - REDIS_PASSWORD_FILE=/run/secrets/redis_password
  stack:
    image: redis/redis-stack-server:7.2.0-v10
    environment:
      REDIS_ARGS: "--requirepass \${REDIS_PASSWORD}"
`,
        '.env.prod.example': 'REDIS_PASSWORD=change-me\n',
      },
    },
    {
      name: 'an ACL file',
      files: { 'docker-compose.yml': 'services:\n  redis:\n    image: valkey/valkey:8\n    command: ["valkey-server", "--aclfile", "/etc/valkey/users.acl"]\n' },
    },
  ],
  bad: [
    {
      name: 'seed 002 #5: redis-server with persistence options but no password',
      files: {
        'docker-compose.prod.yaml': `services:
  redis:
    image: redis:7-alpine
    restart: always
    command: redis-server --appendonly yes --maxmemory 256mb --maxmemory-policy allkeys-lru
`,
      },
      expect: [{ messageId: 'noAuth', file: 'docker-compose.prod.yaml', line: 5 }],
    },
    {
      name: 'no command: the image line; bitnami with ALLOW_EMPTY_PASSWORD; REDIS_PASSWORD on the official image',
      files: {
        'docker-compose.yml': `services:
  redis:
    image: redis:7
  cache:
    image: bitnami/redis:7.2
    environment:
      ALLOW_EMPTY_PASSWORD: "yes"
  other:
    image: redis:7
    environment:
      REDIS_PASSWORD: \${REDIS_PASSWORD}
`,
        '.env.example': 'REDIS_PASSWORD=x\n',
      },
      expect: [
        { messageId: 'noAuth', file: 'docker-compose.yml', line: 3 },
        { messageId: 'emptyAllowed', file: 'docker-compose.yml', line: 7 },
        { messageId: 'envIgnored', file: 'docker-compose.yml', line: 11 },
      ],
    },
    {
      name: 'published on all interfaces, on loopback only, and with network_mode: host',
      files: EXPOSURE,
      expect: [
        { messageId: 'noAuth', file: 'docker-compose.production.yml', line: 3 },
        { messageId: 'noAuth', file: 'docker-compose.production.yml', line: 5 },
        { messageId: 'noAuth', file: 'docker-compose.production.yml', line: 9 },
        { messageId: 'noAuth', file: 'docker-compose.production.yml', line: 13 },
      ],
    },
  ],
  unknown: [
    {
      name: 'the password is in a mounted redis.conf',
      files: {
        'docker-compose.yml': 'services:\n  redis:\n    image: redis:7\n    command: redis-server /usr/local/etc/redis/redis.conf\n    volumes:\n      - ./redis.conf:/usr/local/etc/redis/redis.conf:ro\n',
        'redis.conf': 'requirepass x\n',
      },
      reason: /redis\.conf/,
    },
  ],
  notApplicable: [{ name: 'no Redis', files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' } }],
});

it('compose/redis-without-password: severity follows exposure, and the port entry is quoted as proof', () => {
  const { report } = runOn(rule, EXPOSURE);
  const by = (service: string) => report.findings.find((f) => f.target.endsWith(`#${service}`));
  assert.equal(by('redis')?.severity, 'medium');
  assert.match(by('redis')?.description ?? '', /reachable by every container on the compose network/);
  assert.equal(by('local')?.severity, 'medium');
  assert.equal(by('public')?.severity, 'high');
  assert.ok(by('public')?.proof.some((p) => p.kind === 'file' && p.line === 7), 'the published port line is quoted');
  assert.ok(by('hostnet')?.proof.some((p) => p.kind === 'file' && p.line === 14), 'the network_mode line is quoted');
  assert.equal(by('hostnet')?.severity, 'high');
  assert.match(by('hostnet')?.description ?? '', /network_mode: host/);
});
