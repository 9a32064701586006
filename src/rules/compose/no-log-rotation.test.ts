// Tests for compose/no-log-rotation.
import { testRule } from '../../../test/rule-tester.js';
import rule from './no-log-rotation.js';

testRule(rule, {
  good: [
    {
      name: 'an x-logging anchor merged in, an alias, and rotating drivers',
      files: {
        'docker-compose.prod.yml': `x-logging: &default-logging
  logging:
    driver: json-file
    options:
      max-size: "10m"
      max-file: "5"
x-log-options: &log
  driver: json-file
  options:
    max-size: 20m
services:
  web:
    image: app:1.0
    <<: *default-logging
  worker:
    image: app:1.0
    logging: *log
  db:
    image: postgres:16
    logging:
      driver: local
  proxy:
    image: nginx:1.27
    logging:
      driver: journald
`,
      },
    },
    {
      name: 'the daemon.json kept in the repository rotates every container log',
      files: {
        'deploy/daemon.json': '{\n  "log-driver": "json-file",\n  "log-opts": { "max-size": "10m", "max-file": "3" }\n}\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    image: app:1.0\n',
      },
    },
  ],
  bad: [
    {
      name: 'default driver, and json-file without max-size',
      files: {
        'docker-compose.prod.yml': `services:
  web:
    image: app:1.0
  db:
    image: postgres:16
    logging:
      driver: json-file
      options:
        max-file: "3"
`,
      },
      expect: [
        { messageId: 'defaultDriver', file: 'docker-compose.prod.yml', line: 2 },
        { messageId: 'noMaxSize', file: 'docker-compose.prod.yml', line: 6 },
      ],
    },
  ],
  notApplicable: [{ name: 'a test compose file', files: { 'docker-compose.test.yml': 'services:\n  db:\n    image: postgres:16\n' } }],
});
