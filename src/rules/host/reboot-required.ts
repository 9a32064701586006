// Rule: installed updates wait for a reboot (/var/run/reboot-required exists).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, need, target } from './_shared.js';

export default defineRule({
  id: 'host/reboot-required',
  title: 'The server needs a reboot to apply updates',
  category: 'security',
  severity: 'low',
  requires: ['host'],
  why: 'Kernel and core library fixes are installed but not in effect until the reboot: the host still runs the vulnerable versions.',
  fix: 'Reboot in a maintenance window (check that every service comes back: `systemctl --failed`), or configure unattended-upgrades to reboot at a quiet hour.',
  references: [
    { title: 'Ubuntu Server: Automatic updates (reboots)', url: 'https://documentation.ubuntu.com/server/how-to/software/automatic-updates/' },
    { title: 'Debian wiki: UnattendedUpgrades', url: 'https://wiki.debian.org/UnattendedUpgrades' },
  ],
  verify: 'ls /var/run/reboot-required   # No such file or directory',
  messages: { reboot: '{host} has updates waiting for a reboot (/var/run/reboot-required).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const u = need(ctx, h, h.updates, 'reboot required');
      if (!u) return;
      const proof = h.updates.proof.find((p) => p.command.includes('reboot-required'));
      if (u.rebootRequired && proof) ctx.fail('reboot', { at: proof, target: target(h, 'reboot'), data: { host: h.name } });
      else ctx.pass(target(h, 'reboot'), 'no reboot pending');
    });
  },
});
