// Facts about repository hygiene: ignore files and committed key material.
import type { Located } from '../core/types/located.js';

export interface IgnoreFile {
  path: string;
  /** Directory the patterns apply to ("" for the root). */
  dir: string;
  /** Non-comment pattern lines, as written. */
  patterns: Located<string>[];
}

export type CommittedSecretKind = 'private-key' | 'aws-access-key' | 'github-token' | 'slack-token' | 'stripe-live-key' | 'gitlab-token';

export interface CommittedSecret {
  kind: CommittedSecretKind;
  /** The line holding it; the value itself is masked in every output. */
  at: Located<string>;
}

export interface HygieneFacts {
  dockerignores: IgnoreFile[];
  gitignores: IgnoreFile[];
  committedSecrets: CommittedSecret[];
  /** Text files scanned for key material, and why some were not. */
  scannedFiles: number;
}
