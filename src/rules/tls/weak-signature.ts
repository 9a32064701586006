// The certificate is not signed with SHA-1 or MD5, which browsers have rejected since 2017.
import { defineRule } from '../../core/define-rule.js';
import { OPENSSL_VERIFY, probedTls, tlsData, tlsProof } from './_shared.js';

const WEAK = /^(md2|md5|sha1)WithRSA|^ecdsa-with-SHA1$|^dsa-with-SHA1$/i;
/** Names we know to be sound; anything else (an OID we cannot name) is not judged. */
const KNOWN = /^(sha(224|256|384|512)WithRSAEncryption|rsassaPss|ecdsa-with-SHA(224|256|384|512)|dsa-with-SHA256|ED25519|ED448)$/;

export default defineRule({
  id: 'tls/weak-signature',
  title: 'TLS certificate signed with a broken hash (SHA-1, MD5)',
  category: 'security',
  severity: 'high',
  requires: ['endpoints'],
  why: 'SHA-1 and MD5 signatures can be forged (chosen-prefix collisions are practical), so browsers, Java, Python and OpenSSL at its default security level refuse such certificates: the site fails for most clients.',
  fix: 'Reissue the certificate; every public CA signs with SHA-256 or better today. For a private CA, sign with -sha256 (openssl ca -md sha256) and reissue its intermediates too.',
  references: [
    { title: 'NIST SP 800-131A Rev. 2: SHA-1 for digital signatures is disallowed', url: 'https://csrc.nist.gov/pubs/sp/800/131/a/r2/final' },
    { title: 'Mozilla Server Side TLS: certificate signature', url: 'https://wiki.mozilla.org/Security/Server_Side_TLS' },
  ],
  verify: `${OPENSSL_VERIFY} -text | grep "Signature Algorithm"   # expect sha256WithRSAEncryption or ecdsa-with-SHA256 (or stronger)`,
  messages: {
    weak: 'The certificate of {host}:{port} is signed with {algorithm}.',
    weakIntermediate: 'An intermediate certificate ({subject}) sent by {host}:{port} is signed with {algorithm}.',
  },
  check({ endpoints }, ctx) {
    for (const { t, target } of probedTls(endpoints ?? [], ctx)) {
      const alg = t.certificate.signatureAlgorithm;
      if (alg === null) {
        ctx.unknown(target, 'the signature algorithm of the certificate could not be read');
        continue;
      }
      if (WEAK.test(alg)) {
        ctx.fail('weak', { at: tlsProof(t), target, data: { ...tlsData(t), algorithm: alg } });
        continue;
      }
      // A root's own signature is not checked by clients; only CA certificates below it matter.
      const weakCa = t.chain.find((c) => !c.selfSigned && c.signatureAlgorithm !== null && WEAK.test(c.signatureAlgorithm));
      if (weakCa) ctx.fail('weakIntermediate', { at: tlsProof(t), target, data: { ...tlsData(t), subject: weakCa.subject, algorithm: weakCa.signatureAlgorithm ?? '' } });
      else if (!KNOWN.test(alg)) ctx.unknown(target, `the certificate is signed with ${alg}, which opsaudit does not know`);
      else ctx.pass(target, `signed with ${alg}`);
    }
  },
});
