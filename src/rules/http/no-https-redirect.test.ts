import rule from './no-https-redirect.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: 'port 80 companion: return 301 https://$host:<port>$request_uri', site: 'good' },
    { name: 'nothing listens for plain HTTP', site: 'good', options: { httpPort: 9 } },
  ],
  bad: [
    { name: 'plain HTTP serves the application', site: 'debug', expect: [{ messageId: 'noRedirect' }] },
    { name: 'http:// URL given, serves the application', site: 'debug', scheme: 'http', expect: [{ messageId: 'noRedirect' }] },
    { name: 'plain HTTP redirects to another host', site: 'legacy', expect: [{ messageId: 'otherHost', severity: 'low' }] },
  ],
  unknown: [{ name: 'DNS error', special: 'dns', reason: /does not resolve/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
