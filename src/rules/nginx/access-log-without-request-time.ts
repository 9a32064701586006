// The access log should record $request_time so latency can be measured from the logs.
import { defineRule } from '../../core/define-rule.js';
import type { NginxConfig, NginxDirective } from '../../facts/scripts.js';
import { lookup, walk, type Server } from './_nginx.js';
import { contentServers, nginxScope, noNginxReason } from './_scope.js';

const TIMING = /\$(request_time|upstream_response_time)\b/;

/** The format an access_log directive uses: its second argument unless that is a parameter (buffer=, if=...). */
function formatOf(d: NginxDirective): string {
  const f = d.args[1];
  return f && !f.includes('=') ? f : 'combined';
}

export default defineRule({
  id: 'nginx/access-log-without-request-time',
  title: 'nginx access log does not record request time',
  category: 'monitoring',
  severity: 'low',
  requires: ['nginx'],
  why: "nginx's default `combined` format (and the official image's `main`) records no timing: when the app gets slow there is no record of which URLs were slow, since when, or whether the time was spent in Django ($upstream_response_time) or in nginx — latency percentiles and slow-endpoint alerts cannot be built from the logs.",
  fix: 'Define a log_format that adds `$request_time` and `$upstream_response_time` (e.g. `log_format timed \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time urt=$upstream_response_time\';`) and use it: `access_log /var/log/nginx/access.log timed;`.',
  references: [
    { title: 'nginx: log_format and access_log', url: 'https://nginx.org/en/docs/http/ngx_http_log_module.html#log_format' },
    { title: 'nginx: $request_time', url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#var_request_time' },
    { title: 'nginx: $upstream_response_time', url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#var_upstream_response_time' },
  ],
  verify: "nginx -T 2>/dev/null | grep -E 'log_format|access_log'   # expect the access_log format to contain $request_time",
  messages: {
    noTiming: '`access_log` for {servers} uses the format "{format}", which has no $request_time.',
    defaultFormat: "access_log is not set for {servers}{where}: nginx logs in the {format} format, which has no $request_time.",
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    // Redirect-only and catch-all servers serve nothing whose latency matters.
    const servers = contentServers(scope);
    if (servers.length === 0) {
      ctx.notApplicable('no nginx server block serves content (only redirects or returns)');
      return;
    }
    const formats = new Map<string, NginxDirective>();
    for (const c of scope.configs) for (const d of walk(c.directives)) if (d.name === 'log_format' && d.args[0]) formats.set(`${c.path}#${d.args[0]}`, d);
    const formatIn = (config: NginxConfig, name: string): NginxDirective | null =>
      formats.get(`${config.path}#${name}`) ?? [...formats.entries()].find(([k]) => k.endsWith(`#${name}`))?.[1] ?? null;

    const byDirective = new Map<NginxDirective, { servers: Server[]; format: string }>();
    const unset = new Map<NginxConfig, { servers: Server[]; stock: boolean }>();
    for (const server of servers) {
      const l = lookup(server.config, server.level, 'access_log');
      if (l.found.length > 0) {
        if (l.found.some((d) => d.args[0] === 'off')) {
          ctx.pass(server.target, 'access logging is off for this server');
          continue;
        }
        const stockBelow = underStock(server);
        const verdicts = l.found.map((d) => {
          const format = formatOf(d);
          if (format === 'combined') return { d, format, state: 'bad' as const };
          const def = formatIn(server.config, format);
          if (def) return { d, format, state: TIMING.test(def.args.slice(1).join(' ')) ? ('good' as const) : ('bad' as const) };
          // The official image's nginx.conf defines "main" without any timing.
          if (format === 'main' && stockBelow) return { d, format: 'main (the official image\'s)', state: 'bad' as const };
          return { d, format, state: 'unknown' as const };
        });
        const unknown = verdicts.find((v) => v.state === 'unknown');
        if (verdicts.some((v) => v.state === 'good')) {
          ctx.pass(server.target, 'the access log format records $request_time');
        } else if (unknown) {
          ctx.unknown(server.target, `log_format "${unknown.format}" is not defined in the repository's nginx files (it may come from a stock nginx.conf or an include)`);
        } else {
          for (const v of verdicts) {
            const entry = byDirective.get(v.d) ?? { servers: [], format: v.format };
            entry.servers.push(server);
            byDirective.set(v.d, entry);
          }
        }
        continue;
      }
      if (l.opaque.length > 0) {
        ctx.unknown(server.target, `access_log is not set in the repository, but ${l.opaque.map((i) => `include ${i.args[0]}`).join(', ')} is not in the repository and may set it`);
        continue;
      }
      const entry = unset.get(server.config) ?? { servers: [], stock: l.unseen };
      entry.servers.push(server);
      unset.set(server.config, entry);
    }
    for (const [d, { servers, format }] of byDirective) {
      ctx.fail('noTiming', { at: d.loc, also: d.includedFrom ? [d.includedFrom] : [], target: servers[0].target, data: { servers: list(servers), format } });
    }
    for (const { servers, stock } of unset.values()) {
      ctx.fail('defaultFormat', {
        at: servers[0].anchor,
        target: servers[0].target,
        data: {
          servers: list(servers),
          where: stock ? ' (it inherits the stock nginx.conf of the image or distribution)' : '',
          format: stock ? '"main" (official image) or "combined" (Debian/Ubuntu)' : '"combined"',
        },
      });
    }
  },
});

/** The server's http level is included into an nginx.conf that is not in the repository. */
function underStock(server: Server): boolean {
  for (let l = server.level.parent; l; l = l.parent) if (l.unseen) return true;
  return false;
}

function list(servers: Server[]): string {
  const names = servers.map((s) => s.label);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
