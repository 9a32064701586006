// Rule: the clock is not synchronised by NTP.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, need, target } from './_shared.js';

export default defineRule({
  id: 'host/time-not-synced',
  title: 'The system clock is not synchronised',
  category: 'monitoring',
  severity: 'medium',
  requires: ['host'],
  why: 'A drifting clock breaks TLS validation and token expiry (JWT, password reset links), makes cron jobs run at the wrong time, and makes logs of different machines impossible to correlate.',
  fix: 'Enable time synchronisation: `timedatectl set-ntp true` (systemd-timesyncd) or install chrony, and check that outbound NTP (UDP 123) is allowed.',
  references: [
    { title: 'timedatectl(1)', url: 'https://www.freedesktop.org/software/systemd/man/latest/timedatectl.html' },
    { title: 'systemd-timesyncd.service(8)', url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd-timesyncd.service.html' },
  ],
  verify: 'timedatectl show -p NTPSynchronized   # NTPSynchronized=yes',
  messages: { notSynced: 'The clock of {host} is not synchronised ({line}{ntp}).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const t = need(ctx, h, h.timeSync, 'time sync');
      if (!t) return;
      if (t.synchronized) return ctx.pass(target(h, 'time sync'), t.line);
      const proof = h.timeSync.proof[0];
      const lines = proof.output.split('\n').filter((l) => /^(NTP|NTPSynchronized|CanNTP)=/.test(l));
      ctx.fail('notSynced', {
        at: focus(proof, lines),
        target: target(h, 'time sync'),
        data: { host: h.name, line: t.line, ntp: t.ntpService === false ? ', NTP=no: no time service is enabled' : '' },
      });
    });
  },
});
