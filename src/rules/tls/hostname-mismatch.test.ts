import rule from './hostname-mismatch.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: 'certificate for IP:127.0.0.1 and localhost', site: 'good' },
    { name: 'expired but for the right name', site: 'expired' },
  ],
  bad: [{ name: 'certificate for other.example served on 127.0.0.1', site: 'wronghost', expect: [{ messageId: 'mismatch' }] }],
  unknown: [{ name: 'DNS error', special: 'dns', reason: /does not resolve/ }],
  notApplicable: [{ name: 'plain http:// URL', site: 'debug', scheme: 'http' }],
});
