// The contract between collectors and rules: everything a rule may read.
import type { RepoFacts, ParseProblem } from './repo.js';
import type { ComposeProject } from './compose.js';
import type { DockerfileFacts } from './dockerfile.js';
import type { DjangoProject } from './django.js';
import type { ShellScript, CronEntry, NginxConfig, SystemdUnit, LogrotateConfig } from './scripts.js';
import type { HygieneFacts } from './hygiene.js';
import type { CiWorkflow } from './ci.js';

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
}

export type FactKind = keyof Facts;

/** Something a collector could not do; rules requiring `kind` report `unknown` with this reason. */
export interface CollectorIssue {
  kind: FactKind;
  /** Repo-relative file, when the issue concerns one. */
  file: string | null;
  reason: string;
}

export type { ParseProblem };
export * from './repo.js';
export * from './compose.js';
export * from './dockerfile.js';
export * from './django.js';
export * from './scripts.js';
export * from './hygiene.js';
export * from './ci.js';

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
