// A plain dump that does not decompress (corrupt or cut gzip) or stops mid-script (truncated by a full disk or a kill).
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, isPlain, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/integrity',
  title: 'Plain SQL backup is corrupt or truncated',
  category: 'backup',
  severity: 'critical',
  requires: ['backups'],
  why: 'A gzip stream with a bad checksum, or a script that ends before pg_dump\'s "dump complete" footer, restores only part of the database, or nothing: the tables after the cut are lost.',
  fix: 'Find why the dump was cut (disk full, job killed by a timeout, a pipe that ignored pg_dump\'s failure), make the job fail loudly (`set -o pipefail`), and check each dump after writing it (`gzip -t`, `opsaudit verify-backup`).',
  references: [
    { title: 'PostgreSQL docs: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'RFC 1952: GZIP file format (CRC-32 and length trailer)', url: 'https://www.rfc-editor.org/rfc/rfc1952' },
  ],
  verify: 'gzip -t {path}; zcat -f {path} | tail -n 5   # expect "-- PostgreSQL database dump complete"',
  messages: { damaged: '{path} is damaged: {detail}.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    const plain = backups.filter((v) => isPlain(v));
    if (plain.length === 0) return ctx.notApplicable('no plain SQL backup was verified (archives are checked by backup-verify/toc-listable)');
    for (const v of plain) {
      const i = v.integrity;
      if (!i) ctx.unknown(v.path, 'not checked');
      else if (i.status === 'failed') ctx.fail('damaged', { ...evidence(v, i.proof, i.detail), target: v.path, data: { path: v.path, detail: i.detail } });
      else if (i.status === 'ok') ctx.pass(v.path, i.detail);
      else ctx.unknown(v.path, i.detail);
    }
  },
});
