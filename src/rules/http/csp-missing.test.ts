import rule from './csp-missing.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: "nginx add_header Content-Security-Policy \"default-src 'self'; frame-ancestors 'none'\"", site: 'good' }],
  bad: [{ name: 'no policy', site: 'debug', expect: [{ messageId: 'missing' }] }],
  unknown: [{ name: 'connection refused', special: 'refused', reason: /connection refused/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
