// Backups that are never restored or verified: nobody knows whether they work (seeds 000, 001, 004).
import { defineRule } from '../../core/define-rule.js';
import type { ShellCommand } from '../../facts/scripts.js';
import { RESTORE_DRILL, docLine } from '../dr/_docs.js';
import { backupJob, hasBackups, jobAnchor, scopeWithCalls } from './_flow.js';

/** Database names that say "scratch copy" (a restore into them is a test, not a production restore). */
const SCRATCH_DB = /(test|verify|verif|check|tmp|temp|restore|scratch|sandbox|drill|validate)/i;
const VERIFY_NAME = /((verif|test|check|drill|validat)[\w-]*(backup|restore|dump)|(backup|restore|dump)[\w-]*(verif|test|check|drill|validat))/i;

/** How a command verifies a backup, or null. */
function verification(c: ShellCommand): string | null {
  const n = c.effectiveName;
  const a = c.effectiveArgs;
  if (n === 'pg_restore' && a.some((x) => x === '-l' || x === '--list')) return 'pg_restore --list';
  if (/^(gzip|gunzip|pigz|zstd|xz|bzip2|lz4)$/.test(n) && a.some((x) => x === '-t' || x === '--test' || /^-[a-z]*t[a-z]*$/.test(x))) return `${n} -t`;
  if ((n === 'restic' || n === 'borg') && a.includes('check')) return `${n} check`;
  if (n === 'pgbackrest' && (a.includes('verify') || a.includes('check'))) return 'pgbackrest verify';
  if (/^(sha256sum|sha1sum|md5sum|b2sum)$/.test(n) && a.some((x) => x === '-c' || x === '--check')) return `${n} --check`;
  if (/dump complete/i.test(c.text)) return 'completion marker check';
  if (n === 'pg_restore' || n === 'psql' || n === 'createdb') {
    const db = a.find((x, i) => a[i - 1] === '-d' || a[i - 1] === '--dbname' || x.startsWith('--dbname=')) ?? a.find((x) => !x.startsWith('-'));
    if (db && SCRATCH_DB.test(db)) return `${n} into ${db.replace(/^--dbname=/, '')}`;
  }
  return null;
}

function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export default defineRule({
  id: 'backup/no-restore-test',
  title: 'Backups are never verified or test-restored',
  category: 'backup',
  severity: 'medium',
  requires: ['shell', 'cron', 'compose', 'ci', 'texts'],
  why: 'A backup is only as good as its last successful restore. Empty dumps, truncated archives, a missing role or extension, or a lost encryption key are only discovered when the restore is needed — after the data is gone.',
  fix: 'Verify every backup (`pg_restore --list file.dump > /dev/null`, `gzip -t`), and regularly restore the newest one into a scratch database (`createdb restore_test && pg_restore -d restore_test file.dump`, then a row count) from cron or a scheduled CI job; record the drill and its duration in the runbook.',
  references: [
    { title: 'PostgreSQL docs: pg_restore (--list)', url: 'https://www.postgresql.org/docs/current/app-pgrestore.html' },
    { title: 'PostgreSQL docs: Restoring the Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html#BACKUP-DUMP-RESTORE' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide (testing)', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'pg_restore --list <newest backup> | head   # and restore it into a scratch database',
  messages: {
    never: 'Backups taken by {where} are never verified: no pg_restore --list, gzip -t, restore into a scratch database, restore-test script or documented restore drill.',
  },
  check(facts, ctx) {
    const job = backupJob(facts);
    if (!hasBackups(job)) return ctx.notApplicable('no backup job in the repository (see backup/no-backup)');
    const anchor = jobAnchor(job);
    if (!anchor) return ctx.notApplicable('no backup job in the repository (see backup/no-backup)');
    const target = 'backup verification';
    // Verification in the backup run itself (the dump's function and what it calls, or its crontab line).
    for (const d of job.dumps) {
      const scope = d.script ? scopeWithCalls(d.script, d.command) : (facts.cron.find((e) => e.commands.includes(d.command))?.commands ?? []);
      const v = scope.map(verification).find((x) => x !== null);
      if (v) return ctx.pass(target, `${v} in ${d.script?.path ?? d.cronFile}`);
    }
    // A dedicated restore-test script or function, anywhere.
    for (const s of facts.shell) {
      const fn = s.functions.find((f) => VERIFY_NAME.test(f.value));
      if (VERIFY_NAME.test(base(s.path)) || fn) {
        const cmds = fn ? s.commands.filter((c) => c.inFunction === fn.value) : s.commands;
        if (cmds.some((c) => verification(c) !== null || c.effectiveName === 'pg_restore' || c.effectiveName === 'psql' || (c.effectiveName === 'restic' && c.effectiveArgs.includes('restore')))) {
          return ctx.pass(target, `restore test in ${s.path}${fn ? ` (${fn.value})` : ''}`);
        }
      }
    }
    for (const w of facts.ci) {
      for (const j of w.jobs) {
        const named = VERIFY_NAME.test(w.path) || VERIFY_NAME.test(j.name.value) || /restore/i.test(j.name.value);
        const text = j.steps.map((s) => s.run?.value ?? '').join('\n');
        if ((named && /\b(pg_restore|psql|restore)\b/.test(text)) || /pg_restore\s+(--list|-l)\b/.test(text)) return ctx.pass(target, `CI job ${j.name.value} in ${w.path}`);
      }
    }
    for (const t of facts.texts) for (const m of t.targets) if (VERIFY_NAME.test(m.name.value)) return ctx.pass(target, `make target ${m.name.value} in ${t.path}`);
    const doc = docLine(facts, RESTORE_DRILL);
    if (doc) return ctx.pass(target, `restore testing is documented in ${doc.file.path}:${doc.line.loc.line}`);
    ctx.fail('never', { at: anchor.at, target, data: { where: anchor.where } });
  },
});
