import rule from './debug-page.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: 'production 404 page', site: 'good' },
    { name: 'production 404 page, error path named', site: 'good', options: { errorPath: '/boom/' } },
  ],
  bad: [
    { name: 'technical 404 page for a random path', site: 'debug', expect: [{ messageId: 'technical404' }] },
    { name: 'technical 404 and, at the named error path, technical 500', site: 'debug', options: { errorPath: '/boom/' }, expect: [{ messageId: 'technical404' }, { messageId: 'technical500' }] },
    { name: 'debug page over plain http://', site: 'debug', scheme: 'http', expect: [{ messageId: 'technical404' }] },
  ],
  unknown: [
    { name: 'every path redirects to another host', site: 'offhost', reason: /redirects to another host/ },
    { name: 'server never answers', special: 'silent', reason: /no TLS handshake within/ },
  ],
  notApplicable: [{ name: 'no URL given', none: true }],
});
