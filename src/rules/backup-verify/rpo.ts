// The newest backup is older than the recovery point objective: a failure now loses more data than agreed.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, humanHours, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/rpo',
  title: 'Newest backup is older than the RPO',
  category: 'dr',
  severity: 'high',
  requires: ['backups'],
  why: 'The recovery point objective is the most data the business accepts to lose. When the newest backup is older, a failure now loses everything written since: usually the backup job stopped running and nobody noticed.',
  fix: 'Check the backup schedule (cron, systemd timer, backup service logs) and alert when the newest backup is older than the RPO; for an RPO under a day, add WAL archiving (point-in-time recovery).',
  references: [
    { title: 'PostgreSQL docs: Continuous Archiving and Point-in-Time Recovery', url: 'https://www.postgresql.org/docs/current/continuous-archiving.html' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide (RPO)', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'ls -l --time-style=full-iso {path}',
  messages: { stale: 'The newest backup {path} is {age} old, beyond the RPO of {rpo}.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    // Older backups of a series are old by design: the RPO is judged on the newest.
    const newest = backups.filter((v) => v.newerInSeries === null);
    if (newest.length === 0) return ctx.notApplicable('every verified backup has a newer one beside it; the RPO is judged on the newest');
    for (const v of newest) {
      const data = { path: v.path, age: humanHours(v.ageHours), rpo: humanHours(v.rpoHours) };
      if (v.ageHours > v.rpoHours)
        ctx.fail('stale', { at: { kind: 'file', path: v.path, note: `taken ${v.takenAt} (${v.takenAtSource}), ${data.age} ago` }, target: v.path, data });
      else ctx.pass(v.path, `${data.age} old (RPO ${data.rpo})`);
    }
  },
});
