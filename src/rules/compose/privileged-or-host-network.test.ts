// Tests for compose/privileged-or-host-network.
import { testRule } from '../../../test/rule-tester.js';
import rule from './privileged-or-host-network.js';

testRule(rule, {
  good: [
    {
      name: 'default network, narrow capabilities',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n    cap_add: [NET_BIND_SERVICE]\n    privileged: false\n' },
    },
  ],
  bad: [
    {
      name: 'privileged, host network and SYS_ADMIN / ALL',
      files: {
        'docker-compose.yml': `services:
  web:
    image: app:1
    privileged: true
    network_mode: host
  agent:
    image: monitor/agent:2
    cap_add:
      - ALL
      - SYS_ADMIN
`,
      },
      expect: [
        { messageId: 'privileged', file: 'docker-compose.yml', line: 4 },
        { messageId: 'hostNetwork', file: 'docker-compose.yml', line: 5 },
        { messageId: 'capability', file: 'docker-compose.yml', line: 9 },
        { messageId: 'capability', file: 'docker-compose.yml', line: 10 },
      ],
    },
  ],
  notApplicable: [{ name: 'no compose', files: { 'README.md': '# x\n' } }],
});
