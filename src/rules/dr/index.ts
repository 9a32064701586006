// Registry of the dr rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import noRecoveryDocument from './no-recovery-document.js';
import rtoRpoNotDefined from './rto-rpo-not-defined.js';

export const drRules: readonly AnyRule[] = [noRecoveryDocument as AnyRule, rtoRpoNotDefined as AnyRule];
