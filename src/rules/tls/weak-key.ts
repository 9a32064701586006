// The certificate's key is large enough: RSA >= 2048 bits, EC >= 256 bits (NIST SP 800-131A, CA/B Forum).
import { defineRule } from '../../core/define-rule.js';
import { OPENSSL_VERIFY, probedTls, tlsData, tlsProof } from './_shared.js';

const MIN_BITS: Record<string, number> = { rsa: 2048, 'rsa-pss': 2048, ec: 256 };

export default defineRule({
  id: 'tls/weak-key',
  title: 'TLS certificate key is too small',
  category: 'security',
  severity: 'high',
  requires: ['endpoints'],
  why: 'RSA keys under 2048 bits (and EC keys under 256 bits) are within reach of well-funded attackers and are refused by current OpenSSL defaults, browsers and public CAs; DSA keys are no longer supported at all. Clients on a modern security level fail to connect.',
  fix: 'Issue a new certificate with an ECDSA P-256 key (certbot --key-type ecdsa) or RSA 2048/3072 (certbot --rsa-key-size 3072), and point ssl_certificate_key at the new key.',
  references: [
    { title: 'NIST SP 800-131A Rev. 2: key lengths', url: 'https://csrc.nist.gov/pubs/sp/800/131/a/r2/final' },
    { title: 'Mozilla Server Side TLS: recommended configurations', url: 'https://wiki.mozilla.org/Security/Server_Side_TLS' },
    { title: 'CA/Browser Forum Baseline Requirements (6.1.5 key sizes)', url: 'https://cabforum.org/working-groups/server/baseline-requirements/requirements/' },
  ],
  verify: `${OPENSSL_VERIFY} -text | grep "Public-Key"   # RSA >= 2048 bit or EC >= 256 bit`,
  messages: {
    small: 'The certificate of {host}:{port} has a {bits}-bit {type} key (minimum {min}).',
    dsa: 'The certificate of {host}:{port} has a DSA key, which clients no longer accept.',
  },
  check({ endpoints }, ctx) {
    for (const { t, target } of probedTls(endpoints ?? [], ctx)) {
      const { keyType, keyBits } = t.certificate;
      if (keyType === null) {
        ctx.unknown(target, 'the certificate key type could not be read');
        continue;
      }
      if (keyType === 'dsa') {
        ctx.fail('dsa', { at: tlsProof(t), target, data: tlsData(t) });
        continue;
      }
      const min = MIN_BITS[keyType];
      if (min === undefined) ctx.pass(target, `${keyType} key`);
      else if (keyBits === null) ctx.unknown(target, `the size of the ${keyType} key could not be read`);
      else if (keyBits < min) ctx.fail('small', { at: tlsProof(t), target, data: { ...tlsData(t), bits: keyBits, type: keyType.toUpperCase(), min } });
      else ctx.pass(target, `${keyBits}-bit ${keyType.toUpperCase()} key`);
    }
  },
});
