// Backups that never leave the server they protect (seed 000 "stored off-server", seed 002).
import { defineRule } from '../../core/define-rule.js';
import { backupJob, hasBackups, jobAnchor, offsiteCopies, optionalDestination } from './_flow.js';

export default defineRule({
  id: 'backup/no-offsite-copy',
  title: 'Backups are not copied off the server',
  category: 'backup',
  severity: 'high',
  requires: ['shell', 'cron', 'compose', 'ci', 'django', 'repo', 'systemd', 'texts'],
  why: 'A backup on the same disk or server as the database is lost together with it: disk failure, a deleted VM, ransomware or a provider incident take the data and every copy at once.',
  fix: 'Copy every backup to storage the server cannot destroy: `rclone copy`, `aws s3 cp`, `restic backup` / `borg create` to a remote repository, or rsync/scp to another host — ideally to a bucket with versioning or object lock, in another region or provider (3-2-1 rule).',
  references: [
    { title: 'PostgreSQL docs: Backup and Restore', url: 'https://www.postgresql.org/docs/current/backup.html' },
    { title: 'CIS Critical Security Controls v8: Control 11 — Data Recovery', url: 'https://www.cisecurity.org/controls/data-recovery' },
    { title: 'NIST SP 800-34 Rev. 1: Contingency Planning Guide', url: 'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final' },
  ],
  verify: 'rclone ls <remote>:<bucket> | tail   # or aws s3 ls s3://<bucket>/ — expect last night\'s backup',
  messages: {
    localOnly: 'Backups taken by {where} stay on the server: no rclone, aws s3, gsutil, restic, borg, or rsync/scp to another host copies them elsewhere.',
  },
  check(facts, ctx) {
    const job = backupJob(facts);
    if (!hasBackups(job)) return ctx.notApplicable('no backup job in the repository (see backup/no-backup)');
    const copies = offsiteCopies(facts, job);
    const anchor = jobAnchor(job);
    if (!anchor) return ctx.notApplicable('no backup job in the repository (see backup/no-backup)');
    // Copies to a destination that is empty unless set outside the repository may never run.
    const optional = copies.map((c) => ({ c, opt: optionalDestination(facts, c) }));
    const sure = optional.filter((x) => x.opt === null).map((x) => x.c);
    if (sure.length > 0) return ctx.pass(anchor.where, `copied off the server with ${[...new Set(sure.map((c) => c.kind))].join(', ')}`);
    const first = optional.find((x) => x.opt !== null);
    if (first?.opt) {
      const { variable, at } = first.opt;
      return ctx.unknown(
        anchor.where,
        `backups are copied off the server (${first.c.kind}) only when ${variable} is set: ${at.file}:${at.line} defaults it to empty and no file in the repository sets it, so whether the copy runs depends on the server's environment`,
      );
    }
    ctx.fail('localOnly', { at: anchor.at, target: anchor.where, data: { where: anchor.where } });
  },
});
