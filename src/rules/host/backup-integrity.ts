// Rule: the newest backup is empty, much smaller than the previous one, or fails `gzip -t` / `pg_restore --list`.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, formatBytes, need, target } from './_shared.js';

export default defineRule({
  id: 'host/backup-integrity',
  title: 'The newest backup is empty, truncated or corrupt',
  category: 'backup',
  severity: 'high',
  requires: ['host'],
  why: 'A backup that exists but cannot be restored is discovered on the worst possible day. Zero-byte files (pg_dump failed inside a pipe), a sudden shrink (lost tables, wrong database) and archives that fail their own check are the usual signs.',
  fix: 'Make the job fail loudly (`set -o pipefail`, check pg_dump exit status), verify each new file (`gzip -t`, `pg_restore --list`), and restore into a scratch database regularly.',
  references: [
    { title: 'PostgreSQL: pg_restore (--list)', url: 'https://www.postgresql.org/docs/current/app-pgrestore.html' },
    { title: 'GNU gzip: --test', url: 'https://www.gnu.org/software/gzip/manual/gzip.html#Invoking-gzip' },
  ],
  verify: '{tool} {file}   # exits 0, and the size is close to the previous backup',
  messages: {
    empty: 'The newest backup {file} on {host} is empty (0 bytes).',
    shrunk: 'The newest backup {file} on {host} is {size}, {percent}% of the previous one ({previous}).',
    corrupt: 'The newest backup {file} on {host} fails `{tool}`.',
  },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const where = target(h, 'backup integrity');
      if (h.backups.ok && (h.backups.value === null || h.backups.value.files.length === 0))
        return ctx.notApplicable(`no backup file to check on ${h.name}`);
      const b = need(ctx, h, h.backups, 'backup integrity');
      if (!b) return;
      const [newest, previous] = b.files;
      const lineOf = (path: string) => b.listing.output.split('\n').find((l) => l.endsWith(path)) ?? path;
      const data = { host: h.name, file: newest.path, tool: b.integrity?.tool ?? 'ls -l' };
      if (newest.sizeBytes === 0) return ctx.fail('empty', { at: focus(b.listing, [lineOf(newest.path)]), target: where, data });
      if (previous && previous.sizeBytes > 0 && newest.sizeBytes < h.thresholds.backupShrinkRatio * previous.sizeBytes) {
        return ctx.fail('shrunk', {
          at: focus(b.listing, [lineOf(newest.path), lineOf(previous.path)]),
          target: where,
          data: { ...data, size: formatBytes(newest.sizeBytes), previous: formatBytes(previous.sizeBytes), percent: Math.round((100 * newest.sizeBytes) / previous.sizeBytes) },
        });
      }
      if (b.integrity?.ok === false && b.integrity.proof)
        return ctx.fail('corrupt', { at: b.integrity.proof, also: [focus(b.listing, [lineOf(newest.path)])], target: where, data });
      if (b.integrity && b.integrity.ok === null) return ctx.unknown(where, `${newest.path} could not be tested: ${b.integrity.reason}`);
      const tested = b.integrity ? `passes ${b.integrity.tool}` : 'no archive test applies to this file type';
      ctx.pass(where, `${newest.path}: ${formatBytes(newest.sizeBytes)}, no sharp shrink, ${tested}`);
    });
  },
});
