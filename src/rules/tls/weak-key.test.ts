import rule from './weak-key.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: 'RSA 2048-bit key', site: 'good' },
    { name: 'EC P-256 key', site: 'debug' },
  ],
  bad: [{ name: 'RSA 1024-bit key', site: 'legacy', expect: [{ messageId: 'small' }] }],
  unknown: [{ name: 'server never answers', special: 'silent', reason: /no TLS handshake within/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
