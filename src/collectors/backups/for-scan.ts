// `scan --verify-backups`: the backups a repository and the audited hosts point at, restored into a throwaway engine
// on this machine. A host's backup is copied here first (see collect.ts) and never restored on the server.
import type { CollectorIssue, Facts } from '../../facts/index.js';
import type { BackupVerification } from '../../facts/backup.js';
import type { CommandProof } from '../../core/types/proof.js';
import type { HostAudit } from '../host/collect.js';
import { selectBackups } from './discover.js';
import { displayIn, repoBackupLocations } from './locate.js';
import { verifyBackups, type VerifyBackupsOptions } from './index.js';

export type ScanBackupOptions = Pick<VerifyBackupsOptions, 'engine' | 'scratchDsn' | 'rpoHours' | 'pgPath' | 'tempRoot' | 'now'>;

export interface ScanBackupResult {
  verifications: BackupVerification[];
  /** Where backups were looked for and what was found, for the report's notes. */
  notes: string[];
  /** Set when nothing could be verified: the backup-verify rules are then unknown with this reason. */
  issue: CollectorIssue | null;
  secrets: string[];
}

interface Input {
  path: string;
  shown: string;
  fetched: boolean;
  copiedWith: CommandProof | null;
}

/** Verifies the newest backup of every location the repository names and of every audited host. */
export async function verifyScanBackups(
  repo: { root: string; facts: Facts } | null,
  hosts: readonly HostAudit[],
  options: ScanBackupOptions,
  onProgress?: (message: string) => void,
): Promise<ScanBackupResult> {
  const notes: string[] = [];
  const inputs: Input[] = [];
  const looked: string[] = [];
  if (repo) {
    const shown = displayIn(repo.root);
    const locations = repoBackupLocations(repo.root, repo.facts);
    if (locations.length === 0) looked.push('the repository names no backup folder that exists on this machine (dump scripts, backup service mounts, backups/)');
    for (const loc of locations) {
      if (!hasBackup(loc.path)) {
        notes.push(`${shown(loc.path)}: no backup in it to verify (${loc.origin})`);
        looked.push(`${shown(loc.path)} holds no backup`);
        continue;
      }
      notes.push(`${shown(loc.path)}: verified because ${loc.origin}`);
      inputs.push({ path: loc.path, shown: shown(loc.path), fetched: false, copiedWith: null });
    }
  }
  for (const h of hosts) {
    notes.push(...(h.backupNotes ?? []));
    looked.push(...(h.backupNotes ?? []));
    // A copy is named after the host it came from; a file of this machine (--host local) by its own path.
    for (const c of h.backupCopies ?? []) inputs.push({ path: c.localPath, shown: c.fetched ? `${h.facts.name}:${c.remotePath}` : c.remotePath, fetched: c.fetched, copiedWith: c.proof });
  }
  if (inputs.length === 0) {
    const reason = `--verify-backups found no backup to restore: ${looked.join('; ') || 'nothing to look at'}`;
    return { verifications: [], notes, issue: { kind: 'backups', file: null, reason }, secrets: [] };
  }
  const byPath = new Map(inputs.map((i) => [i.path, i]));
  const result = await verifyBackups(
    inputs.map((i) => i.path),
    {
      ...options,
      // A folder's display name covers the files in it.
      display: (abs) => {
        const exact = byPath.get(abs);
        if (exact) return exact.shown;
        const dir = inputs.find((i) => abs.startsWith(`${i.path}/`));
        return dir ? `${dir.shown}/${abs.slice(dir.path.length + 1)}` : abs;
      },
      quotable: (abs) => !byPath.get(abs)?.fetched,
      onProgress,
    },
  );
  const copied = new Map(inputs.filter((i) => i.copiedWith).map((i) => [i.shown, i.copiedWith!]));
  const verifications = result.verifications.map((v) => (copied.has(v.path) ? { ...v, copiedWith: copied.get(v.path) } : v));
  return { verifications, notes: [...notes, ...result.notes], issue: null, secrets: result.secrets };
}

function hasBackup(path: string): boolean {
  try {
    return selectBackups(path, false).chosen.length > 0;
  } catch {
    return false;
  }
}
