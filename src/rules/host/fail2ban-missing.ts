// Rule: no fail2ban jail protects sshd (not installed, not running, or no sshd jail).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, need, target } from './_shared.js';

export default defineRule({
  id: 'host/fail2ban-missing',
  title: 'No fail2ban jail protects SSH',
  category: 'security',
  severity: 'medium',
  requires: ['host'],
  why: 'Without rate limiting, brute-force attempts against SSH (and the admin login) run unthrottled; with password authentication on, that is a matter of time.',
  fix: 'Install fail2ban and enable the sshd jail (`apt install fail2ban`; `[sshd] enabled = true` in /etc/fail2ban/jail.local), or restrict SSH to known addresses in the firewall.',
  references: [
    { title: 'fail2ban', url: 'https://github.com/fail2ban/fail2ban' },
    { title: 'Debian wiki: fail2ban', url: 'https://wiki.debian.org/fail2ban' },
  ],
  verify: 'sudo fail2ban-client status sshd   # Currently banned / Total failed listed',
  messages: { missing: 'SSH on {host} is not protected by fail2ban: {state}.' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      if (h.sshd.ok && h.sshd.value === null) return ctx.notApplicable(`no sshd is installed on ${h.name}`);
      const f = need(ctx, h, h.fail2ban, 'fail2ban');
      if (!f) return;
      const where = target(h, 'fail2ban sshd');
      const state = !f.installed ? 'fail2ban is not installed' : !f.running ? 'fail2ban is installed but not running' : !f.jails.some((j) => /ssh/.test(j)) ? `no sshd jail (jails: ${f.jails.join(', ') || 'none'})` : null;
      if (!state) return ctx.pass(where, `jails: ${f.jails.join(', ')}`);
      // Password logins make brute force a real risk; with keys only, it is log noise and resource use.
      const passwords = h.sshd.ok && h.sshd.value?.passwordAuthentication === 'yes';
      ctx.fail('missing', { at: h.fail2ban.proof[0], target: where, severity: passwords ? 'medium' : 'low', data: { host: h.name, state } });
    });
  },
});
