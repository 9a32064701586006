// Runs rules over a FactStore and records one raw result per check; never touches the file system.
import type { FactStore, FactKind } from '../facts/index.js';
import type { AnyRule, Evidence, FailOptions, MessageData, RuleContext } from './types/rule.js';
import type { CheckStatus } from './types/check.js';
import type { Severity } from './types/severity.js';

/** A check as the rule reported it, before proof, masking and numbering. */
export interface RawCheck {
  rule: AnyRule;
  status: CheckStatus;
  target: string;
  reason?: string;
  messageId?: string;
  data?: MessageData;
  at?: Evidence;
  also?: Evidence[];
  severity?: Severity;
}

function evidenceFile(e: Evidence): string | undefined {
  if ('absentIn' in e) return e.absentIn;
  if ('loc' in e) return e.loc.file;
  if ('file' in e && typeof e.file === 'string') return e.file;
  if ('path' in e && typeof e.path === 'string') return e.path;
  if ('host' in e && typeof e.host === 'string') return e.host;
  if ('url' in e && typeof e.url === 'string') return e.url;
  return undefined;
}

/** Evaluates one rule, turning a thrown error into an `unknown` check rather than a crash. */
export function runRule(rule: AnyRule, store: FactStore): RawCheck[] {
  const out: RawCheck[] = [];
  const ctx: RuleContext = {
    fail(messageId: string, options: FailOptions) {
      if (!(messageId in rule.messages)) throw new Error(`rule ${rule.id} has no message "${messageId}"`);
      out.push({
        rule,
        status: 'fail',
        target: options.target ?? evidenceFile(options.at) ?? rule.id,
        messageId,
        data: options.data ?? {},
        at: options.at,
        also: options.also,
        severity: options.severity,
      });
    },
    pass(target, reason) {
      out.push(reason ? { rule, status: 'pass', target, reason } : { rule, status: 'pass', target });
    },
    unknown(target, reason) {
      out.push({ rule, status: 'unknown', target, reason });
    },
    notApplicable(reason) {
      out.push({ rule, status: 'not-applicable', target: rule.id, reason });
    },
  };
  try {
    rule.check(store.facts, ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return [{ rule, status: 'unknown', target: rule.id, reason: `internal error while checking (a bug in opsaudit): ${message}` }];
  }
  return withCollectorIssues(rule, out, store);
}

/**
 * A file the rule needed but that could not be read or parsed makes the rule unknown for that file:
 * its absence from the facts must never read as "nothing to check" or as a pass.
 */
function withCollectorIssues(rule: AnyRule, checks: RawCheck[], store: FactStore): RawCheck[] {
  const required = new Set<FactKind>(rule.requires);
  const issues = store.issues.filter((i) => required.has(i.kind) && (!i.onlyRules || rule.id.startsWith(i.onlyRules)));
  if (issues.length === 0) return checks.length > 0 ? checks : [noResult(rule)];
  const decided = checks.filter((c) => c.status !== 'not-applicable');
  const unknowns: RawCheck[] = issues.map((i) => ({
    rule,
    status: 'unknown',
    target: i.file ?? i.kind,
    reason: i.reason,
  }));
  return [...decided, ...unknowns];
}

function noResult(rule: AnyRule): RawCheck {
  return { rule, status: 'unknown', target: rule.id, reason: 'the rule reported no result (a bug in opsaudit)' };
}

/** Runs every rule in order. */
export function runRules(rules: readonly AnyRule[], store: FactStore): RawCheck[] {
  return rules.flatMap((r) => runRule(r, store));
}
