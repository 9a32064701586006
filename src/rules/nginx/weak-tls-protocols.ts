// ssl_protocols must not offer SSLv3, TLS 1.0 or TLS 1.1 (deprecated by RFC 8996; Mozilla intermediate: TLS 1.2+).
import { defineRule } from '../../core/define-rule.js';
import type { NginxDirective } from '../../facts/scripts.js';
import { nginxImage, productionLinks, serviceLinks, versionAtLeast } from './_deploy.js';
import { fragmentLevel, lastOf, lookup, type Server } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';
import { WEAK_PROTOCOLS } from './_tls.js';

/** nginx 1.23.4 changed the default to TLSv1.2 TLSv1.3 (before: TLSv1 TLSv1.1 TLSv1.2, plus TLSv1.3 with OpenSSL 1.1.1). */
const MODERN_DEFAULT: [number, number, number] = [1, 23, 4];

export default defineRule({
  id: 'nginx/weak-tls-protocols',
  title: 'nginx accepts deprecated TLS/SSL protocol versions',
  category: 'security',
  severity: 'medium',
  requires: ['nginx', 'compose', 'dockerfiles'],
  why: 'TLS 1.0 and 1.1 were deprecated by RFC 8996 (2021): they rely on SHA-1 and CBC constructions with known attacks (BEAST, POODLE-TLS), fail PCI DSS, and make SSL Labs cap the grade. SSLv2/SSLv3 are broken outright (DROWN, POODLE). Every browser in use speaks TLS 1.2.',
  fix: 'Set `ssl_protocols TLSv1.2 TLSv1.3;` in the http block (or each TLS server), as the Mozilla SSL Configuration Generator\'s "intermediate" profile does.',
  references: [
    { title: 'nginx: ssl_protocols', url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_protocols' },
    { title: 'Mozilla SSL Configuration Generator', url: 'https://ssl-config.mozilla.org/' },
    { title: 'Mozilla Server Side TLS guidelines', url: 'https://wiki.mozilla.org/Security/Server_Side_TLS' },
    { title: 'RFC 8996: Deprecating TLS 1.0 and TLS 1.1', url: 'https://www.rfc-editor.org/rfc/rfc8996' },
  ],
  verify: 'openssl s_client -connect <your-domain>:443 -tls1_1 </dev/null 2>&1 | grep -E "Protocol|alert"   # expect a handshake failure',
  messages: {
    weak: '`ssl_protocols {value}` enables {weak} for {servers}.',
    oldDefault: 'ssl_protocols is not set for {server}, and {image} predates nginx 1.23.4, whose default still enables TLSv1 and TLSv1.1.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    const byDirective = new Map<NginxDirective, Server[]>();
    const fail = (d: NginxDirective, servers: string) => {
      const weak = d.args.filter((a) => WEAK_PROTOCOLS.includes(a));
      ctx.fail('weak', {
        at: d.loc,
        also: d.includedFrom ? [d.includedFrom] : [],
        target: `${d.loc.file}#ssl_protocols`,
        severity: weak.some((w) => w.startsWith('SSL')) ? 'high' : 'medium',
        data: { value: d.args.join(' '), weak: weak.join(' and '), servers },
      });
    };
    let judged = 0;
    for (const server of scope.servers.filter((s) => s.tls)) {
      judged++;
      const l = lookup(server.config, server.level, 'ssl_protocols');
      const d = lastOf(l);
      if (d) {
        if (d.args.some((a) => WEAK_PROTOCOLS.includes(a))) byDirective.set(d, [...(byDirective.get(d) ?? []), server]);
        else ctx.pass(server.target, `ssl_protocols ${d.args.join(' ')}`);
        continue;
      }
      if (l.opaque.length > 0) {
        ctx.unknown(server.target, `ssl_protocols is not set in the repository, but ${l.opaque.map((i) => `include ${i.args[0]}`).join(', ')} is not in the repository and may set it`);
        continue;
      }
      // Not set: nginx's compiled-in default applies (the official image's nginx.conf does not set it).
      const images = productionLinks(serviceLinks(server.config, facts)).map((link) => ({ link, image: nginxImage(link, facts) }));
      const image = images.find((i) => i.image)?.image ?? null;
      if (!image) {
        ctx.unknown(
          server.target,
          "ssl_protocols is not set; nginx's default depends on its version (TLSv1.2 TLSv1.3 since 1.23.4) and, for distribution packages, on the stock nginx.conf (Debian and Ubuntu enable TLSv1 and TLSv1.1 there), neither of which is in the repository",
        );
      } else if (!image.version || versionAtLeast(image.version, MODERN_DEFAULT)) {
        ctx.pass(server.target, `ssl_protocols is not set and ${image.ref} is nginx >= 1.23.4, whose default is TLSv1.2 TLSv1.3`);
      } else {
        ctx.fail('oldDefault', { at: server.anchor, target: server.target, severity: 'low', data: { server: server.label, image: image.ref } });
      }
    }
    for (const [d, servers] of byDirective) fail(d, servers.map((s) => s.label).join(', '));
    // Snippets nobody includes (ssl-params.conf) are judged on what they set.
    for (const f of scope.fragments) {
      const d = lastOf(lookup(f, fragmentLevel(f), 'ssl_protocols'));
      if (!d) continue;
      judged++;
      if (d.args.some((a) => WEAK_PROTOCOLS.includes(a))) fail(d, `the servers that include ${f.path}`);
      else ctx.pass(f.path, `ssl_protocols ${d.args.join(' ')}`);
    }
    if (judged === 0) ctx.notApplicable('no nginx server block listens with TLS');
  },
});
