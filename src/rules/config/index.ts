// Registry of the config rules (about the project's own .opsaudit.yml): one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import suppressionExpired from './suppression-expired.js';

export const configRules: readonly AnyRule[] = [suppressionExpired as AnyRule];
