import rule from './x-frame-options.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: "X-Frame-Options DENY and frame-ancestors 'none'", site: 'good' },
    { name: 'X-Frame-Options DENY, CSP without frame-ancestors', site: 'partial' },
  ],
  bad: [
    { name: 'no header at all', site: 'debug', expect: [{ messageId: 'missing' }] },
    { name: 'obsolete ALLOW-FROM', site: 'legacy', expect: [{ messageId: 'invalid' }] },
  ],
  unknown: [{ name: 'connection refused', special: 'refused', reason: /connection refused/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
