// Facts with nothing from a repository: the base for URL-only and host-only scans (and for tests).
import type { Facts } from '../facts/index.js';

/** Empty facts of every kind; pass the parts a scan did collect. */
export function emptyFacts(parts: Partial<Facts> = {}): Facts {
  return {
    repo: { root: '', files: [], envFiles: [], tracked: null, parseProblems: [] },
    compose: [],
    dockerfiles: [],
    django: [],
    shell: [],
    cron: [],
    nginx: [],
    systemd: [],
    logrotate: [],
    hygiene: { dockerignores: [], gitignores: [], committedSecrets: [], scannedFiles: 0 },
    ci: [],
    texts: [],
    endpoints: [],
    ...parts,
  };
}
