// Probe: the backup directory — newest file's age and size, the previous file's size, and an integrity test.
import type { BackupFile, BackupState, HostCrontabs, Probed } from '../../../facts/host.js';
import type { ProbeRunner } from '../runner.js';
import { backupDirFromCommand } from './cron.js';
import { known, lines, unknownResult } from './result.js';

/** Parses `find -printf '%T@\t%s\t%p\n'` into files, newest first; checksum and log files are not backups. */
export function parseBackupListing(text: string): BackupFile[] {
  const out: BackupFile[] = [];
  for (const line of lines(text)) {
    const [t, size, ...rest] = line.split('\t');
    const path = rest.join('\t');
    if (!path || !/^\d+(\.\d+)?$/.test(t) || /\.(log|sha\d+|md5|sig|asc|txt)$|\/\.[^/]+$/.test(path)) continue;
    out.push({ path, sizeBytes: Number(size), modified: new Date(Math.round(Number(t) * 1000)).toISOString() });
  }
  return out.sort((a, b) => b.modified.localeCompare(a.modified) || a.path.localeCompare(b.path));
}

/** The integrity test that applies to a backup file name, if any. */
export function integrityTool(path: string): 'gzip-test' | 'pg-restore-list' | null {
  if (/\.(gz|tgz)$/.test(path)) return 'gzip-test';
  if (/\.(dump|pgdump|backup|custom)$/.test(path)) return 'pg-restore-list';
  return null;
}

export interface BackupOptions {
  /** --backup-dir values. */
  dirs: readonly string[];
}

/** Backup state, or null when no directory was configured or could be found from a backup cron line. */
export async function probeBackups(r: ProbeRunner, options: BackupOptions, cron: Probed<HostCrontabs>): Promise<Probed<BackupState | null>> {
  let dir: string | null = null;
  let origin = '';
  if (options.dirs.length > 0) {
    dir = options.dirs[0];
    origin = '--backup-dir';
  } else if (cron.ok) {
    for (const c of cron.value.lines.filter((x) => x.backup)) {
      const d = backupDirFromCommand(c.command);
      if (d) {
        dir = d;
        origin = `the backup cron line in ${c.source}: ${c.line}`;
        break;
      }
    }
  }
  if (!dir) {
    if (!cron.ok) return unknownResult(`no --backup-dir was given and the crontabs could not be read (${cron.reason})`);
    return known(null);
  }
  const list = await r.run('list-backups', [dir]);
  if (list.status !== 'ok' || !list.proof) return unknownResult(`the backup directory ${dir} could not be listed: ${list.reason}`, list);
  const files = parseBackupListing(list.stdout);
  let integrity: BackupState['integrity'] = null;
  const newest = files[0];
  const tool = newest ? integrityTool(newest.path) : null;
  const extra = [];
  if (newest && tool) {
    const t = await r.run(tool, [newest.path]);
    extra.push(t);
    const name = tool === 'gzip-test' ? 'gzip -t' : 'pg_restore --list';
    // A failing test is a verdict on the file; a missing tool, a refusal or a timeout is not.
    integrity = { tool: name, ok: t.status === 'ok' ? true : t.status === 'failed' ? false : null, reason: t.reason, proof: t.proof };
  }
  return known({ dir, origin, files, integrity, listing: list.proof }, list, ...extra);
}
