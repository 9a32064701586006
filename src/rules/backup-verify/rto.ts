// The measured restore time (the observed RTO) against the --rto objective.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, humanSeconds, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/rto',
  title: 'Restore takes longer than the RTO',
  category: 'dr',
  severity: 'medium',
  requires: ['backups'],
  why: 'The recovery time objective is how long the service may stay down. When restoring the database alone takes longer, the objective cannot be met, before counting the time to notice, provision and switch over.',
  fix: 'Shorten the restore: custom or directory format restored in parallel (`pg_restore -j N`), faster restore hardware, a warm standby or PITR instead of dumps, or renegotiate the RTO with the measured figure.',
  references: [
    { title: 'PostgreSQL docs: pg_restore --jobs', url: 'https://www.postgresql.org/docs/current/app-pgrestore.html' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide (RTO)', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'time opsaudit verify-backup {path} --rto {rto}',
  messages: { slow: 'Restoring {path} took {took}, longer than the RTO of {rto}.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    const withRto = backups.filter((v) => v.rtoSeconds !== null);
    if (withRto.length === 0) {
      const seen = backups.filter((v) => v.restore.durationMs !== null).map((v) => `${v.path} ${humanSeconds(v.restore.durationMs! / 1000)}`);
      return ctx.notApplicable(`no --rto given${seen.length ? `; observed restore time: ${seen.join(', ')}` : ''}`);
    }
    for (const v of withRto) {
      if (v.restore.status !== 'ok' || v.restore.durationMs === null) {
        ctx.unknown(v.path, `not measured: ${v.path} was not restored (${v.restore.detail})`);
        continue;
      }
      const took = v.restore.durationMs / 1000;
      const data = { path: v.path, took: humanSeconds(took), rto: humanSeconds(v.rtoSeconds!) };
      if (took > v.rtoSeconds!) ctx.fail('slow', { ...evidence(v, v.restore.proof, `restore took ${data.took}`), target: v.path, data });
      else ctx.pass(v.path, `restored in ${data.took} (RTO ${data.rto})`);
    }
  },
});
