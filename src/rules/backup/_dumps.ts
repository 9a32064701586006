// Shared view of how a repository backs up PostgreSQL: dump commands in scripts, crontabs and compose services.
import type { Facts } from '../../facts/index.js';
import type { ComposeService } from '../../facts/compose.js';
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';
import { builtStage } from '../compose/_shared.js';

const DUMP_COMMANDS = new Set(['pg_dump', 'pg_dumpall', 'pg_basebackup']);
/** Images that run scheduled PostgreSQL backups themselves. */
const BACKUP_IMAGES = /(postgres-backup|pg-?backup|pgbackrest|wal-g|barman|db-backup|docker-db-backup|backup-local|kartoza\/pg-backup|restic|borgmatic|duplicati|offen\/docker-volume-backup)/i;

export interface DumpCommand {
  command: ShellCommand;
  /** The script holding it, or null for a crontab line. */
  script: ShellScript | null;
  /** The crontab file, when the command sits in a cron entry. */
  cronFile: string | null;
}

export function isDump(c: ShellCommand): boolean {
  return DUMP_COMMANDS.has(c.effectiveName);
}

/** Every pg_dump / pg_dumpall / pg_basebackup call in shell scripts and crontab entries. */
export function dumpCommands(facts: Facts): DumpCommand[] {
  const out: DumpCommand[] = [];
  for (const script of facts.shell) for (const c of script.commands) if (isDump(c)) out.push({ command: c, script, cronFile: null });
  for (const entry of facts.cron) for (const c of entry.commands) if (isDump(c)) out.push({ command: c, script: null, cronFile: entry.path });
  return out;
}

/** Compose services that exist to take backups (dedicated images, or a command running pg_dump). */
export function backupServices(facts: Facts): ComposeService[] {
  return facts.compose.flatMap((p) =>
    p.services.filter(
      (s) => (s.image && BACKUP_IMAGES.test(s.image.value)) || (s.command && /\bpg_dump(all)?\b/.test(s.command.value)) || /backup/i.test(s.name.value),
    ),
  );
}

/** PostgreSQL server images (official, PostGIS, pgvector, TimescaleDB, Bitnami...). */
const POSTGRES_IMAGE = /(^|\/)(postgres|postgis|pgvector|timescaledb(-ha)?)(:|$|-|@)|\/postgresql(:|$|@)/i;

/** The base image of the stage a compose service builds, following `FROM <earlier stage>` back to a real image. */
function builtBaseImage(s: ComposeService, facts: Facts): string | null {
  const built = builtStage(s, facts.dockerfiles);
  if (!built || !('stage' in built)) return null;
  let stage = built.stage;
  for (let i = 0; stage.fromStage && stage.parent !== null && i < built.file.stages.length; i++) stage = built.file.stages[stage.parent];
  return stage.fromStage ? null : stage.from.value;
}

/**
 * Compose services running PostgreSQL: by image, by the base image of the Dockerfile they build
 * (cookiecutter-django's `compose/production/postgres/Dockerfile` is `FROM postgres:16`), or named for PostgreSQL
 * and configured with POSTGRES_* variables.
 */
export function postgresServices(facts: Facts): ComposeService[] {
  return facts.compose.flatMap((p) =>
    p.services.filter((s) => {
      if (s.image && POSTGRES_IMAGE.test(s.image.value)) return true;
      const base = builtBaseImage(s, facts);
      if (base && POSTGRES_IMAGE.test(base)) return true;
      const named = /(postgres|postgis|pgsql)/i.test(`${s.name.value} ${s.image?.value ?? ''}`);
      return named && s.environment.some((e) => /^POSTGRES_/.test(e.key.value));
    }),
  );
}

/** All commands of the repository's scripts and cron entries, for "does anything do X" questions. */
export function allCommands(facts: Facts): ShellCommand[] {
  return [...facts.shell.flatMap((s) => s.commands), ...facts.cron.flatMap((e) => e.commands)];
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
