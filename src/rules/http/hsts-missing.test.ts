import rule from './hsts-missing.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'max-age=31536000; includeSubDomains from the app', site: 'good' }],
  bad: [
    { name: 'no header (DEBUG site without SecurityMiddleware settings)', site: 'debug', expect: [{ messageId: 'missing' }] },
    { name: 'max-age=300', site: 'legacy', expect: [{ messageId: 'short', severity: 'low' }] },
  ],
  unknown: [
    { name: 'home page redirects to another host', site: 'offhost', reason: /redirects to another host \(https:\/\/www\.example\.invalid\/\)/ },
    { name: 'connection refused', special: 'refused', reason: /connection refused/ },
  ],
  notApplicable: [
    { name: 'plain http:// URL', site: 'debug', scheme: 'http' },
    { name: 'no URL given', none: true },
  ],
});
