// Shared helpers of the backup-verify rules: which backups were verified, and the "not checked because" reasons.
import type { Facts } from '../../facts/index.js';
import type { BackupProof, BackupVerification } from '../../facts/backup.js';
import type { Evidence } from '../../core/types/rule.js';

/** Why a backup-verify rule has nothing to judge in a plain repository scan. */
export const NOTHING_VERIFIED = 'no backup was restored in this run (use opsaudit verify-backup <file|dir>, or scan --verify-backups)';

/** The verified backups, or null when none was (the rule is then not applicable). */
export function verifiedBackups(facts: Facts): BackupVerification[] | null {
  return facts.backups && facts.backups.length > 0 ? facts.backups : null;
}

/** The reason a check on the restored data could not be made for `v`, or null when the restore succeeded. */
export function notRestored(v: BackupVerification): string | null {
  if (v.restore.status === 'ok' && v.tables !== null) return null;
  return `not checked: ${v.path} was not restored (${v.restore.detail})`;
}

export function isPlain(v: BackupVerification): boolean {
  return v.format === 'plain' || v.format === 'plain-gzip';
}

export function isArchive(v: BackupVerification): boolean {
  return v.format === 'custom' || v.format === 'directory' || v.format === 'tar';
}

/**
 * Evidence for a finding on backup `v`: the backup file first (quoted line when there is one), then command output.
 * Findings on backups therefore always name the file, whatever the proof.
 */
export function evidence(v: BackupVerification, proof: BackupProof | null, note: string): { at: Evidence; also: Evidence[] } {
  // A backup copied from a server: how it was copied is part of the proof.
  const copied = v.copiedWith ? [v.copiedWith] : [];
  if (proof && proof.kind === 'file') return { at: proof, also: copied };
  return { at: { kind: 'file', path: v.path, note }, also: [...(proof ? [proof] : []), ...copied] };
}

/** Command proofs of the same command become one (their outputs joined): one heading, several quoted lines. */
export function mergeProofs(proofs: readonly BackupProof[]): BackupProof[] {
  const out: BackupProof[] = [];
  for (const p of proofs) {
    const same = p.kind === 'command' ? out.find((o) => o.kind === 'command' && o.command === p.command) : undefined;
    if (same && same.kind === 'command' && p.kind === 'command') same.output = `${same.output}\n${p.output}`;
    else out.push(p.kind === 'command' ? { ...p } : p);
  }
  return out;
}

/** "1.2 MB" */
export function humanBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** "26.5 h" / "3.2 days" */
export function humanHours(h: number): string {
  return h >= 72 ? `${(h / 24).toFixed(1)} days` : `${h.toFixed(1)} h`;
}

/** "42.0 s" / "12.5 min" */
export function humanSeconds(s: number): string {
  return s >= 120 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(1)} s`;
}
