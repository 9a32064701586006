// The results contract: one check per rule evaluation and target, one finding per failed check.
import type { Category, Severity } from './severity.js';
import type { Proof } from './proof.js';
import type { BackupSummary } from '../../facts/backup.js';

export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';

export interface Check {
  rule: string;
  /** The rule's title, so reports can describe passed checks (strengths). */
  title: string;
  status: CheckStatus;
  /** Always present for unknown and not-applicable. */
  reason?: string;
  /** What was checked: a file, a service, a setting ("docker-compose.prod.yaml#redis"). */
  target: string;
  category: Category;
  /** Index into Report.findings for failed checks. */
  finding?: string;
}

export interface Reference {
  title: string;
  url: string;
}

/** A finding in seed-000 shape plus rule, title and structured proof. */
export interface Finding {
  id: string;
  rule: string;
  /** Which of the rule's messages this is (stable; used by tests and suppressions). */
  message_id: string;
  title: string;
  severity: Severity;
  category: Category;
  description: string;
  evidence: string;
  impact: string;
  recommendation: string;
  sota_source: string;
  verification: string;
  references: Reference[];
  target: string;
  proof: Proof[];
  /** Stable across runs and unrelated line moves: rule + target + quoted text. */
  fingerprint: string;
  /** Set when a `.opsaudit.yml` entry or an inline `# opsaudit: ignore[rule]` comment accepts this finding. */
  suppressed?: Suppression;
  /** Set when the scan was compared with a baseline report (`--baseline`). */
  baseline?: 'new' | 'unchanged';
}

/** Why a finding is accepted: it stays in every report, but no longer fails `--fail-on` / `--fail-on-new`. */
export interface Suppression {
  /** `config`: an entry of .opsaudit.yml; `inline`: a `# opsaudit: ignore[rule] reason` comment. */
  kind: 'config' | 'inline';
  reason: string;
  /** YYYY-MM-DD, last day the suppression applies (config entries only). */
  expires?: string;
  /** Where the suppression is written: `file:line`. */
  source: string;
}

/** A finding of the baseline report that the current scan no longer reports. */
export interface FixedFinding {
  /** Its id in the baseline report. */
  id: string;
  rule: string;
  title: string;
  severity: Severity;
  description: string;
  evidence: string;
  fingerprint: string;
}

export interface EscalationRequest {
  recommended_tier: 'strong';
  reasons: string[];
}

export interface CategoryScore {
  category: Category;
  title: string;
  passed: number;
  failed: number;
  unknown: number;
  applicable: number;
  /** passed / applicable, 0..100, null when nothing applicable was decided. */
  completion: number | null;
}

export interface Score {
  /** 0..10 with one decimal. */
  overall: number;
  formula: string;
  categories: CategoryScore[];
}

export interface Report {
  auditor: 'opsaudit';
  version: string;
  generated_at: string;
  scope: string;
  server: string | null;
  findings: Finding[];
  checks: Check[];
  score: Score;
  escalation_request: EscalationRequest | null;
  /** Notes the audit wants the reader to see (which settings module was used and why, skipped files...). */
  notes: string[];
  health_check?: Record<string, unknown>;
  /** The restore summary table of `verify-backup` / `scan --verify-backups`: one row per backup restored. */
  backups?: BackupSummary[];
  /** With `--baseline`: findings of the baseline that are gone now. */
  fixed?: FixedFinding[];
}
