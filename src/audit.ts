// The scan pipeline: collectors -> rules -> report. Shared by the CLI, tests and benchmarks.
import { basename, resolve } from 'node:path';
import { collectRepository } from './collectors/fact-store.js';
import { runRules } from './core/engine.js';
import { buildReport } from './core/report.js';
import type { Report } from './core/types/check.js';
import type { AnyRule } from './core/types/rule.js';
import { RULES } from './rules/index.js';

export interface AuditOptions {
  rules?: readonly AnyRule[];
  now?: Date;
  onProgress?: (message: string) => void;
}

/** Audits a repository tree and returns the masked report. */
export function auditRepository(root: string, options: AuditOptions = {}): Report {
  const abs = resolve(root);
  const store = collectRepository(abs, { onProgress: options.onProgress });
  options.onProgress?.('running rules');
  const raw = runRules(options.rules ?? RULES, store);
  return buildReport(raw, store, {
    scope: `repository ${basename(abs)}`,
    server: null,
    now: options.now ?? new Date(),
  });
}
