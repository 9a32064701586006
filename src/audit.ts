// The scan pipeline: collectors -> rules -> report. Shared by the CLI, tests and benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { collectRepository } from './collectors/fact-store.js';
import { collectEndpoints, type EndpointCollectOptions } from './collectors/endpoints/index.js';
import { UsageError } from './core/errors.js';
import { runRules } from './core/engine.js';
import { buildReport } from './core/report.js';
import { applySuppressions } from './core/suppress.js';
import type { Report } from './core/types/check.js';
import type { AnyRule } from './core/types/rule.js';
import type { FactStore } from './facts/index.js';
import { RULES } from './rules/index.js';
import { auditHosts, type FleetOptions } from './collectors/host/fleet.js';
import type { HostAudit } from './collectors/host/collect.js';
import { withHosts } from './collectors/host/store.js';
import type { HostSpec } from './collectors/host/target.js';
import { mergeSameConcern } from './core/merge.js';
import { verifyScanBackups, type ScanBackupOptions } from './collectors/backups/for-scan.js';
import { summarize } from './collectors/backups/index.js';

export interface AuditOptions {
  rules?: readonly AnyRule[];
  now?: Date;
  onProgress?: (message: string) => void;
}

/** Audits a repository tree and returns the masked report. */
export function auditRepository(root: string, options: AuditOptions = {}): Report {
  const abs = resolve(root);
  const now = options.now ?? new Date();
  const store = collectRepository(abs, { onProgress: options.onProgress, now });
  options.onProgress?.('running rules');
  // Endpoint rules (tls/*, http/*) need --url probes and host rules (host/*) --host audits, which only auditAll collects.
  const rules = (options.rules ?? RULES).filter((r) => !needsEndpoints(r) && !needsHosts(r));
  const raw = runRules(rules, store);
  const report = buildReport(raw, store, {
    scope: `repository ${basename(abs)}`,
    server: null,
    now,
  });
  // .opsaudit.yml entries and `# opsaudit: ignore[...]` comments mark findings suppressed (they stay in the report).
  const ruleIds = new Map<string, string>();
  for (const r of RULES) for (const id of [r.id, ...(r.aliases ?? [])]) ruleIds.set(id, r.id);
  return applySuppressions(report, { config: store.facts.config, sources: store.sources, secretValues: store.secretValues, ruleIds });
}

/** Rules that judge live probes (--url): run only when URLs were probed. */
export function needsEndpoints(rule: AnyRule): boolean {
  return rule.requires.includes('endpoints');
}

export interface AuditAllOptions extends AuditOptions {
  /** Repository to audit; omitted for a URL-only scan. */
  repo?: string;
  /** URLs to probe (TLS and HTTP). */
  urls?: readonly string[];
  /** Probe settings: thresholds, paths, extra CA certificates. */
  endpoints?: Omit<EndpointCollectOptions, 'onProgress'>;
  /** Servers to audit read-only (--host, --inventory). */
  hosts?: readonly HostSpec[];
  /** Host audit settings: sudo, timeouts, thresholds, concurrency, SSH files. */
  host?: Omit<FleetOptions, 'onProgress' | 'now' | 'backupCopiesTo'>;
  /** Restore the backups the repository and the hosts point at into a throwaway engine here (--verify-backups). */
  verifyBackups?: ScanBackupOptions;
}

/** Rules that judge restored backups: run only when --verify-backups asked for it. */
export function needsBackups(rule: AnyRule): boolean {
  return rule.requires.includes('backups');
}

/** Rules that judge a live server (--host): run only when hosts were audited. */
export function needsHosts(rule: AnyRule): boolean {
  return rule.requires.includes('host');
}

/** One FactStore from a repository's and the endpoints' collections (either may be absent). */
function mergeStores(repo: FactStore | null, endpoints: FactStore | null): FactStore {
  if (!repo) return endpoints as FactStore;
  if (!endpoints) return repo;
  return {
    facts: { ...repo.facts, endpoints: endpoints.facts.endpoints },
    sources: repo.sources,
    issues: [...repo.issues, ...endpoints.issues],
    secretValues: new Set([...repo.secretValues, ...endpoints.secretValues]),
    notes: [...repo.notes, ...endpoints.notes],
  };
}

/**
 * Audits a repository, live URLs, or both in one report. The repository collection is synchronous; the probes run
 * concurrently, each URL within its own time budget. Rules run when the facts they need were collected.
 */
export async function auditAll(options: AuditAllOptions): Promise<Report> {
  const urls = options.urls ?? [];
  const hosts = options.hosts ?? [];
  if (!options.repo && urls.length === 0 && hosts.length === 0) throw new UsageError('nothing to audit: give a repository path, --url or --host.');
  const now = options.now ?? new Date();
  const abs = options.repo ? resolve(options.repo) : null;
  const repoStore = abs ? collectRepository(abs, { onProgress: options.onProgress, now }) : null;
  // Backups copied from hosts for --verify-backups live here until they are verified.
  const copies = options.verifyBackups && hosts.length > 0 ? mkdtempSync(join(tmpdir(), 'opsaudit-backup-copies-')) : undefined;
  try {
    // Endpoints and hosts are probed at the same time; each host's failure stays with that host.
    const [endpointStore, hostAudits] = await Promise.all([
      urls.length > 0 ? collectEndpoints(urls, { ...options.endpoints, onProgress: options.onProgress }) : Promise.resolve(null),
      hosts.length > 0 ? auditHosts(hosts, { ...options.host, backupCopiesTo: copies, onProgress: options.onProgress, now }) : Promise.resolve([] as HostAudit[]),
    ]);
    const merged = repoStore || endpointStore ? mergeStores(repoStore, endpointStore) : undefined;
    const store = hostAudits.length > 0 ? withHosts(hostAudits, merged) : (merged as FactStore);
    if (options.verifyBackups) {
      const verified = await verifyScanBackups(repoStore && abs ? { root: abs, facts: repoStore.facts } : null, hostAudits, { now, ...options.verifyBackups }, options.onProgress);
      store.facts = { ...store.facts, backups: verified.verifications };
      if (verified.issue) store.issues = [...store.issues, verified.issue];
      store.notes = [...store.notes, ...verified.notes];
      for (const s of verified.secrets) store.secretValues.add(s);
    }
    return finish(options, store, hostAudits, abs, urls.length > 0, now);
  } finally {
    if (copies) rmSync(copies, { recursive: true, force: true });
  }
}

function finish(options: AuditAllOptions, store: FactStore, hostAudits: HostAudit[], abs: string | null, probedUrls: boolean, now: Date): Report {
  const hosts = hostAudits.length;
  options.onProgress?.('running rules');
  const rules = (options.rules ?? RULES).filter((r) =>
    needsBackups(r) ? options.verifyBackups !== undefined || abs !== null : needsHosts(r) ? hosts > 0 : needsEndpoints(r) ? probedUrls : abs !== null,
  );
  const hostNames = hostAudits.map((a) => a.facts.name).join(', ');
  const scope = [
    abs ? `repository ${basename(abs)}` : null,
    probedUrls ? (store.facts.endpoints ?? []).map((e) => e.url).join(', ') : null,
    hostAudits.length > 0 ? `${hostAudits.length === 1 ? 'server' : 'servers'} ${hostNames}` : null,
  ]
    .filter(Boolean)
    .join(' + ');
  // A compose service and its running container failing the same check become one finding with both proofs.
  const raw = mergeSameConcern(runRules(rules, store));
  const built = buildReport(raw, store, { scope, server: hostAudits.length > 0 ? hostNames : null, now });
  // The restore summary table, as `verify-backup` shows it.
  const report = store.facts.backups?.length ? { ...built, backups: store.facts.backups.map(summarize) } : built;
  const ruleIds = new Map<string, string>();
  for (const r of RULES) for (const id of [r.id, ...(r.aliases ?? [])]) ruleIds.set(id, r.id);
  return applySuppressions(report, { config: store.facts.config, sources: store.sources, secretValues: store.secretValues, ruleIds });
}
