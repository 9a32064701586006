// The rule interface: self-describing metadata plus a pure check over facts.
import type { Facts, FactKind } from '../../facts/index.js';
import type { Located, SourceLoc } from './located.js';
import type { Category, Severity } from './severity.js';
import type { Proof, FileProof } from './proof.js';
import type { Reference } from './check.js';

/** Names a file for a finding about something missing from it ("no HEALTHCHECK among 32 lines"). */
export interface Absence {
  absentIn: string;
  note: string;
}

/** Where a finding points: a parsed node, a raw span, an absence, or an already-built proof item. */
export type Evidence = Located<unknown> | SourceLoc | Absence | Proof;

export type MessageData = Record<string, string | number | boolean>;

export interface FailOptions {
  /** The main evidence; its file and line become the finding's location. */
  at: Evidence;
  /** More evidence (the other side of a cross-file finding). */
  also?: Evidence[];
  /** Values for the message's {placeholders}, the verify template and the target. */
  data?: MessageData;
  /** What failed (a service, setting, file); defaults to the evidence's file. */
  target?: string;
  /** Overrides the rule's default severity for this case (e.g. a literal DEBUG=True vs a default). */
  severity?: Severity;
}

export interface RuleContext<M extends string = string> {
  fail(messageId: M, options: FailOptions): void;
  /** `reason` says why it passed when that is not obvious ("compose service web defines a healthcheck"). */
  pass(target: string, reason?: string): void;
  /** The rule could not decide: always with the reason. */
  unknown(target: string, reason: string): void;
  notApplicable(reason: string): void;
}

export interface RuleMeta<M extends string = string> {
  /** `<family>/<rule-name>`, equal to the file path under src/rules. Permanent. */
  id: string;
  aliases?: string[];
  title: string;
  category: Category;
  severity: Severity;
  /** Impact: what goes wrong in production. */
  why: string;
  /** The recommendation. */
  fix: string;
  references: Reference[];
  /** How to confirm the fix; may use {placeholders} from the finding's data. */
  verify: string;
  /** Fact kinds the rule reads; a collector issue on one of them makes the rule unknown. */
  requires: FactKind[];
  messages: Record<M, string>;
  /** When a failure of this rule should make the audit ask for a stronger review (seed 000). */
  escalation?: string;
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  check(facts: Facts, ctx: RuleContext<M>): void;
}

export type AnyRule = Rule<string>;

export function isAbsence(e: Evidence): e is Absence {
  return typeof (e as Absence).absentIn === 'string';
}

export function isProof(e: Evidence): e is Proof {
  return typeof (e as Proof).kind === 'string' && !('loc' in e);
}

export function isLocated(e: Evidence): e is Located<unknown> {
  return 'loc' in e && typeof (e as Located<unknown>).loc === 'object';
}

export type { FileProof };
