// A default client trusts the certificate chain (the issuer is a trusted CA and the server sends its intermediates).
import { defineRule } from '../../core/define-rule.js';
import { OPENSSL_VERIFY, probedTls, tlsData, tlsProof } from './_shared.js';

/** OpenSSL verification codes, in words a reader can act on. */
const EXPLAIN: Record<string, string> = {
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer is not a trusted CA, or the server does not send the intermediate certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server does not send the intermediate certificate, or the issuer is not a trusted CA',
  UNABLE_TO_GET_ISSUER_CERT: 'an issuer in the chain is missing',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a root that is not trusted (a private CA?)',
  CERT_SIGNATURE_FAILURE: 'a signature in the chain does not verify',
  CERT_REVOKED: 'the certificate was revoked',
  INVALID_CA: 'a certificate in the chain is not allowed to act as a CA',
  INVALID_PURPOSE: 'the certificate is not meant for TLS servers (extendedKeyUsage)',
  CERT_CHAIN_TOO_LONG: 'the chain is longer than allowed',
  PATH_LENGTH_EXCEEDED: 'a CA in the chain exceeds its path length constraint',
  UNSPECIFIED:
    'OpenSSL rejected the chain at its default security level (typically a key smaller than 2048 bits or a SHA-1 signature; see tls/weak-key and tls/weak-signature)',
};

/** Codes another rule reports: OpenSSL stops at the first error, so the rest of the chain was not checked. */
const ELSEWHERE: Record<string, string> = {
  CERT_HAS_EXPIRED: 'tls/certificate-expiry',
  CERT_NOT_YET_VALID: 'tls/certificate-expiry',
};

export default defineRule({
  id: 'tls/certificate-untrusted',
  title: 'TLS certificate chain is not trusted',
  category: 'security',
  severity: 'critical',
  requires: ['endpoints'],
  why: 'Browsers and API clients refuse a certificate they cannot chain to a trusted root. A missing intermediate is the classic trap: desktop browsers that cached it work, while phones, curl, Python requests and payment webhooks fail, so the outage looks partial and random.',
  fix: 'Serve the full chain: in nginx, ssl_certificate must point at the fullchain file (leaf followed by intermediates, e.g. /etc/letsencrypt/live/<domain>/fullchain.pem), not the leaf alone; use a certificate from a publicly trusted CA. For a private CA, run opsaudit with --ca <ca.pem>.',
  references: [
    { title: 'nginx: configuring HTTPS servers — SSL certificate chains', url: 'https://nginx.org/en/docs/http/configuring_https_servers.html#chains' },
    { title: 'OWASP Transport Layer Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
    { title: 'OpenSSL verify: diagnostic codes', url: 'https://docs.openssl.org/3.0/man1/openssl-verification-options/' },
  ],
  verify: 'echo | openssl s_client -connect {host}:{port} -servername {servername} 2>/dev/null | grep "Verify return code"   # expect 0 (ok)',
  messages: {
    untrusted: 'A default client does not trust the certificate chain of {host}:{port}: {code} — {explanation}.',
  },
  check({ endpoints }, ctx) {
    for (const { t, target } of probedTls(endpoints ?? [], ctx)) {
      const code = t.chainError;
      if (code === null) ctx.pass(target, `the chain validates to a trusted root (${t.certificate.issuer})`);
      else if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT')
        ctx.notApplicable(`${target} presents a self-signed certificate, there is no chain (reported by tls/self-signed-certificate)`);
      else if (ELSEWHERE[code])
        ctx.unknown(target, `OpenSSL stopped at ${code} (reported by ${ELSEWHERE[code]}), so the rest of the chain was not checked`);
      else ctx.fail('untrusted', { at: tlsProof(t), target, data: { ...tlsData(t), code, explanation: EXPLAIN[code] ?? 'see the OpenSSL verification codes' } });
    }
  },
});
