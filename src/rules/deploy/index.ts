// Registry of the deployment rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import secretFilePermissionsRace from './secret-file-permissions-race.js';

export const deployRules: readonly AnyRule[] = [secretFilePermissionsRace as AnyRule];
