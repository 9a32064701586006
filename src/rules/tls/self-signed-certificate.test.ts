import rule from './self-signed-certificate.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'certificate issued by the lab CA', site: 'good' }],
  bad: [{ name: 'self-signed certificate', site: 'selfsigned', expect: [{ messageId: 'selfSigned' }] }],
  unknown: [{ name: 'connection refused', special: 'refused', reason: /connection refused/ }],
  notApplicable: [{ name: 'plain http:// URL', site: 'debug', scheme: 'http' }],
});
