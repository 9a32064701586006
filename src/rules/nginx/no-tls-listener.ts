// Some nginx must terminate TLS: a config that serves the app only over plain HTTP, with nothing in front, leaks everything.
import { defineRule } from '../../core/define-rule.js';
import { certbotNginxInstaller, productionLinks, publishedPort, serviceLinks, tlsElsewhere } from './_deploy.js';
import { conditionalHttpsRedirect, proxiedLocations } from './_nginx.js';
import { instanceServers, nginxScope, noNginxReason, onlyReturns } from './_scope.js';

export default defineRule({
  id: 'nginx/no-tls-listener',
  title: 'nginx serves the app over plain HTTP only (no TLS listener)',
  category: 'security',
  severity: 'high',
  requires: ['nginx', 'compose', 'dockerfiles'],
  why: 'Without a TLS listener, passwords, session cookies and CSRF tokens cross the network in clear text: anyone on the same Wi-Fi, a compromised router or the hosting network can read and replay them, and SESSION_COOKIE_SECURE / CSRF_COOKIE_SECURE / HSTS cannot work.',
  fix: 'Add a `listen 443 ssl;` server with a certificate (Let\'s Encrypt via certbot, acme-companion or Traefik/Caddy in front) and make the port-80 server `return 301 https://$host$request_uri;`. If TLS is terminated in front of nginx (load balancer, Cloudflare, a Traefik/Caddy container), keep that visible in the repository (compose service, real_ip configuration) so the setup is documented.',
  references: [
    { title: 'nginx: Configuring HTTPS servers', url: 'https://nginx.org/en/docs/http/configuring_https_servers.html' },
    { title: 'Mozilla SSL Configuration Generator', url: 'https://ssl-config.mozilla.org/' },
    { title: 'Django deployment checklist: HTTPS', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#https' },
    { title: 'OWASP Transport Layer Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI https://{host}/ | head -1   # expect an HTTP status line, not a connection error',
  messages: {
    noTls: '{config} has no TLS server block: {server} serves the app over plain HTTP, and nothing in the repository terminates TLS in front of it.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    let judged = 0;
    for (const config of scope.configs) {
      const servers = scope.servers.filter((s) => s.config === config);
      if (servers.length === 0) continue;
      judged++;
      const tls = instanceServers(scope, config).find((s) => s.tls);
      if (tls) {
        ctx.pass(config.path, `${tls.label} terminates TLS`);
        continue;
      }
      const front = tlsElsewhere(config, facts);
      if (front) {
        ctx.pass(config.path, `TLS is terminated in front of nginx: ${front.label}`);
        continue;
      }
      const app = servers.find((s) => !onlyReturns(s) && !conditionalHttpsRedirect(s.level) && proxiedLocations(config, s).length > 0);
      if (!app) {
        ctx.pass(config.path, 'no plain-HTTP server block proxies to the app');
        continue;
      }
      // certbot's nginx installer adds the TLS server to this very file on the server: the repository keeps the
      // config as it was before the certificate, so what runs in production cannot be read from it.
      const certbot = certbotNginxInstaller(facts);
      if (certbot) {
        ctx.unknown(config.path, `${app.label} listens on plain HTTP only, but ${certbot.label}: certbot's nginx installer adds \`listen 443 ssl\` to the server block on the server`);
        continue;
      }
      const links = productionLinks(serviceLinks(config, facts));
      const published = publishedPort(links, 80);
      const publicName = app.names.some((n) => /\.[a-z]{2,}$/i.test(n) && !/localhost|\.local$|\.test$|\.internal$/i.test(n));
      const listen = app.listens[0]?.directive;
      ctx.fail('noTls', {
        at: listen?.loc ?? app.anchor,
        also: published ? [published] : [],
        target: config.path,
        // Edge evidence (port 80 published to the world, or a public server_name) makes it certain; otherwise a
        // load balancer we cannot see may terminate TLS.
        severity: published || publicName ? 'high' : 'medium',
        data: { config: config.path, server: app.label, host: app.names.find((n) => n.includes('.')) ?? '<your-domain>' },
      });
    }
    if (judged === 0) ctx.notApplicable('no server block in the nginx configs');
  },
});
