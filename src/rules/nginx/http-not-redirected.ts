// The plain-HTTP server must redirect to HTTPS (ACME challenges and health checks aside), not serve the app.
import { defineRule } from '../../core/define-rule.js';
import { djangoRedirectsToHttps } from './_app.js';
import { tlsElsewhere } from './_deploy.js';
import { ACME_PATH, conditionalHttpsRedirect, HEALTH_PATH, isHttpsRedirect, locationLabel, proxiedLocations, returnOf, type Server } from './_nginx.js';
import { instanceServers, nginxScope, noNginxReason, onlyReturns } from './_scope.js';

export default defineRule({
  id: 'nginx/http-not-redirected',
  title: 'Port 80 serves the app instead of redirecting to HTTPS',
  category: 'security',
  severity: 'high',
  requires: ['nginx', 'django'],
  why: 'A TLS server exists, but the plain-HTTP server also proxies to the app: users who type the bare domain or follow an http:// link stay on HTTP, sending passwords and session cookies in clear text, and HSTS can never be picked up from that first response.',
  fix: 'Make the port-80 server only answer ACME challenges and redirect everything else: `location /.well-known/acme-challenge/ { root /var/www/certbot; } location / { return 301 https://$host$request_uri; }`.',
  references: [
    { title: 'nginx: return', url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return' },
    { title: 'Mozilla SSL Configuration Generator (HTTP to HTTPS redirect)', url: 'https://ssl-config.mozilla.org/' },
    { title: 'Django deployment checklist: HTTPS', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#https' },
  ],
  verify: "curl -s -o /dev/null -w '%{http_code} %{redirect_url}\\n' http://{host}/   # expect 301 https://...",
  messages: {
    served: '{server} proxies {where} to the app over plain HTTP instead of redirecting to https://, and Django does not redirect either ({django}).',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    let judged = 0;
    let django: ReturnType<typeof djangoRedirectsToHttps> | null = null;
    for (const config of scope.configs) {
      const servers = scope.servers.filter((s) => s.config === config);
      const hasTls = instanceServers(scope, config).some((s) => s.tls);
      for (const server of servers) {
        const plain = server.listens.filter((l) => !l.ssl && !l.quic && l.port === 80);
        if (plain.length === 0) continue;
        if (!hasTls) {
          const front = tlsElsewhere(config, facts);
          if (front) {
            judged++;
            ctx.pass(server.target, `TLS is terminated in front of nginx (${front.label}): this is the inner hop`);
          }
          // Otherwise there is no HTTPS to redirect to: nginx/no-tls-listener reports it.
          continue;
        }
        judged++;
        const verdict = judgeServer(server);
        if (verdict.ok) {
          ctx.pass(server.target, verdict.reason);
          continue;
        }
        django ??= djangoRedirectsToHttps(facts);
        if (django.state === 'yes') {
          ctx.pass(server.target, `it proxies to the app over HTTP, but ${django.how}`);
        } else if (django.state === 'unknown' && facts.django.length > 0) {
          ctx.unknown(server.target, `${server.label} proxies to the app over HTTP; whether Django redirects to HTTPS could not be told: ${django.reason}`);
        } else {
          const first = verdict.passes[0];
          ctx.fail('served', {
            at: first.loc,
            also: server.tls && plain[0].directive ? [plain[0].directive.loc] : [server.anchor],
            target: server.target,
            data: {
              server: server.label,
              where: verdict.where,
              django: django.state === 'no' ? django.how : 'no Django settings in the repository',
              host: server.names.find((n) => n.includes('.') && !n.startsWith('~')) ?? '<your-domain>',
            },
          });
        }
      }
    }
    if (judged === 0) ctx.notApplicable('no plain-HTTP server block next to a TLS one (a config without TLS is reported by nginx/no-tls-listener)');
  },
});

/** Whether a port-80 server only redirects (ACME challenges and health checks aside). */
function judgeServer(server: Server): { ok: true; reason: string } | { ok: false; passes: { loc: import('../../core/types/located.js').SourceLoc }[]; where: string } {
  const ret = returnOf(server.level);
  if (ret) return { ok: true, reason: isHttpsRedirect(ret) ? 'the server redirects to https' : `the server answers every request with return ${ret.args.join(' ')}` };
  if (onlyReturns(server)) return { ok: true, reason: 'every location answers with a return' };
  const conditional = conditionalHttpsRedirect(server.level);
  if (conditional) return { ok: true, reason: `plain-HTTP requests are redirected (${conditional.loc.file}:${conditional.loc.line})` };
  const served = proxiedLocations(server.config, server).filter((p) => {
    if (!p.location) return true;
    if (ACME_PATH.test(p.location.path) || HEALTH_PATH.test(p.location.path)) return false;
    return !p.level.list.some(isHttpsRedirect);
  });
  if (served.length === 0) return { ok: true, reason: 'it redirects to https (only ACME challenges or health checks are served over HTTP)' };
  const where = served.map((p) => (p.location ? locationLabel(p.location) : 'the server block')).join(', ');
  return { ok: false, passes: served.map((p) => p.pass), where };
}
