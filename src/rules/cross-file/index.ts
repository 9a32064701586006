// Registry of the cross-file rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';

export const crossfileRules: readonly AnyRule[] = [];
