// Rule: the 15-minute load average exceeds the CPU count times a factor (sustained overload, not a spike).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, need, target } from './_shared.js';

export default defineRule({
  id: 'host/load-average',
  title: 'The host is overloaded (load above its CPU count)',
  category: 'monitoring',
  severity: 'medium',
  requires: ['host'],
  why: 'A 15-minute load well above the number of CPUs means runnable processes wait for CPU or disk: requests queue in gunicorn, time out at nginx, and health checks start failing.',
  fix: 'Find what is busy (`top`, `iotop`, slow queries in pg_stat_statements), move batch jobs off peak hours, fix the hot path, or add CPUs.',
  references: [
    { title: 'proc_loadavg(5)', url: 'https://man7.org/linux/man-pages/man5/proc_loadavg.5.html' },
    { title: 'Gunicorn: How many workers?', url: 'https://docs.gunicorn.org/en/stable/design.html#how-many-workers' },
  ],
  verify: 'cat /proc/loadavg; nproc   # third number below {limit}',
  messages: { overloaded: '{host}: 15-minute load {load} for {cpus} CPU(s) (limit {limit}).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const s = need(ctx, h, h.system, 'load');
      if (!s) return;
      if (!s.load || !s.cpus) return ctx.unknown(target(h, 'load'), 'the load average or the CPU count could not be read');
      const limit = Math.round(s.cpus * h.thresholds.loadPerCpu * 100) / 100;
      const proof = h.system.proof.find((p) => p.command === 'cat /proc/loadavg');
      if (s.load.fifteen > limit && proof) {
        const nproc = h.system.proof.find((p) => p.command === 'nproc');
        ctx.fail('overloaded', { at: proof, also: nproc ? [nproc] : [], target: target(h, 'load'), data: { host: h.name, load: s.load.fifteen, cpus: s.cpus, limit } });
      } else ctx.pass(target(h, 'load'), `load ${s.load.fifteen} for ${s.cpus} CPU(s)`);
    });
  },
});
