// Rule: swap heavily used — the host is short of memory and already paging.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, mainProof, need, target } from './_shared.js';

export default defineRule({
  id: 'host/swap-usage',
  title: 'Swap is heavily used',
  category: 'monitoring',
  severity: 'medium',
  requires: ['host'],
  why: 'Pages of PostgreSQL, Redis or gunicorn workers on swap turn millisecond operations into disk reads: latency spikes and timeouts long before anything crashes.',
  fix: 'Reduce memory use (workers, caches, shared_buffers) or add RAM; keep swap as a safety net, not as working memory.',
  references: [
    { title: 'PostgreSQL: Linux Memory Overcommit', url: 'https://www.postgresql.org/docs/current/kernel-resources.html#LINUX-MEMORY-OVERCOMMIT' },
    { title: 'proc_meminfo(5): SwapTotal, SwapFree', url: 'https://man7.org/linux/man-pages/man5/proc_meminfo.5.html' },
  ],
  verify: 'free -m   # swap used below {threshold}% of total',
  messages: { swapping: '{host} has {percent}% of its swap in use (threshold {threshold}%).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const m = need(ctx, h, h.memory, 'swap');
      if (!m) return;
      if (m.swapTotalKb === 0) return ctx.pass(target(h, 'swap'), 'no swap configured, so nothing is paged out');
      const percent = Math.round((1000 * (m.swapTotalKb - m.swapFreeKb)) / m.swapTotalKb) / 10;
      const threshold = h.thresholds.swapPercent;
      if (percent > threshold) {
        const lines = mainProof(h.memory).output.split('\n').filter((l) => /^Swap(Total|Free):/.test(l));
        ctx.fail('swapping', { at: focus(mainProof(h.memory), lines), target: target(h, 'swap'), data: { host: h.name, percent, threshold } });
      } else ctx.pass(target(h, 'swap'), `${percent}% of swap used`);
    });
  },
});
