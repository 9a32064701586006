// The certificate covers the host name the site is reached by (RFC 6125 / RFC 9525 service identity).
import { defineRule } from '../../core/define-rule.js';
import { OPENSSL_VERIFY, probedTls, tlsData, tlsProof } from './_shared.js';

export default defineRule({
  id: 'tls/hostname-mismatch',
  title: 'TLS certificate does not cover the host name',
  category: 'security',
  severity: 'critical',
  requires: ['endpoints'],
  why: 'A certificate for another name is refused by every client exactly like a forged one: users get a warning page (and learn to click through warnings), API clients and webhooks fail. It usually means nginx served the default server block, or the certificate was issued without the www/apex variant.',
  fix: 'Issue the certificate for every name the site answers on (certbot -d example.com -d www.example.com), and make sure the nginx server block with that certificate has a matching server_name, so SNI selects it.',
  references: [
    { title: 'RFC 9525: Service Identity in TLS', url: 'https://www.rfc-editor.org/rfc/rfc9525' },
    { title: 'nginx: server names and SNI', url: 'https://nginx.org/en/docs/http/configuring_https_servers.html#sni' },
    { title: 'OWASP Transport Layer Security Cheat Sheet: use the correct domain names', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  verify: `${OPENSSL_VERIFY} -ext subjectAltName   # expect {host} among the names`,
  messages: {
    mismatch: 'The certificate of {host}:{port} is not valid for {host}: it covers {names}.',
  },
  check({ endpoints }, ctx) {
    for (const { t, target } of probedTls(endpoints ?? [], ctx)) {
      if (t.hostnameMatch) ctx.pass(target, `the certificate covers ${t.host}`);
      else {
        const names = t.certificate.san.length > 0 ? t.certificate.san.join(', ') : `only its subject ${t.certificate.subject}`;
        ctx.fail('mismatch', { at: tlsProof(t), target, data: { ...tlsData(t), names } });
      }
    }
  },
});
