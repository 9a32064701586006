import rule from './weak-signature.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: 'RSA key signed with ecdsa-with-SHA256 by the lab CA', site: 'good' },
    { name: 'self-signed ecdsa-with-SHA256', site: 'selfsigned' },
  ],
  bad: [{ name: 'signed with ecdsa-with-SHA1', site: 'legacy', expect: [{ messageId: 'weak' }] }],
  unknown: [{ name: 'connection refused', special: 'refused', reason: /connection refused/ }],
  notApplicable: [{ name: 'plain http:// URL', site: 'debug', scheme: 'http' }],
});
