// Registry of the logging rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';

export const loggingRules: readonly AnyRule[] = [];
