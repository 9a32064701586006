// Where a repository says its backups land, for `scan --verify-backups`: the directories that dump commands write
// to, the bind mounts of backup services, and the usual backup folders. Only places that exist on this machine
// are kept (a scan run on the server itself finds them; a scan of a clone usually finds the repository's own).
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Facts } from '../../facts/index.js';
import type { ComposeService } from '../../facts/compose.js';
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';
import type { SourceLoc } from '../../core/types/located.js';

export interface BackupLocation {
  /** Absolute path of a folder of backups or of one backup file. */
  path: string;
  /** Why it is believed to hold backups, with the file and line that says so. */
  origin: string;
}

const DUMP_COMMANDS = new Set(['pg_dump', 'pg_dumpall']);
/** Folder names that mean "database backups". */
const BACKUP_DIR_NAME = /^(backups?|dumps?|db[-_]?(backups?|dumps?)|pg[-_]?(backups?|dumps?)|postgres(ql)?[-_]?backups?|sql[-_]?backups?)$/i;
/** A container path that holds backups. */
const BACKUP_MOUNT_TARGET = /(^|\/)(backups?|dumps?|pg[-_]?backups?|db[-_]?backups?)(\/|$)/i;
const BACKUP_SERVICE = /backup|pg-?dump/i;

/** The backup locations a repository names, existing on this machine, without duplicates. */
export function repoBackupLocations(root: string, facts: Facts): BackupLocation[] {
  const found = new Map<string, BackupLocation>();
  const add = (path: string, origin: string) => {
    const abs = resolve(path);
    if (found.has(abs) || !existsSync(abs)) return;
    found.set(abs, { path: abs, origin });
  };
  for (const script of facts.shell) {
    for (const c of script.commands) {
      const dir = dumpOutputDir(c, script, script.commands);
      if (dir) add(isAbsolute(dir) ? dir : join(root, dir), `${script.path}:${c.loc.line} writes dumps there`);
    }
  }
  for (const entry of facts.cron) {
    for (const c of entry.commands) {
      const dir = dumpOutputDir(c, null, entry.commands);
      if (dir && isAbsolute(dir)) add(dir, `${entry.path}:${c.loc.line} writes dumps there`);
    }
  }
  for (const project of facts.compose) {
    for (const s of project.services) {
      for (const v of s.volumes) {
        if (v.type !== 'bind' || !v.source || !isBackupMount(s, v.target, v.source)) continue;
        const source = v.sourcePath !== null ? join(root, v.sourcePath) : isAbsolute(v.source) ? v.source : null;
        if (source) add(source, `${v.raw.loc.file}:${v.raw.loc.line} mounts it into service "${s.name.value}" at ${v.target}`);
      }
    }
  }
  // Backup folders in the repository (often git-ignored, so looked for on disk rather than in the walk).
  for (const dir of new Set(['', ...facts.repo.files.map((f) => dirname(f.path)).filter((d) => d !== '.')])) {
    const name = dir.split('/').pop() ?? '';
    if (dir && BACKUP_DIR_NAME.test(name)) add(join(root, dir), `${dir}/ is a backup folder in the repository`);
  }
  for (const name of ['backups', 'backup', 'dumps', 'db_backups']) {
    const abs = join(root, name);
    if (isDirectory(abs)) add(abs, `${name}/ is a backup folder in the repository`);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function isBackupMount(s: ComposeService, target: string, source: string): boolean {
  const backupService = BACKUP_SERVICE.test(s.name.value) || (s.image !== null && BACKUP_SERVICE.test(s.image.value)) || (s.command !== null && /\bpg_dump/.test(s.command.value));
  return BACKUP_MOUNT_TARGET.test(target) || (backupService && BACKUP_MOUNT_TARGET.test(source));
}

/**
 * (The backup rules read dump outputs the same way in rules/backup/_flow.ts; a collector may not import rules, and
 * here the folder must also be expanded and exist on disk.)
 * The static folder a pg_dump writes to (`> /backups/db_$(date +%F).sql`, `-f dir/x.dump`, or through a pipeline:
 * `pg_dump app | gzip > "$DIR/app.sql.gz"`), or null.
 */
function dumpOutputDir(c: ShellCommand, script: ShellScript | null, siblings: readonly ShellCommand[]): string | null {
  if (!DUMP_COMMANDS.has(c.effectiveName)) return null;
  const last = c.pipeline ? siblings.find((o) => o.pipeline && o.pipeline.index === o.pipeline.length - 1 && sameLoc(o.pipeline.loc, c.pipeline!.loc)) : c;
  const file = (last && redirectTarget(last)) ?? argAfter(c.effectiveArgs, '-f', '--file');
  if (!file) return null;
  const dir = dirname(expand(file, script));
  // A folder that still depends on run time (`$(date)`, an unset variable) cannot be looked at.
  return dir && dir !== '.' && !/[$`*?]/.test(dir) ? dir : null;
}

function redirectTarget(c: ShellCommand): string | null {
  return c.redirections.find((r) => (r.op === '>' || r.op === '>>' || r.op === '>|') && r.fd !== 2 && r.target)?.target?.value ?? null;
}

function sameLoc(a: SourceLoc, b: SourceLoc): boolean {
  return a.file === b.file && a.line === b.line && a.col === b.col;
}

function argAfter(args: readonly string[], short: string, long: string): string | null {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === short || args[i] === long) return args[i + 1] ?? null;
    if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
    if (args[i].startsWith(short) && args[i].length > short.length && !args[i].startsWith('--')) return args[i].slice(short.length);
  }
  return null;
}

/**
 * Expands `$NAME` / `${NAME}` / `${NAME:-default}` from the script's assignments, a few levels deep
 * (`FILE="$DIR/db_$(date +%F).sql"` with `DIR=/var/backups/pg`); what stays dynamic stays as written.
 */
function expand(path: string, script: ShellScript | null): string {
  const vars = new Map<string, string>();
  for (const a of script?.assignments ?? []) if (a.value && !vars.has(a.name)) vars.set(a.name, a.value.value);
  let out = path;
  for (let depth = 0; depth < 4 && /\$\{?[A-Za-z_]/.test(out); depth++) {
    out = out.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}?/g, (whole, name: string, dflt: string | undefined) => vars.get(name) ?? (dflt ? dflt.slice(2) : whole));
  }
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** How a location is shown in reports: repo-relative inside the repository, absolute outside. */
export function displayIn(root: string): (abs: string) => string {
  return (abs) => {
    const rel = relative(root, abs);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : abs;
  };
}
