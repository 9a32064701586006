// Rule: a filesystem is running out of inodes (80 % high, 90 % critical), which fails writes with free space left.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, need, target } from './_shared.js';

export default defineRule({
  id: 'host/inode-usage',
  title: 'A filesystem is running out of inodes',
  category: 'monitoring',
  severity: 'high',
  requires: ['host'],
  why: 'With no free inodes no file can be created even though `df -h` shows free space: sessions, uploads, logs, PostgreSQL WAL segments and backups fail with "No space left on device".',
  fix: 'Find the directory with millions of small files (session files, cache, mail queue, old releases) and clean it up; schedule the cleanup.',
  references: [
    { title: 'df(1): --inodes', url: 'https://man7.org/linux/man-pages/man1/df.1.html' },
    { title: 'PostgreSQL: Disk Full Failure', url: 'https://www.postgresql.org/docs/current/disk-full.html' },
  ],
  verify: 'df -i {mount}   # IUse% below {threshold}%',
  messages: { inodes: '{mount} on {host} uses {percent}% of its inodes (threshold {threshold}%).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const disks = need(ctx, h, h.disks, 'inodes');
      if (!disks) return;
      const t = h.thresholds;
      const proof = h.disks.proof.find((p) => p.command.includes('-i')) ?? h.disks.proof[0];
      for (const d of disks) {
        const where = target(h, `inodes ${d.mount}`);
        if (d.inodesPercent === null) continue;
        if (d.inodesPercent > t.inodeHighPercent) {
          const lines = proof.output.split('\n');
          const critical = d.inodesPercent > t.inodeCriticalPercent;
          ctx.fail('inodes', {
            at: focus(proof, [lines[0], lines.find((l) => l.endsWith(` ${d.mount}`)) ?? d.mount]),
            target: where,
            severity: critical ? 'critical' : 'high',
            data: { mount: d.mount, host: h.name, percent: d.inodesPercent, threshold: critical ? t.inodeCriticalPercent : t.inodeHighPercent },
          });
        } else ctx.pass(where, `${d.inodesPercent}% of inodes used`);
      }
    });
  },
});
