import rule from './referrer-policy.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'same-origin (Django default)', site: 'good' }],
  bad: [
    { name: 'no header', site: 'debug', expect: [{ messageId: 'missing' }] },
    { name: 'unsafe-url', site: 'legacy', expect: [{ messageId: 'leaky', severity: 'medium' }] },
  ],
  unknown: [{ name: 'DNS error', special: 'dns', reason: /does not resolve/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
