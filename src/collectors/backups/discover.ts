// Turns the user's path into the backups to verify: a file, a directory dump, or a folder of backups (newest first).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupFormat } from '../../facts/backup.js';
import { detectFormat } from './detect.js';

export interface BackupFile {
  /** Absolute path. */
  path: string;
  isDirectory: boolean;
  /** Modification time (a directory dump: its toc.dat). */
  mtimeMs: number;
  format: BackupFormat;
}

/** Names that say "database backup" even when the content is not recognisable (an empty or broken dump). */
const BACKUP_NAME = /\.(sql|psql|pgsql|dump|pgdump|backup|bak|tar|custom|fc|pgc|gz)$/i;

function describe(path: string): BackupFile | null {
  let st;
  try {
    st = statSync(path);
  } catch {
    return null;
  }
  if (st.isDirectory()) {
    const toc = join(path, 'toc.dat');
    if (!existsSync(toc)) return null;
    return { path, isDirectory: true, mtimeMs: statSync(toc).mtimeMs, format: detectFormat(path).format };
  }
  if (!st.isFile()) return null;
  let format: BackupFormat;
  try {
    format = detectFormat(path).format;
  } catch {
    format = 'unknown';
  }
  if (format === 'unknown' && !BACKUP_NAME.test(path)) return null;
  return { path, isDirectory: false, mtimeMs: st.mtimeMs, format };
}

/** The backups in a folder (not recursive: a folder of backups is one series), newest first. */
export function backupsIn(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.'))
    .map((n) => describe(join(dir, n)))
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? 1 : -1));
}

export interface Selection {
  /** The backups to verify. */
  chosen: BackupFile[];
  /** Other backups of the same series, for the size comparison. */
  series: BackupFile[];
}

/**
 * A file or directory dump is verified alone; a folder of backups gives its newest (or all with `all`).
 * Throws when the path does not exist; returns no backup when the folder holds none.
 */
export function selectBackups(input: string, all: boolean): Selection {
  const st = statSync(input);
  if (st.isDirectory() && !existsSync(join(input, 'toc.dat'))) {
    const list = backupsIn(input);
    return { chosen: all ? list : list.slice(0, 1), series: list };
  }
  const self = describe(input) ?? { path: input, isDirectory: st.isDirectory(), mtimeMs: st.mtimeMs, format: 'unknown' as BackupFormat };
  const series = backupsIn(dirname(input));
  if (!series.some((b) => b.path === self.path)) series.push(self);
  return { chosen: [self], series };
}

/** The newest older backup of the same format in the series: the size baseline. */
export function previousOf(b: BackupFile, series: readonly BackupFile[]): BackupFile | null {
  return (
    series
      .filter((o) => o.path !== b.path && o.format === b.format && o.format !== 'unknown' && o.mtimeMs < b.mtimeMs)
      .sort((x, y) => y.mtimeMs - x.mtimeMs)[0] ?? null
  );
}

