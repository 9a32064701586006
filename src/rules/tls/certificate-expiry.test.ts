import rule from './certificate-expiry.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: 'certificate valid for 200 days', site: 'good' },
    { name: 'certificate with 20 days left, alert threshold lowered to 14 days', site: 'expiring20', options: { certHighDays: 14 } },
  ],
  bad: [
    { name: 'certificate expired 3 days ago', site: 'expired', expect: [{ messageId: 'expired', severity: 'critical' }] },
    { name: 'certificate expiring in 5 days', site: 'expiring', expect: [{ messageId: 'critical', severity: 'critical' }] },
    { name: 'certificate expiring in 20 days', site: 'expiring20', expect: [{ messageId: 'soon', severity: 'high' }] },
    { name: 'certificate with 20 days left, critical threshold raised to 21 days', site: 'expiring20', options: { certCriticalDays: 21 }, expect: [{ messageId: 'critical', severity: 'critical' }] },
  ],
  unknown: [
    { name: 'connection refused', special: 'refused', reason: /connection refused/ },
    { name: 'name under .invalid does not resolve', special: 'dns', reason: /does not resolve \(DNS ENOTFOUND\)/ },
    { name: 'server accepts TCP but never answers', special: 'silent', reason: /no TLS handshake within 0\.3 s/ },
  ],
  notApplicable: [
    { name: 'plain http:// URL', site: 'debug', scheme: 'http' },
    { name: 'no URL given', none: true },
  ],
});
