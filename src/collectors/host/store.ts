// Puts host audits into a FactStore: alone (a host-only scan) or next to a repository's facts.
import type { CollectorIssue, Facts, FactStore } from '../../facts/index.js';
import type { HostAudit } from './collect.js';
import { emptyFacts } from '../empty-facts.js';

/**
 * Adds the hosts to `base` (or to empty facts). A host that could not be audited becomes a `host` collector
 * issue, so every host rule reports `unknown` for it with the reason instead of passing.
 */
export function withHosts(audits: readonly HostAudit[], base?: FactStore): FactStore {
  const store: FactStore = base ?? { facts: emptyFacts(), sources: new Map(), issues: [], secretValues: new Set(), notes: [] };
  const hosts = audits.map((a) => a.facts);
  store.facts = { ...store.facts, host: [...(store.facts.host ?? []), ...hosts] };
  const issues: CollectorIssue[] = hosts.filter((h) => h.failure).map((h) => ({ kind: 'host', file: h.name, reason: `${h.name} could not be audited: ${h.failure}` }));
  store.issues = [...store.issues, ...issues];
  for (const a of audits) for (const s of a.secrets) store.secretValues.add(s);
  for (const h of hosts) {
    if (h.failure) store.notes.push(`${h.name}: not audited — ${h.failure}`);
    else {
      const how = h.root ? 'as root' : h.sudo === 'works' ? 'with sudo -n for the probes that need root' : h.sudo === 'refused' ? 'without root (sudo -n was refused)' : 'without root (no --sudo)';
      store.notes.push(`${h.name}: ${h.commands.length} read-only commands run ${how}`);
    }
  }
  return store;
}
