// Facts about the project's own opsaudit configuration (.opsaudit.yml): its suppressions, located.
import type { Located, SourceLoc } from '../core/types/located.js';

/** One `ignore:` entry of .opsaudit.yml. */
export interface ConfigSuppression {
  /** The rule id (or alias) the entry silences. */
  rule: Located<string>;
  /** .gitignore-style patterns of the finding locations it applies to; empty means everywhere. */
  paths: Located<string>[];
  reason: Located<string>;
  /** YYYY-MM-DD: the last day the entry applies; null when it never expires. */
  expires: Located<string> | null;
  /** Where the entry starts (the `- rule:` item). */
  loc: SourceLoc;
}

/** A problem in .opsaudit.yml, with the position of the offending node. */
export interface ConfigProblem {
  line: number;
  col: number;
  message: string;
}

export interface ConfigFacts {
  /** Repo-relative path of the config file, or null when the repository has none. */
  path: string | null;
  /** Valid entries only; an invalid entry is reported as a problem and never applied. */
  suppressions: ConfigSuppression[];
  /** Today's date (YYYY-MM-DD, UTC) the expiry dates are compared with; injected so runs are reproducible. */
  today: string;
}
