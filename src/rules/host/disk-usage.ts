// Rule: a disk-backed filesystem is fuller than the runbook's thresholds (80 % high, 90 % critical).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, mainProof, need, target } from './_shared.js';

export default defineRule({
  id: 'host/disk-usage',
  title: 'A filesystem is nearly full',
  category: 'monitoring',
  severity: 'high',
  requires: ['host'],
  why: 'When the disk fills, PostgreSQL stops accepting writes (and may shut down), nginx and gunicorn cannot write logs or uploads, and backups written to the same disk fail silently.',
  fix: 'Free space (old backups, logs, Docker images: `docker system prune`), rotate logs, move backups off the server, or grow the volume; alert at 80 %.',
  references: [
    { title: 'PostgreSQL: Disk Full Failure', url: 'https://www.postgresql.org/docs/current/disk-full.html' },
    { title: 'df(1)', url: 'https://man7.org/linux/man-pages/man1/df.1.html' },
  ],
  verify: 'df -h {mount}   # Use% below {threshold}%',
  messages: { full: '{mount} on {host} is {percent}% full (threshold {threshold}%).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const disks = need(ctx, h, h.disks, 'disks');
      if (!disks) return;
      const t = h.thresholds;
      const proof = mainProof(h.disks);
      const header = proof.output.split('\n')[0];
      for (const d of disks) {
        if (d.usedPercent > t.diskHighPercent) {
          const line = proof.output.split('\n').find((l) => l.endsWith(` ${d.mount}`)) ?? `${d.device} ${d.usedPercent}% ${d.mount}`;
          const critical = d.usedPercent > t.diskCriticalPercent;
          ctx.fail('full', {
            at: focus(proof, [header, line]),
            target: target(h, `disk ${d.mount}`),
            severity: critical ? 'critical' : 'high',
            data: { mount: d.mount, host: h.name, percent: d.usedPercent, threshold: critical ? t.diskCriticalPercent : t.diskHighPercent },
          });
        } else ctx.pass(target(h, `disk ${d.mount}`), `${d.usedPercent}% used`);
      }
    });
  },
});
