// Rule: no packet filter is active on the host (ufw inactive, no nftables or iptables input rules).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, need, target } from './_shared.js';

export default defineRule({
  id: 'host/firewall-inactive',
  title: 'No firewall is active on the server',
  category: 'security',
  severity: 'high',
  requires: ['host'],
  why: 'Without a default-deny firewall every service that binds to a public interface — a database after a config change, a debug server, an admin port — is reachable from the internet.',
  fix: 'Enable a default-deny policy that allows only SSH, HTTP and HTTPS: `ufw default deny incoming && ufw allow OpenSSH && ufw allow 80,443/tcp && ufw enable` (or the equivalent nftables ruleset).',
  references: [
    { title: 'Ubuntu Server: Firewalls (ufw)', url: 'https://documentation.ubuntu.com/server/how-to/security/firewalls/' },
    { title: 'Debian wiki: nftables', url: 'https://wiki.debian.org/nftables' },
  ],
  verify: 'sudo ufw status verbose   # Status: active, Default: deny (incoming)',
  messages: { inactive: 'No firewall filters incoming traffic on {host}: {summary}.' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const fw = need(ctx, h, h.firewall, 'firewall');
      if (!fw) return;
      if (fw.active) return ctx.pass(target(h, 'firewall'), fw.summary);
      ctx.fail('inactive', { at: h.firewall.proof[0], also: h.firewall.proof.slice(1), target: target(h, 'firewall'), data: { host: h.name, summary: fw.summary } });
    });
  },
});
