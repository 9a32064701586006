// Registry of the monitoring rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';

export const monitoringRules: readonly AnyRule[] = [];
