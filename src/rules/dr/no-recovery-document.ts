// No written procedure for recovering the service after a server or data loss (seed 000 §8).
import { defineRule } from '../../core/define-rule.js';
import { productionSignals } from '../deploy/_production.js';
import { backupJob, hasBackups } from '../backup/_flow.js';
import { docsAbsence, documents, sectionsWith } from './_docs.js';

const RECOVERY_HEADING = /(disaster|recover|restor|backup|business[\s-]+continuity|incident|runbook|failover|\bdr\b)/i;
const RESTORE_STEP = /(restor|recover|pg_restore|failover|rebuild|re-?provision)/i;

export default defineRule({
  id: 'dr/no-recovery-document',
  title: 'No recovery procedure is documented',
  category: 'dr',
  severity: 'low',
  requires: ['texts', 'shell', 'cron', 'compose', 'ci'],
  why: 'When the server dies, recovery is done under pressure by whoever is available. Without written steps (new host, secrets, database and media restore, DNS, certificates, verification) it takes far longer than needed, steps are missed, and the knowledge leaves with the person who set it up.',
  fix: 'Write a RECOVERY.md (or a "Disaster recovery" section in the runbook): where backups and secrets are, the exact restore commands for the database and media, how to rebuild the server and redeploy, how to verify, who to call — and rehearse it.',
  references: [
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide for Federal Information Systems', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
    { title: 'PostgreSQL docs: Restoring the Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html#BACKUP-DUMP-RESTORE' },
  ],
  verify: 'ls RECOVERY.md docs/ ; grep -rni "restore" README* docs/   # expect step-by-step recovery instructions',
  messages: {
    none: 'No runbook or documentation section describes how to restore this deployment ({what}) after a server or data loss.',
  },
  check(facts, ctx) {
    const signals = productionSignals(facts);
    const job = backupJob(facts);
    if (signals.length === 0 && !hasBackups(job)) return ctx.notApplicable('the repository does not describe a self-hosted production deployment or backups');
    const target = 'recovery documentation';
    const runbook = documents(facts).find((d) => d.role === 'runbook' && /(recover|disaster|restor|\bdr\b|runbook|backup|incident|operations|playbook)/i.test(d.path) && d.lines.some((l) => RESTORE_STEP.test(l.value)));
    if (runbook) return ctx.pass(target, `${runbook.path} describes restoring`);
    const section = sectionsWith(facts, RECOVERY_HEADING, RESTORE_STEP)[0];
    if (section) return ctx.pass(target, `section "${section.heading.title.value}" in ${section.file.path}`);
    const what = signals.length > 0 ? signals[0].label : 'backups';
    ctx.fail('none', {
      at: docsAbsence(facts, 'no runbook and no backup/restore/disaster-recovery section with restore steps'),
      target,
      data: { what },
    });
  },
});
