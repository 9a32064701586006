// The newest backup is far smaller than the one before: data vanished, or the dump stopped early.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, humanBytes, verifiedBackups } from './_verified.js';

/** Shrinking below this share of the previous backup is suspicious (databases rarely halve in a day). */
const MIN_RATIO = 0.5;

export default defineRule({
  id: 'backup-verify/size-drop',
  title: 'Backup shrank sharply since the previous one',
  category: 'backup',
  severity: 'high',
  requires: ['backups'],
  why: 'Databases grow slowly; a backup half the size of the previous one usually means lost data (a dropped or truncated table) or a dump that stopped early. Rotation then deletes the good backups.',
  fix: 'Compare the two dumps\' tables and row counts (`opsaudit verify-backup --all`), find what disappeared, and stop rotating out older backups until the cause is known.',
  references: [
    { title: 'PostgreSQL docs: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'ls -l {path} {previous}',
  messages: { shrank: '{path} is {size}, {percent}% smaller than the previous backup {previous} ({previousSize}).' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    const compared = backups.filter((v) => v.previous !== null && v.previous.sizeBytes > 0);
    if (compared.length === 0) return ctx.notApplicable('no earlier backup of the same format beside the verified one(s) to compare sizes with');
    for (const v of compared) {
      const p = v.previous!;
      const ratio = v.sizeBytes / p.sizeBytes;
      const data = { path: v.path, size: humanBytes(v.sizeBytes), previous: p.path, previousSize: humanBytes(p.sizeBytes), percent: Math.round((1 - ratio) * 100) };
      if (ratio < MIN_RATIO)
        ctx.fail('shrank', {
          at: { kind: 'file', path: v.path, note: `${v.sizeBytes} bytes, modified ${v.takenAt}` },
          also: [{ kind: 'file', path: p.path, note: `${p.sizeBytes} bytes, modified ${p.modifiedAt} (previous backup)` }],
          target: v.path,
          data,
        });
      else ctx.pass(v.path, `${data.size}, previous ${data.previousSize}`);
    }
  },
});
