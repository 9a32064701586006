// Audits several hosts concurrently with a bound; one host's failure (or a bug on one host) never stops the others.
import { DEFAULT_THRESHOLDS } from '../../facts/host.js';
import { collectHost, failedHost, type HostAudit, type HostAuditOptions } from './collect.js';
import type { HostSpec } from './target.js';

export interface FleetOptions extends HostAuditOptions {
  /** Hosts audited at once (default 8: SSH handshakes are CPU-bound on the auditing machine). */
  concurrency?: number;
}

/** Audits every host; the result is in the order given. */
export async function auditHosts(specs: readonly HostSpec[], options: FleetOptions = {}): Promise<HostAudit[]> {
  const limit = Math.max(1, options.concurrency ?? 8);
  const out: HostAudit[] = new Array(specs.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < specs.length) {
      const i = next++;
      const spec = specs[i];
      try {
        out[i] = await collectHost(spec, options);
      } catch (e) {
        const now = options.now ?? new Date();
        out[i] = { facts: failedHost(spec.label, spec.local ? 'local' : 'ssh', `internal error while auditing (a bug in opsaudit): ${(e as Error).message}`, { ...DEFAULT_THRESHOLDS, ...options.thresholds }, now), secrets: new Set() };
      }
      finished++;
      if (specs.length > 1) options.onProgress?.(`${finished}/${specs.length} hosts audited`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, specs.length) }, worker));
  return out;
}
