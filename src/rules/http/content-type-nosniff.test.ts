import rule from './content-type-nosniff.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'nosniff from SecurityMiddleware', site: 'good' }],
  bad: [{ name: 'no header', site: 'legacy', expect: [{ messageId: 'missing' }] }],
  unknown: [{ name: 'server never answers', special: 'silent', reason: /no TLS handshake within/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
