// Recovery time and recovery point objectives are not stated anywhere (seed 004: RTO/RPO monitoring).
import { defineRule } from '../../core/define-rule.js';
import { productionSignals } from '../deploy/_production.js';
import { backupJob, hasBackups } from '../backup/_flow.js';
import { docLine, docsAbsence } from './_docs.js';

const OBJECTIVE = /\bRTO\b|\bRPO\b|recovery[\s-]+time[\s-]+objective|recovery[\s-]+point[\s-]+objective/i;

export default defineRule({
  id: 'dr/rto-rpo-not-defined',
  title: 'Recovery objectives (RTO/RPO) are not defined',
  category: 'dr',
  severity: 'low',
  requires: ['texts', 'shell', 'cron', 'compose', 'ci'],
  why: 'Without a recovery point objective nobody can say whether a daily backup is enough (up to 24 hours of orders or records lost), and without a recovery time objective nobody can say whether a restore that takes a day is acceptable. Backup frequency, retention and monitoring are then guesses.',
  fix: 'State the objectives where operators look (runbook or README), e.g. "RPO 24 h (nightly pg_dump), RTO 4 h (restore on a new VM from the runbook)", check that the backup schedule meets the RPO, and alert when the newest backup is older than it.',
  references: [
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide (RTO, RPO)', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
    { title: 'PostgreSQL docs: Continuous Archiving and Point-in-Time Recovery', url: 'https://www.postgresql.org/docs/current/continuous-archiving.html' },
  ],
  verify: 'grep -rniE "\\bRTO\\b|\\bRPO\\b|recovery (time|point) objective" README* docs/',
  messages: {
    none: 'Neither a recovery time objective (RTO) nor a recovery point objective (RPO) is stated in the repository\'s documentation.',
  },
  check(facts, ctx) {
    if (productionSignals(facts).length === 0 && !hasBackups(backupJob(facts))) return ctx.notApplicable('the repository does not describe a self-hosted production deployment or backups');
    const target = 'recovery objectives';
    const doc = docLine(facts, OBJECTIVE);
    if (doc) return ctx.pass(target, `${doc.file.path}:${doc.line.loc.line}`);
    const assigned = facts.shell.flatMap((s) => s.assignments).find((a) => /^(RPO|RTO)(_|$)/i.test(a.name));
    if (assigned) return ctx.pass(target, `${assigned.name} in ${assigned.loc.file}`);
    ctx.fail('none', { at: docsAbsence(facts, 'no RTO/RPO or recovery time/point objective'), target });
  },
});
