// ssl_ciphers must not let weak suites through (RC4, DES, 3DES, MD5, NULL, EXPORT, or anonymous suites not excluded).
import { defineRule } from '../../core/define-rule.js';
import type { NginxDirective } from '../../facts/scripts.js';
import { fragmentLevel, lastOf, lookup, type Server } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';
import { WEAK_FAMILIES, weakCipherFamilies } from './_tls.js';

export default defineRule({
  id: 'nginx/weak-ciphers',
  title: 'nginx cipher list lets weak ciphers through',
  category: 'security',
  severity: 'medium',
  requires: ['nginx'],
  why: 'A cipher string that includes RC4, DES/3DES, MD5, NULL or EXPORT suites lets a client (or an attacker downgrading one) negotiate encryption that can be broken or is absent (RC4 biases, Sweet32 on 3DES, FREAK/Logjam on EXPORT); anonymous (aNULL) suites skip server authentication entirely and are flagged by every TLS scanner.',
  fix: "Use the Mozilla SSL Configuration Generator's intermediate cipher list (ECDHE/DHE with AES-GCM and ChaCha20-Poly1305), or remove ssl_ciphers to get nginx's default `HIGH:!aNULL:!MD5`; when keeping a custom string, append `:!aNULL:!eNULL:!MD5:!RC4:!3DES:!EXPORT`.",
  references: [
    { title: 'nginx: ssl_ciphers', url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ciphers' },
    { title: 'Mozilla SSL Configuration Generator', url: 'https://ssl-config.mozilla.org/' },
    { title: 'Mozilla Server Side TLS guidelines', url: 'https://wiki.mozilla.org/Security/Server_Side_TLS' },
    { title: 'OWASP Transport Layer Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  verify: 'nmap --script ssl-enum-ciphers -p 443 <your-domain>   # expect no RC4, 3DES, NULL, EXPORT or anonymous suites',
  messages: {
    weak: '`ssl_ciphers` for {servers} lets through {families}.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    const byDirective = new Map<NginxDirective, { servers: string[]; families: string[] }>();
    const note = (d: NginxDirective, families: string[], who: string) => {
      const entry = byDirective.get(d) ?? { servers: [], families };
      entry.servers.push(who);
      byDirective.set(d, entry);
    };
    let judged = 0;
    const judge = (d: NginxDirective | null, target: string, who: string, opaque: NginxDirective[], server: Server | null) => {
      if (!d) {
        if (!server) return;
        judged++;
        if (opaque.length > 0) ctx.unknown(target, `ssl_ciphers is not set in the repository, but ${opaque.map((i) => `include ${i.args[0]}`).join(', ')} is not in the repository and may set it`);
        else ctx.pass(target, "ssl_ciphers is not set: nginx's default HIGH:!aNULL:!MD5 applies");
        return;
      }
      judged++;
      const families = weakCipherFamilies(d.args.join(':'));
      if (families.length > 0) note(d, families, who);
      else ctx.pass(target, `ssl_ciphers ${d.args.join(' ')}`);
    };
    for (const server of scope.servers.filter((s) => s.tls)) {
      const l = lookup(server.config, server.level, 'ssl_ciphers');
      judge(lastOf(l), server.target, server.label, l.opaque, server);
    }
    for (const f of scope.fragments) judge(lastOf(lookup(f, fragmentLevel(f), 'ssl_ciphers')), f.path, `the servers that include ${f.path}`, [], null);
    for (const [d, { servers, families }] of byDirective) {
      // Anonymous suites alone are never offered by browsers: scanners flag them, clients do not use them.
      const onlyAnon = families.every((f) => f === 'aNULL');
      ctx.fail('weak', {
        at: d.loc,
        also: d.includedFrom ? [d.includedFrom] : [],
        target: `${d.loc.file}#ssl_ciphers`,
        severity: onlyAnon ? 'low' : 'medium',
        data: { servers: servers.join(', '), families: families.map((f) => (f === 'aNULL' ? `${WEAK_FAMILIES[f]} — add !aNULL` : WEAK_FAMILIES[f])).join(', ') },
      });
    }
    if (judged === 0) ctx.notApplicable('no nginx server block listens with TLS');
  },
});
