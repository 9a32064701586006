// Rule: sshd accepts passwords (PasswordAuthentication yes, the OpenSSH default).
import { defineRule } from '../../core/define-rule.js';
import type { CommandProof } from '../../core/types/proof.js';
import type { HostFacts } from '../../facts/index.js';
import { eachHost, focus, need, target } from './_shared.js';

/** The proof of one sshd setting: the `sshd -T` line, or the config file line (or the note that it is unset). */
export function settingProof(h: HostFacts, key: string): CommandProof | null {
  if (!h.sshd.ok || !h.sshd.value) return null;
  const line = h.sshd.value.lines[key] ?? '';
  const fileLine = /^(\/[^:]+):(\d+): (.*)$/.exec(line);
  const proof =
    h.sshd.value.source === 'sshd -T'
      ? h.sshd.proof.find((p) => / -T$/.test(p.command))
      : h.sshd.proof.find((p) => fileLine && p.command === `cat ${fileLine[1]}`) ?? h.sshd.proof.find((p) => p.command === 'cat /etc/ssh/sshd_config');
  if (!proof) return null;
  return focus(proof, [fileLine ? `${fileLine[3]}   (line ${fileLine[2]})` : line]);
}

export default defineRule({
  id: 'host/ssh-password-auth',
  title: 'SSH accepts password logins',
  category: 'security',
  severity: 'high',
  requires: ['host'],
  why: 'Every server with SSH on the internet receives password guessing around the clock; one weak or reused password gives a shell on the production host. Keys cannot be guessed.',
  fix: 'Log in with keys, then set `PasswordAuthentication no` and `KbdInteractiveAuthentication no` in /etc/ssh/sshd_config.d/ and reload sshd (keep a session open while testing).',
  references: [
    { title: 'sshd_config(5): PasswordAuthentication', url: 'https://man.openbsd.org/sshd_config#PasswordAuthentication' },
    { title: 'Mozilla OpenSSH guidelines', url: 'https://infosec.mozilla.org/guidelines/openssh' },
  ],
  verify: 'sudo sshd -T | grep -E "^(passwordauthentication|kbdinteractiveauthentication)"   # both no',
  messages: { passwords: 'sshd on {host} accepts passwords ({setting} {value}).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      if (h.sshd.ok && h.sshd.value === null) return ctx.notApplicable(`no sshd is installed on ${h.name}`);
      const s = need(ctx, h, h.sshd, 'sshd');
      if (!s) return;
      const where = target(h, 'sshd PasswordAuthentication');
      const proof = settingProof(h, 'passwordAuthentication');
      if (s.passwordAuthentication === 'yes' && proof)
        ctx.fail('passwords', { at: proof, target: where, data: { host: h.name, setting: 'PasswordAuthentication', value: 'yes' } });
      else if (s.passwordAuthentication === null) ctx.unknown(where, 'PasswordAuthentication was not in the sshd output');
      else ctx.pass(where, `PasswordAuthentication ${s.passwordAuthentication}`);
    });
  },
});
