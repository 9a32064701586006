// An add_header in a location (or `if`) silently drops every add_header of the enclosing levels, security headers included.
import { defineRule } from '../../core/define-rule.js';
import { djangoSendsHeader, type Answer } from './_app.js';
import { HEADER_NAMES, headersAt } from './_headers.js';
import { fragmentLevel, lastOf, locationLabel, locationsOf, lookup, opaqueIncludes, passesOf, SECURITY_HEADERS, type Level } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';

export default defineRule({
  id: 'nginx/add-header-inheritance',
  title: "A location's own add_header drops the server's security headers",
  category: 'security',
  severity: 'medium',
  requires: ['nginx', 'django'],
  why: 'nginx inherits add_header directives from the enclosing level only when the current level has none: one `add_header Cache-Control ...` in `location /static/` (or an `if`) silently removes HSTS, X-Frame-Options, X-Content-Type-Options and CSP from every response of that location, while the configuration looks protected.',
  fix: 'Repeat the security headers in every block that has its own add_header — most simply by keeping them in a snippet (`include snippets/security-headers.conf;`) included in the server block and in each such location — or, on nginx 1.29.3+, set `add_header_inherit merge;`.',
  references: [
    { title: 'nginx: add_header (inheritance)', url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header' },
    { title: 'nginx: add_header_inherit', url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header_inherit' },
    { title: 'Gixy: add_header redefinition', url: 'https://github.com/yandex/gixy/blob/master/docs/en/plugins/addheaderredefinition.md' },
    { title: 'OWASP HTTP Headers Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI https://<your-domain>{path} | grep -iE "strict-transport|x-frame|x-content-type|content-security"   # expect the same headers as on /',
  messages: {
    dropped: '{block} has its own add_header, so it drops {dropped} set at {parent}.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    const roots = [
      ...scope.servers.map((s) => ({ config: s.config, level: s.level, target: s.target })),
      ...scope.fragments.map((f) => ({ config: f, level: fragmentLevel(f), target: f.path })),
    ];
    if (roots.length === 0) {
      ctx.notApplicable('no server block in the nginx configs');
      return;
    }
    const django = new Map<string, Answer>();
    const fromDjango = (h: string): Answer => {
      if (!django.has(h)) django.set(h, djangoSendsHeader(facts, h, facts));
      return django.get(h)!;
    };
    const seen = new Set<string>();
    for (const root of roots) {
      let redefinitions = 0;
      for (const loc of locationsOf(root.config, root.level, true)) {
        const own = loc.level.list.filter((d) => d.name === 'add_header');
        if (own.length === 0) continue;
        // An `if` that returns answers right there (a CORS preflight's 204): nothing else is served from it.
        if (loc.node.name === 'if' && loc.level.list.some((d) => d.name === 'return')) continue;
        redefinitions++;
        const key = `${own[0].loc.file}:${own[0].loc.line}:${root.target}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const target = `${root.target} ${locationLabel(loc)}`;
        const inherit = lastOf(lookup(root.config, loc.level, 'add_header_inherit'));
        if (inherit && (inherit.args[0] === 'merge' || inherit.args[0] === 'off')) {
          ctx.pass(target, `add_header_inherit ${inherit.args[0]}`);
          continue;
        }
        const parent = headersAt(root.config, loc.level.parent as Level);
        const mine = headersAt(root.config, loc.level).headers;
        const dropped = [...parent.headers.keys()].filter((h) => SECURITY_HEADERS.includes(h) && !mine.has(h));
        if (dropped.length === 0) {
          ctx.pass(target, 'it repeats the security headers of the enclosing level');
          continue;
        }
        // Django adds its own headers to the responses of proxied locations.
        const proxied = passesOf(loc.level).length > 0;
        const unsure: string[] = [];
        const gaps = dropped.filter((h) => {
          if (!proxied) return true;
          const a = fromDjango(h);
          if (a.state === 'unknown') unsure.push(h);
          return a.state === 'no';
        });
        const opaque = opaqueIncludes(root.config, loc.level);
        if (gaps.length === 0 || opaque.length > 0) {
          if (unsure.length > 0 || opaque.length > 0) {
            ctx.unknown(
              target,
              opaque.length > 0
                ? `${opaque.map((d) => `include ${d.args[0]}`).join(', ')} is not in the repository and may repeat the headers`
                : `it drops ${unsure.map((h) => HEADER_NAMES[h]).join(', ')}, and whether Django sends them could not be told`,
            );
          } else {
            ctx.pass(target, 'Django sends the dropped headers on these proxied responses');
          }
          continue;
        }
        const parentDirective = parent.headers.get(gaps[0]);
        const path = loc.node.name === 'location' ? loc.path.replace(/^[\^=~*\s]+/, '') : '/';
        ctx.fail('dropped', {
          at: own[0].loc,
          also: parentDirective ? [parentDirective.loc] : [],
          target,
          // HSTS is a host-wide policy that the other responses still set; losing it on some files matters little.
          severity: gaps.every((h) => h === 'strict-transport-security') ? 'low' : 'medium',
          data: {
            block: loc.node.name === 'location' ? locationLabel(loc) : `if (${loc.path})`,
            dropped: gaps.map((h) => HEADER_NAMES[h] ?? h).join(', '),
            parent: parentDirective ? `${parentDirective.loc.file}:${parentDirective.loc.line}` : 'the enclosing level',
            path: /^[\w/.-]*$/.test(path) ? path : '/',
          },
        });
      }
      // Otherwise each redefinition reported its own result.
      if (redefinitions === 0) ctx.pass(root.target, 'no location or if block redefines add_header');
    }
  },
});
