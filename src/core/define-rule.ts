// Typing helper for rule modules: ties messageIds to the messages map.
import type { Rule } from './types/rule.js';

/** Declares a rule; `ctx.fail` then only accepts the ids in `messages`. */
export function defineRule<const M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
