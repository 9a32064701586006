// The contract between collectors and rules: everything a rule may read.
import type { RepoFacts, ParseProblem } from './repo.js';
import type { ComposeProject } from './compose.js';
import type { DockerfileFacts } from './dockerfile.js';
import type { DjangoProject } from './django.js';
import type { ShellScript, CronEntry, NginxConfig, SystemdUnit, LogrotateConfig } from './scripts.js';
import type { HygieneFacts } from './hygiene.js';
import type { CiWorkflow } from './ci.js';
import type { BackupVerification } from './backup.js';
import type { ConfigFacts } from './config.js';
import type { EndpointFacts } from './endpoint.js';
import type { TextFile } from './texts.js';
import type { HostFacts } from './host.js';

export interface Facts {
  repo: RepoFacts;
  compose: ComposeProject[];
  dockerfiles: DockerfileFacts[];
  django: DjangoProject[];
  shell: ShellScript[];
  cron: CronEntry[];
  nginx: NginxConfig[];
  systemd: SystemdUnit[];
  logrotate: LogrotateConfig[];
  hygiene: HygieneFacts;
  ci: CiWorkflow[];
  /** Live URLs probed with --url (TLS and HTTP); absent or empty in a repository-only scan. */
  endpoints?: EndpointFacts[];
  /** Servers audited with --host (read-only commands); absent or empty in a repository-only scan. */
  host?: HostFacts[];
  /** Documentation, Makefiles and tool configs as located lines (src/collectors/repo/texts.ts). */
  texts: TextFile[];
  /** The project's .opsaudit.yml (suppressions); absent when facts are built by hand in tests. */
  config?: ConfigFacts;
  /** Backups restored by `verify-backup` or `scan --verify-backups`; absent when none was verified. */
  backups?: BackupVerification[];
}

export type FactKind = keyof Facts;

/** Something a collector could not do; rules requiring `kind` report `unknown` with this reason. */
export interface CollectorIssue {
  kind: FactKind;
  /** Repo-relative file, when the issue concerns one. */
  file: string | null;
  reason: string;
  /**
   * Only rules whose id starts with this (a family, "nginx/") are made unknown; rules of other families that read
   * the kind for a side signal keep their results (optional).
   */
  onlyRules?: string;
}

export type { ParseProblem };
export * from './repo.js';
export * from './compose.js';
export * from './dockerfile.js';
export * from './django.js';
export * from './scripts.js';
export * from './hygiene.js';
export * from './ci.js';
export * from './backup.js';
export * from './host.js';
export * from './config.js';
export * from './endpoint.js';
export * from './texts.js';

import type { SourceFile } from '../core/types/located.js';

/** What collection produced: the facts, the sources they point into, and what could not be read. */
export interface FactStore {
  facts: Facts;
  /** Every file a fact points into, by repo-relative path, so proof can quote lines. */
  sources: Map<string, SourceFile>;
  issues: CollectorIssue[];
  /** Literal secret values seen while collecting; masked wherever they appear in output. */
  secretValues: Set<string>;
  /** Things the reader should know (which settings module was audited and why). */
  notes: string[];
}
