// Facts about verified backups: what a throwaway restore of each dump proved, with the proof items to quote.
import type { CommandProof, FileProof } from '../core/types/proof.js';

/** pg_dump output formats, detected from content. `unknown` = not recognisable as a PostgreSQL dump. */
export type BackupFormat = 'plain' | 'plain-gzip' | 'custom' | 'directory' | 'tar' | 'unknown';

/** Where a backup was restored to prove it. */
export type BackupEngineName = 'postgres' | 'dsn' | 'embedded';

export type BackupProof = FileProof | CommandProof;

/** A step's outcome: `failed` is a property of the backup, `unknown` means it could not be checked here (reason). */
export interface StepResult {
  status: 'ok' | 'failed' | 'unknown';
  /** One sentence: what was seen, or why it could not be checked. */
  detail: string;
  proof: BackupProof | null;
}

/** The first error of a stop-on-error restore. */
export interface RestoreError {
  message: string;
  /** Line in the (decompressed) SQL of a plain dump, as psql reported it. */
  line: number | null;
  /** The quoted line, when `line` is known. */
  text: string | null;
  /** The archive's table-of-contents entry being restored ("3345; 0 16399 TABLE DATA public items app"). */
  tocEntry: string | null;
}

export interface RestoredTable {
  /** schema.name */
  name: string;
  rows: number;
}

/** Counts of schema objects: expected from the dump, and found after the restore. */
export interface ObjectCounts {
  tables: number;
  indexes: number;
  constraints: number;
  sequences: number;
}

/** A role or extension the dump needs, with where it is first referenced. */
export interface DumpDependency {
  name: string;
  proof: BackupProof | null;
}

/** A sibling backup used as the size baseline. */
export interface PreviousBackup {
  path: string;
  sizeBytes: number;
  modifiedAt: string;
}

export interface BackupVerification {
  /** The path as the user named it (or repo-relative in `scan`); the target of every check on this backup. */
  path: string;
  /**
   * Whether proof may quote this file's lines by number. False for compressed dumps (their lines exist only after
   * decompression) and for copies fetched from a server: those lines are quoted in notes (dumpLineProof).
   */
  linesQuotable: boolean;
  /** For a backup copied from an audited host to be restored here: the copy command (`cat -- <path>`). */
  copiedWith?: CommandProof;
  format: BackupFormat;
  /** How the format was recognised ("starts with the custom-format magic PGDMP"), or why it was not. */
  formatEvidence: string;
  /** `failed` when the content is no pg_dump format (the proof quotes what it is instead). */
  formatCheck: StepResult;
  /** Bytes on disk (a directory dump: all its files). */
  sizeBytes: number;
  /** Bytes of SQL after decompression (plain dumps), else null. */
  sqlBytes: number | null;
  /** Hex sha256 of the file (a directory dump: of its files' names and hashes, sorted); null when unreadable. */
  sha256: string | null;
  /** When the dump was taken: the archive header's timestamp when present, else the file's modification time. */
  takenAt: string;
  takenAtSource: 'archive header' | 'file modification time';
  ageHours: number;
  rpoHours: number;
  /** --rto in seconds, or null when not given. */
  rtoSeconds: number | null;
  previous: PreviousBackup | null;
  /** A newer backup of the same series, when this one is not the newest (its age then says nothing about the RPO). */
  newerInSeries: string | null;
  /** pg_dump and source server versions the dump declares ("15.18"), when it does. */
  dumpedBy: string | null;
  dumpedFrom: string | null;
  /** Plain dumps: the gzip stream decompresses with a valid checksum and the script is complete. Null for archives. */
  integrity: StepResult | null;
  /** Archives: pg_restore --list reads the table of contents. Null for plain dumps (they have none). */
  toc: StepResult | null;
  /** Entries in the archive's table of contents. */
  tocEntries: number | null;
  /** Whether an engine able to read this dump was found; `failed` = none can (e.g. dump from a newer major). */
  compatibility: StepResult;
  engine: { name: BackupEngineName; version: string; where: string } | null;
  restore: StepResult & { durationMs: number | null; firstError: RestoreError | null };
  /** After a successful restore; null otherwise. */
  tables: RestoredTable[] | null;
  /** The per-table counts as proof (what was counted, where). */
  tablesProof: BackupProof | null;
  expected: ObjectCounts | null;
  restored: ObjectCounts | null;
  roles: DumpDependency[];
  /** Roles the dump needs that the restore target lacked (created in the throwaway cluster, or worked around). */
  missingRoles: string[];
  extensions: DumpDependency[];
  /** Extensions the engine could not provide. */
  missingExtensions: string[];
  expectTables: string[];
  minRows: Record<string, number>;
  /** What the reader should know about how this backup was verified (roles created, statements skipped). */
  notes: string[];
}

/** One row of the restore summary table every report format shows. */
export interface BackupSummary {
  path: string;
  format: BackupFormat;
  engine: string | null;
  /** restored | failed | unknown */
  result: 'restored' | 'failed' | 'unknown';
  size_bytes: number;
  sha256: string | null;
  age_hours: number;
  tables: number | null;
  rows: number | null;
  /** Measured restore time (the observed RTO), seconds. */
  restore_seconds: number | null;
  rto_seconds: number | null;
  detail: string;
}
