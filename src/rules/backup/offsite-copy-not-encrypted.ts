// Backups copied to remote storage in clear text: whoever reads the bucket or backup host reads the database.
import { defineRule } from '../../core/define-rule.js';
import { backupJob, ciEncryptionKind, encryptionKind, hasBackups, offsiteCopies, optionalDestination, serviceEncryption } from './_flow.js';

/** Destinations the operator runs over SSH: the transfer is encrypted, only storage at rest is not. */
const OWN_HOST = /^(rsync to another host|scp to another host|ssh|sftp|lftp|rdiff-backup)$/;

export default defineRule({
  id: 'backup/offsite-copy-not-encrypted',
  title: 'Off-site backups are not encrypted',
  category: 'backup',
  severity: 'medium',
  requires: ['shell', 'cron', 'compose', 'ci', 'django', 'repo', 'systemd', 'texts'],
  why: 'A database dump holds every user record, password hash and secret in the database. Stored in clear text in a bucket, a CI artifact or on another host, it is exposed to anyone who gets read access there — a leaked access key, a mis-set bucket policy or a compromised backup host is a full data breach.',
  fix: 'Encrypt before the data leaves the server: `pg_dump -Fc app | age -r "$AGE_RECIPIENT" > app.dump.age` (or `gpg --encrypt --recipient`), or use a tool that encrypts client-side (restic, borg with repokey, an rclone crypt remote). Keep the private key off the server and in the recovery document.',
  references: [
    { title: 'OWASP Cryptographic Storage Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html' },
    { title: 'CIS Critical Security Controls v8: Control 11 — Data Recovery (11.3 protect recovery data)', url: 'https://www.cisecurity.org/controls/data-recovery' },
    { title: 'restic: encryption of repositories', url: 'https://restic.readthedocs.io/en/stable/100_references.html#design' },
  ],
  verify: 'Download the newest off-site backup and run `file <backup>`   # expect encrypted data (age/GPG), not "PostgreSQL custom database dump" or text',
  messages: {
    plaintext: 'Backups are copied off the server with {kind} ({where}) but nothing encrypts them first (no gpg, age, openssl enc, restic/borg or crypt remote).',
    ownHost: 'Backups are copied to another host with {kind} ({where}) and stored there unencrypted (the transfer is encrypted by SSH, the files at rest are not).',
  },
  check(facts, ctx) {
    const job = backupJob(facts);
    if (!hasBackups(job)) return ctx.notApplicable('no backup job in the repository (see backup/no-backup)');
    const all = offsiteCopies(facts, job);
    if (all.length === 0) return ctx.notApplicable('backups are not copied off the server (see backup/no-offsite-copy)');
    // A copy to a destination left empty unless the server's environment sets it is not a fact to judge.
    const optional = all.map((c) => ({ c, opt: optionalDestination(facts, c) }));
    const copies = optional.filter((x) => x.opt === null).map((x) => x.c);
    const commands = [...job.scripts.flatMap((s) => s.commands), ...facts.cron.flatMap((e) => e.commands)];
    const encrypted =
      commands.map(encryptionKind).find((k) => k !== null) ??
      job.ci.map(ciEncryptionKind).find((k) => k !== null) ??
      job.services.map(serviceEncryption).find((k) => k !== null) ??
      null;
    const target = 'off-site backups';
    if (encrypted) return ctx.pass(target, `encrypted with ${encrypted}`);
    if (copies.length === 0) {
      const { c, opt } = optional[0];
      return ctx.unknown(
        target,
        `the off-site copy (${c.kind}) runs only when ${opt!.variable} is set (${opt!.at.file}:${opt!.at.line} defaults it to empty and no file in the repository sets it); if it is set, nothing encrypts the backups first`,
      );
    }
    const where = (c: (typeof copies)[number]) => (c.ci ? `${c.ci.workflow} job ${c.ci.job}` : c.service ? `compose service "${c.service.name.value}"` : 'loc' in c.at ? c.at.loc.file : c.at.file);
    const cloud = copies.filter((c) => !OWN_HOST.test(c.kind) && c.kind !== 'rclone');
    if (cloud.length > 0) {
      const c = cloud[0];
      return ctx.fail('plaintext', { at: c.at, target, data: { kind: c.kind, where: where(c) } });
    }
    const rclone = copies.find((c) => c.kind === 'rclone');
    if (rclone) {
      const remote = rclone.command?.effectiveArgs.find((x) => /^[\w.-]+:/.test(x))?.split(':')[0];
      return ctx.unknown(target, `backups are copied with rclone${remote ? ` to remote "${remote}"` : ''}, whose type is configured outside the repository (a crypt remote would encrypt them)`);
    }
    const c = copies[0];
    ctx.fail('ownHost', { at: c.at, target, severity: 'low', data: { kind: c.kind, where: where(c) } });
  },
});
