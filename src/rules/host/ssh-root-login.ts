// Rule: sshd lets root log in with a password (PermitRootLogin yes).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, need, target } from './_shared.js';
import { settingProof } from './ssh-password-auth.js';

export default defineRule({
  id: 'host/ssh-root-login',
  title: 'SSH allows root to log in with a password',
  category: 'security',
  severity: 'high',
  requires: ['host'],
  why: '"root" is the one account name every attacker knows: with PermitRootLogin yes, guessing its password is all it takes to own the server, and root logins leave no trace of who logged in.',
  fix: 'Log in as a named user with sudo; set `PermitRootLogin no` (or `prohibit-password` if automation must use root with a key) and reload sshd.',
  references: [
    { title: 'sshd_config(5): PermitRootLogin', url: 'https://man.openbsd.org/sshd_config#PermitRootLogin' },
    { title: 'Mozilla OpenSSH guidelines', url: 'https://infosec.mozilla.org/guidelines/openssh' },
  ],
  verify: 'sudo sshd -T | grep ^permitrootlogin   # no (or prohibit-password)',
  messages: { rootLogin: 'sshd on {host} allows root logins with a password (PermitRootLogin {value}).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      if (h.sshd.ok && h.sshd.value === null) return ctx.notApplicable(`no sshd is installed on ${h.name}`);
      const s = need(ctx, h, h.sshd, 'sshd');
      if (!s) return;
      const where = target(h, 'sshd PermitRootLogin');
      const proof = settingProof(h, 'permitRootLogin');
      if (s.permitRootLogin === null) ctx.unknown(where, 'PermitRootLogin was not in the sshd output');
      else if (s.permitRootLogin === 'yes' && proof) ctx.fail('rootLogin', { at: proof, target: where, data: { host: h.name, value: s.permitRootLogin } });
      else ctx.pass(where, `PermitRootLogin ${s.permitRootLogin}`);
    });
  },
});
