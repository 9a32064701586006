import rule from './cookie-flags.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'sessionid Secure HttpOnly SameSite=Lax, csrftoken Secure SameSite=Lax', site: 'good' }],
  bad: [
    {
      name: 'sessionid and csrftoken without any flag',
      site: 'debug',
      expect: [
        { messageId: 'notSecure', severity: 'medium' },
        { messageId: 'notHttpOnly' },
        { messageId: 'sameSite', severity: 'low' },
        { messageId: 'notSecure', severity: 'low' },
        { messageId: 'sameSite', severity: 'low' },
      ],
    },
  ],
  unknown: [
    { name: 'no cookie set on the probed pages (JSON endpoint, admin elsewhere)', site: 'good', path: '/health/', options: { adminPath: '/not-admin/' }, reason: /no session or CSRF cookie was set on the pages probed/ },
    { name: 'home page redirects to another host', site: 'offhost', reason: /redirects to another host/ },
    { name: 'DNS error', special: 'dns', reason: /does not resolve/ },
  ],
  notApplicable: [{ name: 'no URL given', none: true }],
});
