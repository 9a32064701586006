import rule from './certificate-untrusted.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';

testRule(rule, {
  good: [
    { name: 'certificate issued by the (trusted) lab CA', site: 'good' },
    { name: 'trusted chain, but for another name (tls/hostname-mismatch reports that)', site: 'wronghost' },
  ],
  bad: [
    { name: 'the lab CA is not passed with --ca: issuer unknown', site: 'good', trustLabCa: false, expect: [{ messageId: 'untrusted' }] },
    { name: 'RSA-1024 key signed with SHA-1: refused at the default security level', site: 'legacy', expect: [{ messageId: 'untrusted' }] },
  ],
  unknown: [
    { name: 'expired certificate: OpenSSL stops at the expiry', site: 'expired', reason: /stopped at CERT_HAS_EXPIRED \(reported by tls\/certificate-expiry\)/ },
    { name: 'connection refused', special: 'refused', reason: /connection refused/ },
  ],
  notApplicable: [
    { name: 'self-signed certificate (its own rule)', site: 'selfsigned' },
    { name: 'plain http:// URL', site: 'debug', scheme: 'http' },
  ],
});
