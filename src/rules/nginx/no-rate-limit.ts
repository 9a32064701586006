// The app (above all its login and API) should be rate-limited: limit_req in nginx, or throttling in the app.
import { defineRule } from '../../core/define-rule.js';
import type { NginxDirective } from '../../facts/scripts.js';
import { appRateLimit } from './_app.js';
import { locationLabel, lookup, proxiedLocations, walk } from './_nginx.js';
import { judgedAppServers } from './_scope.js';

/** Locations where guessing and scraping hurt most. */
const SENSITIVE = /(login|signin|sign-in|logon|auth|token|password|passwd|reset|register|signup|otp|2fa|admin|api)/i;
/** Among those, the ones where password guessing happens: reported before an unlimited /api. */
const CREDENTIALS = /(login|signin|sign-in|logon|auth|token|password|passwd|reset|register|signup|otp|2fa|admin)/i;
/**
 * Directives that throttle clients. limit_conn caps concurrent connections per key rather than the request
 * rate, but on a long-lived (streaming, SSE) location it is the fitting limit and bounds the same abuse.
 */
const THROTTLE = ['limit_req', 'limit_conn'];

export default defineRule({
  id: 'nginx/no-rate-limit',
  title: 'No request rate limiting in front of the app',
  category: 'security',
  severity: 'low',
  requires: ['nginx', 'django'],
  why: "Without limit_req any client can send requests as fast as the network allows: password guessing on the login and admin, token and password-reset brute force, API scraping, and simple floods that tie up every Gunicorn worker — Django's own views have no built-in throttling.",
  fix: 'Define a zone in the http block (`limit_req_zone $binary_remote_addr zone=app:10m rate=10r/s;`, a stricter one such as `rate=5r/m` for logins) and apply it where the app is proxied (`limit_req zone=app burst=20 nodelay;`, and the strict zone in `location /accounts/login/` and `/admin/login/`); or throttle in the app (django-axes, django-ratelimit, DRF throttling).',
  references: [
    { title: 'nginx: ngx_http_limit_req_module', url: 'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html' },
    { title: 'OWASP Authentication Cheat Sheet: login throttling', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html' },
    { title: 'OWASP API Security: unrestricted resource consumption', url: 'https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/' },
  ],
  verify: "for i in $(seq 1 50); do curl -s -o /dev/null -w '%{http_code}\\n' https://<your-domain>/admin/login/; done | sort | uniq -c   # expect some 429 or 503",
  messages: {
    none: '{server} proxies to the app without any limit_req or limit_conn, and the app has no throttling of its own.',
    unusedZone: '`limit_req_zone` defines zone "{zone}", but no limit_req uses it for {server}: the app is not rate-limited.',
    sensitive: '{location} of {server} has no limit_req or limit_conn while other locations are rate-limited.',
  },
  check(facts, ctx) {
    const judged = judgedAppServers(facts, ctx);
    if (!judged) return;
    const { servers } = judged;
    const app = appRateLimit(facts);
    for (const server of servers) {
      if (app && 'label' in app) {
        ctx.pass(server.target, app.label);
        continue;
      }
      const proxied = proxiedLocations(server.config, server);
      const judged = proxied.map((p) => ({ p, l: lookup(server.config, p.level, THROTTLE) }));
      const limited = judged.filter((j) => j.l.found.length > 0);
      const opaque = judged.some((j) => j.l.found.length === 0 && j.l.opaque.length > 0);
      if (limited.length === 0) {
        if (opaque) {
          ctx.unknown(server.target, 'no limit_req or limit_conn in the repository, but an include outside the repository may set one');
          continue;
        }
        const zone: NginxDirective | undefined = walk(server.config.directives).find((d) => d.name === 'limit_req_zone');
        const zoneName = zone?.args.find((a) => a.startsWith('zone='))?.slice(5).split(':')[0];
        if (zone && zoneName) ctx.fail('unusedZone', { at: zone.loc, also: [server.anchor], target: server.target, data: { zone: zoneName, server: server.label } });
        else if (app) ctx.unknown(server.target, `no limit_req or limit_conn in the repository; ${app.unknown}`);
        else ctx.fail('none', { at: server.anchor, target: server.target, data: { server: server.label } });
        continue;
      }
      const gaps = judged.filter((j) => j.l.found.length === 0 && j.l.opaque.length === 0 && j.p.location && SENSITIVE.test(j.p.location.path));
      // Report the login/admin location when there is one: an unlimited /api first in the file is the lesser gap.
      const gap = gaps.find((j) => CREDENTIALS.test(j.p.location!.path)) ?? gaps[0];
      if (gap && gap.p.location) {
        ctx.fail('sensitive', { at: gap.p.location.node.loc, target: `${server.target} ${locationLabel(gap.p.location)}`, data: { location: locationLabel(gap.p.location), server: server.label } });
      } else {
        const by = limited[0].l.found[0];
        ctx.pass(server.target, `${by.name} applies (${by.loc.file}:${by.loc.line})`);
      }
    }
  },
});
