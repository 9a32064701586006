// Rule: security updates are pending (apt simulation against the host's current package lists).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, need, target } from './_shared.js';

export default defineRule({
  id: 'host/security-updates',
  title: 'Security updates are pending',
  category: 'security',
  severity: 'medium',
  requires: ['host'],
  why: 'Published security fixes that are not installed are the easiest way in: exploits for OpenSSH, OpenSSL, nginx or the kernel appear days after the advisory.',
  fix: 'Install them (`apt-get update && apt-get upgrade`) in a maintenance window and enable unattended-upgrades for the security archive.',
  references: [
    { title: 'Debian wiki: UnattendedUpgrades', url: 'https://wiki.debian.org/UnattendedUpgrades' },
    { title: 'Ubuntu Server: Automatic updates', url: 'https://documentation.ubuntu.com/server/how-to/software/automatic-updates/' },
  ],
  verify: 'apt list --upgradable 2>/dev/null | grep -c -- -security   # 0',
  messages: { pending: '{count} security update(s) pending on {host} ({packages}).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const u = need(ctx, h, h.updates, 'security updates');
      if (!u) return;
      const where = target(h, 'security updates');
      if (u.security.length === 0) return ctx.pass(where, `${u.pending} update(s) pending, none from the security archive (package lists as last fetched on the host)`);
      const proof = h.updates.proof[0];
      const lines = proof.output.split('\n').filter((l) => /^[^/\s]+\/\S*-security\b/.test(l));
      const shown = lines.slice(0, 10);
      if (lines.length > shown.length) shown.push(`… (${lines.length - shown.length} more)`);
      const packages = u.security.slice(0, 5).join(', ') + (u.security.length > 5 ? ', …' : '');
      ctx.fail('pending', { at: focus(proof, shown), target: where, severity: u.security.length >= 10 ? 'high' : 'medium', data: { count: u.security.length, host: h.name, packages } });
    });
  },
});
