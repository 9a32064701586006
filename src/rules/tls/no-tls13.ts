// The server offers TLS 1.3 (RFC 8446): a client offering it negotiates it.
import { defineRule } from '../../core/define-rule.js';
import { probedTls, tlsData, tlsProof } from './_shared.js';

export default defineRule({
  id: 'tls/no-tls13',
  title: 'TLS 1.3 is not offered',
  category: 'security',
  severity: 'low',
  requires: ['endpoints'],
  why: 'TLS 1.3 removes the legacy ciphers and renegotiation of 1.2, always has forward secrecy, and saves a round trip on every new connection. Without it the site depends on TLS 1.2 cipher configuration being right.',
  fix: 'In nginx: ssl_protocols TLSv1.2 TLSv1.3; (nginx >= 1.13 built with OpenSSL >= 1.1.1, which every current distribution ships). Behind a load balancer or CDN, enable TLS 1.3 in its TLS policy.',
  references: [
    { title: 'RFC 8446: TLS 1.3', url: 'https://www.rfc-editor.org/rfc/rfc8446' },
    { title: 'nginx: ssl_protocols', url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_protocols' },
    { title: 'Mozilla Server Side TLS', url: 'https://wiki.mozilla.org/Security/Server_Side_TLS' },
  ],
  verify: 'openssl s_client -connect {host}:{port} -servername {servername} -tls1_3 </dev/null 2>/dev/null | grep Protocol   # expect TLSv1.3',
  messages: {
    notOffered: '{host}:{port} negotiated {protocol} with a client offering TLS 1.3: TLS 1.3 is not enabled.',
  },
  check({ endpoints }, ctx) {
    for (const { t, target } of probedTls(endpoints ?? [], ctx)) {
      if (t.tls13 === null) ctx.unknown(target, `a default client could not complete the handshake (${t.defaultHandshakeError ?? 'no reason recorded'})`);
      else if (t.tls13) ctx.pass(target, 'TLS 1.3 negotiated');
      else ctx.fail('notOffered', { at: tlsProof(t), target, data: { ...tlsData(t), protocol: t.protocol } });
    }
  },
});
