import rule from './version-disclosure.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'server_tokens off', site: 'good' }],
  bad: [
    { name: 'server_tokens on: Server: nginx/<version>', site: 'debug', expect: [{ messageId: 'disclosed' }] },
    { name: 'X-Powered-By: PHP/7.4.3 from the upstream', site: 'legacy', expect: [{ messageId: 'disclosed' }] },
  ],
  unknown: [{ name: 'connection refused', special: 'refused', reason: /connection refused/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
