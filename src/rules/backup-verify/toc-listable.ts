// An archive (custom, directory, tar) whose table of contents pg_restore cannot read: nothing in it can be restored.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, isArchive, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/toc-listable',
  title: 'Archive backup table of contents is unreadable',
  category: 'backup',
  severity: 'critical',
  requires: ['backups'],
  why: 'pg_restore needs the archive\'s table of contents to restore anything. When `pg_restore --list` fails, the archive is damaged (truncated header, wrong file, partial upload) and restores nothing.',
  fix: 'Re-take the dump and compare its checksum with the stored copy; check that the transfer to the backup store is complete, and run `pg_restore --list` on every new archive.',
  references: [
    { title: 'PostgreSQL docs: pg_restore --list', url: 'https://www.postgresql.org/docs/current/app-pgrestore.html' },
    { title: 'PostgreSQL docs: pg_dump custom format', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'pg_restore --list {path} > /dev/null && echo readable',
  messages: { unreadable: 'pg_restore cannot read the table of contents of {path}: {detail}.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    const archives = backups.filter((v) => isArchive(v));
    if (archives.length === 0) return ctx.notApplicable('no archive backup (custom, directory or tar) was verified');
    for (const v of archives) {
      const t = v.toc;
      if (!t) ctx.unknown(v.path, 'not checked');
      else if (t.status === 'failed') ctx.fail('unreadable', { ...evidence(v, t.proof, 'table of contents unreadable'), target: v.path, data: { path: v.path, detail: t.detail } });
      else if (t.status === 'ok') ctx.pass(v.path, t.detail);
      else ctx.unknown(v.path, t.detail);
    }
  },
});
