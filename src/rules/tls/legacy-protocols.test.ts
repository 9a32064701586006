import rule from './legacy-protocols.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [{ name: 'nginx with ssl_protocols TLSv1.2 TLSv1.3', site: 'good' }],
  bad: [{ name: 'nginx with ssl_protocols TLSv1 TLSv1.1 TLSv1.2 at SECLEVEL=0', site: 'legacy', expect: [{ messageId: 'accepted' }] }],
  unknown: [{ name: 'server never answers', special: 'silent', reason: /no TLS handshake within/ }],
  notApplicable: [{ name: 'plain http:// URL', site: 'debug', scheme: 'http' }],
});
