// Registry of the logging rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import noLogRotation from './no-log-rotation.js';

export const loggingRules: readonly AnyRule[] = [noLogRotation as AnyRule];
