// Merges findings that are about the same thing seen twice — in the repository and on the running server — so a
// reader gets one finding with both proofs (the compose line and the container's inspect output), not two.
import type { RawCheck } from './engine.js';

/** A repository rule and a host rule that report the same concern for the same value of `key` in their data. */
export interface SameConcern {
  repoRule: string;
  hostRule: string;
  key: string;
}

export const SAME_CONCERNS: readonly SameConcern[] = [
  // A compose service without a restart policy and its running container with policy "no".
  { repoRule: 'compose/no-restart-policy', hostRule: 'host/container-no-restart-policy', key: 'service' },
];

/**
 * Folds each host failure into the repository failure of the same concern and key: the host's evidence is
 * appended to the repository finding's proof and the host check is dropped. Unmatched checks are kept as they are.
 */
export function mergeSameConcern(raw: readonly RawCheck[], concerns: readonly SameConcern[] = SAME_CONCERNS): RawCheck[] {
  const out = raw.map((c) => ({ ...c }));
  const dropped = new Set<RawCheck>();
  for (const sc of concerns) {
    const repo = out.filter((c) => c.status === 'fail' && c.rule.id === sc.repoRule);
    for (const h of out.filter((c) => c.status === 'fail' && c.rule.id === sc.hostRule)) {
      const value = h.data?.[sc.key];
      const match = value === undefined ? undefined : repo.find((r) => r.data?.[sc.key] === value);
      if (!match || !h.at) continue;
      match.also = [...(match.also ?? []), h.at, ...(h.also ?? [])];
      dropped.add(h);
    }
  }
  return out.filter((c) => !dropped.has(c));
}
