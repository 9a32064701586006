// pg_dump run against a password-protected database with no password source (seed 002 #4 and #8).
import { defineRule } from '../../core/define-rule.js';
import type { ComposeService } from '../../facts/compose.js';
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';
import { dumpCommands, postgresServices } from './_dumps.js';

const PASSWORD_VARS = new Set(['PGPASSWORD', 'PGPASSFILE', 'PGSERVICEFILE', 'PGSERVICE']);

function hasPasswordSource(c: ShellCommand, script: ShellScript | null): boolean {
  if (c.env.some((a) => PASSWORD_VARS.has(a.name))) return true;
  // A connection URI with a password, or a service/passfile option.
  if (c.effectiveArgs.some((a) => /^(--dbname=)?postgres(ql)?:\/\/[^/@\s]*:[^@\s]+@/.test(a) || /passfile=|service=/.test(a))) return true;
  if (!script) return false;
  const scope = (name: string | null) => name === null || name === c.inFunction;
  if (script.assignments.some((a) => PASSWORD_VARS.has(a.name) && (a.exported || a.commandScoped === false) && scope(a.inFunction))) return true;
  return script.commands.some((other) => /\.pgpass\b/.test(other.text));
}

/** Peer authentication: run as the postgres OS user without -h connects over the local socket, no password. */
function usesPeerAuth(c: ShellCommand): boolean {
  const asPostgres = c.wrappers.some((w) => (w.kind === 'sudo' || w.kind === 'su' || w.kind === 'runuser') && w.user === 'postgres');
  return asPostgres && !c.effectiveArgs.some((a) => a === '-h' || a.startsWith('--host'));
}

function passwordOf(s: ComposeService): string | null {
  const e = s.environment.find((v) => /^POSTGRES_PASSWORD(_FILE)?$/.test(v.key.value));
  if (e) return e.key.value;
  return s.secrets.length > 0 ? 'a Docker secret' : null;
}

export default defineRule({
  id: 'backup/pg-dump-without-password',
  title: 'pg_dump has no password source for a password-protected database',
  category: 'backup',
  severity: 'high',
  requires: ['shell', 'cron', 'compose'],
  why: 'Unattended, pg_dump either waits for a password prompt that never comes or fails authentication; the scheduled backup silently produces nothing.',
  fix: 'Give pg_dump the password non-interactively: PGPASSWORD from the same secret the database uses (e.g. `-e PGPASSWORD="$(cat secrets/db_password.txt)"` on `docker compose exec`), a 0600 ~/.pgpass / PGPASSFILE, or a connection service file.',
  references: [
    { title: 'PostgreSQL docs: The Password File', url: 'https://www.postgresql.org/docs/current/libpq-pgpass.html' },
    { title: 'PostgreSQL docs: pg_dump', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'bash -c "{script} backup-db < /dev/null" && ls -la backups/   # runs without a prompt and leaves a non-empty dump',
  messages: {
    noPassword: 'pg_dump in {script} connects to {database} without PGPASSWORD, a .pgpass file or a password in the URI, while the database requires one ({secret}).',
  },
  check(facts, ctx) {
    const dumps = dumpCommands(facts);
    if (dumps.length === 0) return ctx.notApplicable('no pg_dump in scripts or crontabs');
    const pg = postgresServices(facts);
    for (const { command: c, script, cronFile } of dumps) {
      const where = script?.path ?? cronFile ?? c.loc.file;
      const target = `${where}:${c.loc.line}`;
      if (hasPasswordSource(c, script) || usesPeerAuth(c)) {
        ctx.pass(target);
        continue;
      }
      const service = c.container ? pg.find((s) => s.name.value === c.container || s.containerName?.value === c.container) : pg.length === 1 ? pg[0] : undefined;
      const secret = service ? passwordOf(service) : null;
      if (!service || !secret) {
        ctx.unknown(target, c.container ? `pg_dump runs in "${c.container}", which is not a PostgreSQL service with a password in the compose files found` : 'cannot tell from the repository whether the database pg_dump connects to requires a password');
        continue;
      }
      ctx.fail('noPassword', {
        at: c.loc,
        target,
        data: { script: where, database: `service "${service.name.value}"`, secret },
      });
    }
  },
});
