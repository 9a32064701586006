// Rule: the systemd journal takes more disk than the configured limit (4 GiB by default).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, formatBytes, need, target } from './_shared.js';

export default defineRule({
  id: 'host/journald-usage',
  title: 'The systemd journal uses a lot of disk',
  category: 'logging',
  severity: 'low',
  requires: ['host'],
  why: 'An unbounded journal competes with the database and backups for disk space and slows down `journalctl` searches during incidents.',
  fix: 'Cap it in /etc/systemd/journald.conf (`SystemMaxUse=1G`, `MaxRetentionSec=1month`) and restart systemd-journald; `journalctl --vacuum-size=1G` frees space now.',
  references: [{ title: 'journald.conf(5): SystemMaxUse', url: 'https://www.freedesktop.org/software/systemd/man/latest/journald.conf.html' }],
  verify: 'journalctl --disk-usage   # below {limit}',
  messages: { large: 'The journal on {host} takes {size} (limit {limit}).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const j = need(ctx, h, h.journald, 'journald');
      if (!j) return;
      const limit = h.thresholds.journaldMaxBytes;
      if (j.bytes > limit) ctx.fail('large', { at: h.journald.proof[0], target: target(h, 'journald'), data: { host: h.name, size: formatBytes(j.bytes), limit: formatBytes(limit) } });
      else ctx.pass(target(h, 'journald'), `${formatBytes(j.bytes)} used`);
    });
  },
});
