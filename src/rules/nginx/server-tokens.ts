// nginx announces its exact version in the Server header and error pages unless server_tokens is off.
import { defineRule } from '../../core/define-rule.js';
import type { NginxDirective } from '../../facts/scripts.js';
import { fragmentReason, lastOf, lookup, walk, type Server } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';

export default defineRule({
  id: 'nginx/server-tokens',
  title: 'nginx reveals its version (server_tokens not off)',
  category: 'security',
  severity: 'low',
  requires: ['nginx'],
  why: "With server_tokens on (nginx's default) every response carries `Server: nginx/1.x.y` and error pages print the version: scanners match it against known CVEs and pick the exploits that fit, without any probing.",
  fix: 'Set `server_tokens off;` in the http block of nginx.conf (or in each server block when only conf.d files are under your control).',
  references: [
    { title: 'nginx: server_tokens', url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens' },
    { title: 'OWASP HTTP Headers Cheat Sheet: Server', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#server' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i "^server:"   # expect "Server: nginx" without a version',
  messages: {
    on: '`server_tokens {value}` applies to {servers}: responses and error pages show the nginx version.',
    unset: 'server_tokens is not set for {servers}{stock}: nginx defaults to on and shows its version.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    for (const f of scope.fragments) ctx.unknown(f.path, fragmentReason(f));
    if (scope.servers.length === 0 && scope.fragments.length === 0) ctx.notApplicable('no server block in the nginx configs');
    // One finding per offending directive, and one per config for the absence: the fix is one line each.
    const byDirective = new Map<NginxDirective, Server[]>();
    const unsetByConfig = new Map<string, { servers: Server[]; stock: boolean }>();
    for (const server of scope.servers) {
      // headers-more's more_clear_headers Server hides the header whatever server_tokens says.
      if (walk(server.config.directives).some((d) => d.name === 'more_clear_headers' && d.args.some((a) => /^server$/i.test(a)))) {
        ctx.pass(server.target, 'more_clear_headers removes the Server header');
        continue;
      }
      const l = lookup(server.config, server.level, 'server_tokens');
      const d = lastOf(l);
      if (d && d.args[0] === 'off') {
        ctx.pass(server.target);
      } else if (d) {
        byDirective.set(d, [...(byDirective.get(d) ?? []), server]);
      } else if (l.opaque.length > 0) {
        ctx.unknown(server.target, `server_tokens is not set in the repository's files, but ${l.opaque.map((i) => `include ${i.args[0]}`).join(', ')} is not in the repository and may set it`);
      } else {
        const entry = unsetByConfig.get(server.config.path) ?? { servers: [], stock: l.unseen };
        entry.servers.push(server);
        unsetByConfig.set(server.config.path, entry);
      }
    }
    for (const [d, servers] of byDirective) {
      ctx.fail('on', { at: d.loc, also: d.includedFrom ? [d.includedFrom] : [], target: servers[0].target, data: { value: d.args.join(' '), servers: list(servers) } });
    }
    for (const { servers, stock } of unsetByConfig.values()) {
      const http = servers[0].level.parent?.node;
      ctx.fail('unset', {
        at: http && http.name === 'http' ? { ...http.loc, endLine: http.loc.line } : servers[0].anchor,
        also: http && http.name === 'http' ? [servers[0].anchor] : [],
        target: servers[0].target,
        data: { servers: list(servers), stock: stock ? ' (nor in the stock nginx.conf this file is included into)' : '' },
      });
    }
  },
});

function list(servers: Server[]): string {
  const names = servers.map((s) => s.label);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
