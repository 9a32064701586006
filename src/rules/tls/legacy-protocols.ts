// The server refuses TLS 1.0 and 1.1 (RFC 8996), checked with handshakes that offer only those versions.
import { defineRule } from '../../core/define-rule.js';
import { probedTls, tlsData, tlsProof } from './_shared.js';

const VERSION_NAMES = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1' } as const;

export default defineRule({
  id: 'tls/legacy-protocols',
  title: 'TLS 1.0 or 1.1 still accepted',
  category: 'security',
  severity: 'medium',
  requires: ['endpoints'],
  why: 'TLS 1.0 and 1.1 were deprecated by RFC 8996 (2021): they rely on SHA-1 and CBC constructions with known attacks (BEAST, Lucky13), fail PCI DSS, and no current browser uses them — keeping them only lets a downgrade-capable attacker or an outdated client use the weak path.',
  fix: 'In nginx: ssl_protocols TLSv1.2 TLSv1.3; (in every server block listening with ssl, and in the http block), then nginx -t && nginx -s reload. Mozilla\'s "intermediate" configuration lists matching ciphers.',
  references: [
    { title: 'RFC 8996: Deprecating TLS 1.0 and TLS 1.1', url: 'https://www.rfc-editor.org/rfc/rfc8996' },
    { title: 'nginx: ssl_protocols', url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_protocols' },
    { title: 'Mozilla Server Side TLS: intermediate compatibility', url: 'https://wiki.mozilla.org/Security/Server_Side_TLS' },
  ],
  verify: 'openssl s_client -connect {host}:{port} -tls1 -cipher "DEFAULT:@SECLEVEL=0" </dev/null   # expect a handshake failure',
  messages: {
    accepted: '{host}:{port} accepts {versions} (handshake with {first} succeeded using {cipher}).',
  },
  check({ endpoints }, ctx) {
    for (const { t, target } of probedTls(endpoints ?? [], ctx)) {
      const entries = (['TLSv1', 'TLSv1.1'] as const).map((v) => [v, t.legacy[v]] as const);
      const accepted = entries.filter(([, s]) => s.state === 'accepted');
      const unknown = entries.filter(([, s]) => s.state === 'unknown');
      if (accepted.length > 0) {
        const [first, s] = accepted[0];
        const cipher = s.state === 'accepted' ? s.cipher : '';
        ctx.fail('accepted', {
          at: tlsProof(t, { protocol: first, cipher }),
          target,
          data: { ...tlsData(t), versions: accepted.map(([v]) => VERSION_NAMES[v]).join(' and '), first, cipher },
        });
      } else if (unknown.length > 0) {
        ctx.unknown(target, unknown.map(([v, s]) => `${v}: ${s.state === 'unknown' ? s.reason : ''}`).join('; '));
      } else ctx.pass(target, 'TLS 1.0 and TLS 1.1 handshakes were refused');
    }
  },
});
