import rule from './no-tls13.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'nginx with TLSv1.2 TLSv1.3', site: 'good' }],
  bad: [{ name: 'nginx with TLSv1 TLSv1.1 TLSv1.2 only', site: 'legacy', expect: [{ messageId: 'notOffered' }] }],
  unknown: [{ name: 'connection refused', special: 'refused', reason: /connection refused/ }],
  notApplicable: [{ name: 'plain http:// URL', site: 'debug', scheme: 'http' }],
});
