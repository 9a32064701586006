import rule from './admin-exposed.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'no admin at /secret-admin/ (404)', site: 'good', options: { adminPath: '/secret-admin/' } }],
  bad: [{ name: '/admin/ redirects to the login page', site: 'good', expect: [{ messageId: 'reachable', severity: 'info' }] }],
  unknown: [
    { name: 'every path redirects to another host', site: 'offhost', reason: /redirects to another host/ },
    { name: 'connection refused', special: 'refused', reason: /connection refused/ },
  ],
  notApplicable: [{ name: 'no URL given', none: true }],
});
