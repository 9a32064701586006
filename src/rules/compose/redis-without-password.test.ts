// Tests for compose/redis-without-password.
import { testRule } from '../../../test/rule-tester.js';
import rule from './redis-without-password.js';

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
