// No written procedure for recovering the service after a server or data loss (seed 000 §8).
import { defineRule } from '../../core/define-rule.js';
import { productionSignals } from '../deploy/_production.js';
import { backupJob, hasBackups } from '../backup/_flow.js';
import { docLine, docsAbsence, documents, sectionLines, sectionsWith } from './_docs.js';

const RECOVERY_HEADING = /(disaster|recover|restor|backup|business[\s-]+continuity|incident|runbook|failover|\bdr\b)/i;
const RESTORE_STEP = /(restor|recover|pg_restore|failover|rebuild|re-?provision)/i;
/** What a recovery section is about: the data (a section restoring a front-end bundle is not one). */
const DATA_WORDS = /(database|\bdb\b|backup|dump|postgres|\bpg_|\.sql\b|\bdata\b|server|volume)/i;
/** A restore command, whatever language the document is written in. */
const RESTORE_COMMAND = /(\bpg_restore\b(?!\s+(--list|-l)\b)|\b(gunzip|zcat|gzip\s+-dc|cat)\b[^|\n]*\|\s*(docker(-compose|\s+compose)?\s+\S+.*\s)?psql\b|\bpsql\b[^\n]*\s<\s*\S+\.(sql|dump)(\.gz)?\b)/;

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
    const section = sectionsWith(facts, RECOVERY_HEADING, RESTORE_STEP).find(
      (x) => DATA_WORDS.test(x.heading.title.value) || sectionLines(x.file, x.heading).some((l) => DATA_WORDS.test(l.value)),
    );
    if (section) return ctx.pass(target, `section "${section.heading.title.value}" in ${section.file.path}`);
    const command = docLine(facts, RESTORE_COMMAND);
    if (command) return ctx.pass(target, `${command.file.path}:${command.line.loc.line} shows the restore command`);
    const what = signals.length > 0 ? signals[0].label : 'backups';
    ctx.fail('none', {
      at: docsAbsence(facts, 'no runbook and no backup/restore/disaster-recovery section with restore steps'),
      target,
      data: { what },
    });
  },
});
