// A database dump written as plain SQL that nothing compresses.
import { defineRule } from '../../core/define-rule.js';
import type { ShellCommand } from '../../facts/scripts.js';
import type { DumpCommand } from './_dumps.js';
import { backupJob, compressionKind, dumpSelfCompresses, outputFile, scopeWithCalls, writesCompressedFile } from './_flow.js';

/** Commands that run with the dump: the rest of its pipeline, its function (and what that calls), or its cron line. */
function companions(d: DumpCommand, cronCommands: (c: ShellCommand) => ShellCommand[]): ShellCommand[] {
  return d.script ? scopeWithCalls(d.script, d.command) : cronCommands(d.command);
}

function samePipeline(a: ShellCommand, b: ShellCommand): boolean {
  return a.pipeline !== null && b.pipeline !== null && a.pipeline.loc.line === b.pipeline.loc.line && a.pipeline.loc.col === b.pipeline.loc.col;
}

export default defineRule({
  id: 'backup/not-compressed',
  title: 'Database dumps are not compressed',
  category: 'backup',
  severity: 'low',
  requires: ['shell', 'cron', 'compose'],
  why: 'Plain SQL dumps are several times larger than compressed ones: the backup disk fills sooner (taking the database down with it when they share a disk), fewer days fit in the retention window, and off-site uploads take longer and cost more.',
  fix: 'Use the custom format, which is compressed and restorable selectively with pg_restore: `pg_dump -Fc -f "$BACKUP_DIR/app-$(date +%F).dump"`; or pipe plain dumps through `gzip`/`zstd` (with `set -o pipefail`).',
  references: [
    { title: 'PostgreSQL docs: pg_dump (-F custom, -Z compression)', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
    { title: 'PostgreSQL docs: SQL Dump — handling large databases', url: 'https://www.postgresql.org/docs/current/backup-dump.html#BACKUP-DUMP-LARGE' },
  ],
  verify: 'ls -lh {output}   # expect a .dump (custom format) or .gz/.zst file',
  messages: {
    plain: 'pg_dump in {where} writes a plain SQL dump{to} and nothing in the backup job compresses it.',
  },
  check(facts, ctx) {
    const job = backupJob(facts);
    if (job.dumps.length === 0) {
      return ctx.notApplicable(job.services.length > 0 ? 'backups are taken by a compose backup service, whose image compresses its dumps' : 'no pg_dump in scripts or crontabs');
    }
    const cronCommands = (c: ShellCommand) => facts.cron.find((e) => e.commands.includes(c))?.commands ?? [c];
    for (const d of job.dumps) {
      const where = d.script?.path ?? d.cronFile ?? d.command.loc.file;
      const target = `${where}:${d.command.loc.line}`;
      if (dumpSelfCompresses(d.command)) {
        ctx.pass(target, 'pg_dump writes a compressed format');
        continue;
      }
      const others = companions(d, cronCommands);
      const piped = others.filter((o) => samePipeline(o, d.command) && (o.pipeline?.index ?? 0) > (d.command.pipeline?.index ?? 0));
      const compressor = piped.find((o) => compressionKind(o) !== null) ?? others.find((o) => o !== d.command && compressionKind(o) !== null);
      if (compressor || piped.some(writesCompressedFile)) {
        ctx.pass(target, compressor ? `compressed with ${compressionKind(compressor)}` : 'written to a compressed file');
        continue;
      }
      const out = outputFile(d.command) ?? piped.map(outputFile).find((x) => x !== null) ?? null;
      ctx.fail('plain', { at: d.command.loc, target, data: { where, to: out ? ` to ${out}` : '', output: out ?? 'the backup directory' } });
    }
  },
});
