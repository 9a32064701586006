// Helpers to build Probed<T> results from command outcomes.
import type { CommandProof } from '../../../core/types/proof.js';
import type { Probed } from '../../../facts/host.js';
import type { RunOutcome } from '../runner.js';

/** The proofs of the outcomes that ran a command. */
export function proofsOf(...outcomes: (RunOutcome | null | undefined)[]): CommandProof[] {
  return outcomes.flatMap((o) => (o?.proof ? [o.proof] : []));
}

export function known<T>(value: T, ...outcomes: (RunOutcome | null | undefined)[]): Probed<T> {
  return { ok: true, value, proof: proofsOf(...outcomes) };
}

export function unknownResult<T>(reason: string, ...outcomes: (RunOutcome | null | undefined)[]): Probed<T> {
  return { ok: false, reason, proof: proofsOf(...outcomes) };
}

/** Non-empty output lines, trailing whitespace removed. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}
