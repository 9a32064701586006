// Rule: memory in use above the runbook's 85 % (MemAvailable based, so page cache does not count as used).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, mainProof, need, target } from './_shared.js';

export default defineRule({
  id: 'host/memory-usage',
  title: 'Memory use is above the alert threshold',
  category: 'monitoring',
  severity: 'medium',
  requires: ['host'],
  why: 'Close to the limit the kernel OOM killer ends a process — often PostgreSQL or a gunicorn worker — and requests fail; swapping first makes every request slow.',
  fix: 'Find the consumer (`ps aux --sort=-rss | head`), lower gunicorn workers or PostgreSQL shared_buffers/work_mem, cap container memory, or add RAM.',
  references: [
    { title: 'PostgreSQL: Linux Memory Overcommit', url: 'https://www.postgresql.org/docs/current/kernel-resources.html#LINUX-MEMORY-OVERCOMMIT' },
    { title: 'proc_meminfo(5): MemAvailable', url: 'https://man7.org/linux/man-pages/man5/proc_meminfo.5.html' },
  ],
  verify: 'free -m   # (total - available) / total below {threshold}%',
  messages: { high: '{host} uses {percent}% of its memory (threshold {threshold}%).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const m = need(ctx, h, h.memory, 'memory');
      if (!m) return;
      const threshold = h.thresholds.memoryPercent;
      if (m.usedPercent > threshold) {
        const lines = mainProof(h.memory).output.split('\n').filter((l) => /^(MemTotal|MemAvailable):/.test(l));
        ctx.fail('high', { at: focus(mainProof(h.memory), lines), target: target(h, 'memory'), data: { host: h.name, percent: m.usedPercent, threshold } });
      } else ctx.pass(target(h, 'memory'), `${m.usedPercent}% used`);
    });
  },
});
