import { testRule } from '../../../test/rule-tester.js';
import rule from './suppression-expired.js';

const compose = 'services:\n  redis:\n    image: redis:7-alpine\n';

testRule(rule, {
  good: [
    {
      name: 'a suppression that expires in the future',
      files: {
        'docker-compose.yml': compose,
        '.opsaudit.yml':
          'version: 1\nignore:\n  - rule: compose/redis-without-password\n    reason: Redis only listens on the internal network\n    expires: 2999-12-31\n',
      },
    },
  ],
  bad: [
    {
      name: 'a suppression whose expiry date has passed',
      files: {
        'docker-compose.yml': compose,
        '.opsaudit.yml': [
          '# accepted risks, reviewed every quarter',
          'version: 1',
          'ignore:',
          '  - rule: compose/redis-without-password',
          '    reason: Redis only listens on the internal network',
          '    expires: 2020-01-31',
          '  - rule: dockerfile/no-healthcheck',
          '    reason: the orchestrator probes the port',
          '    expires: 2999-01-01',
          '',
        ].join('\n'),
      },
      expect: [{ messageId: 'expired', file: '.opsaudit.yml', line: 6 }],
    },
    {
      name: 'an expired entry in .opsaudit.yaml limited to a path',
      files: {
        '.opsaudit.yaml':
          'ignore:\n  - rule: parse-error\n    paths: [legacy/**]\n    reason: "legacy configs, to be deleted"\n    expires: "2021-06-30"\n',
      },
      expect: [{ messageId: 'expired', file: '.opsaudit.yaml', line: 5 }],
    },
  ],
  unknown: [
    {
      name: 'an entry that cannot be read (no reason)',
      files: { '.opsaudit.yml': 'ignore:\n  - rule: compose/redis-without-password\n    expires: 2020-01-31\n' },
      reason: /could not be parsed as opsaudit config \(line 2: ignore\[0\]: "reason" is required/,
    },
  ],
  notApplicable: [
    { name: 'no .opsaudit.yml', files: { 'docker-compose.yml': compose } },
    {
      name: 'suppressions without expiry dates',
      files: { '.opsaudit.yml': 'ignore:\n  - rule: compose/redis-without-password\n    reason: internal network only\n' },
    },
  ],
});
