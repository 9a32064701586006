// The certificate is issued by a CA, not signed by itself.
import { defineRule } from '../../core/define-rule.js';
import { OPENSSL_VERIFY, probedTls, tlsData, tlsProof } from './_shared.js';

export default defineRule({
  id: 'tls/self-signed-certificate',
  title: 'TLS certificate is self-signed',
  category: 'security',
  severity: 'critical',
  requires: ['endpoints'],
  why: 'No client trusts a self-signed certificate: browsers show a full-page warning, API clients fail, and users who click through can no longer tell the real site from a man-in-the-middle. It is often a placeholder (the snakeoil certificate of a fresh nginx) that was never replaced.',
  fix: "Use a certificate from a publicly trusted CA, e.g. Let's Encrypt with certbot (certbot --nginx -d <domain>) or acme.sh, renewed automatically. For an internal service with a private CA, issue the server certificate from that CA and run opsaudit with --ca <ca.pem>.",
  references: [
    { title: "Let's Encrypt: getting started", url: 'https://letsencrypt.org/getting-started/' },
    { title: 'OWASP Transport Layer Security Cheat Sheet: use certificates from a trusted CA', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  verify: `${OPENSSL_VERIFY} -subject -issuer   # issuer differs from subject and is a trusted CA`,
  messages: {
    selfSigned: 'The certificate of {host}:{port} is self-signed ({subject}) and not trusted ({code}).',
  },
  check({ endpoints }, ctx) {
    for (const { t, target } of probedTls(endpoints ?? [], ctx)) {
      const c = t.certificate;
      if (!c.selfSigned) ctx.pass(target, `issued by ${c.issuer}`);
      // A self-signed certificate that validates was passed as a trust anchor with --ca: the user trusts it on purpose.
      else if (t.chainError === null) ctx.pass(target, `self-signed, and trusted because it was given with --ca`);
      else ctx.fail('selfSigned', { at: tlsProof(t), target, data: { ...tlsData(t), subject: c.subject, code: t.chainError } });
    }
  },
});
