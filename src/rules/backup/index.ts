// Registry of the backup rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import noBackup from './no-backup.js';
import noRetention from './no-retention.js';
import notScheduled from './not-scheduled.js';
import pgDumpWithoutPassword from './pg-dump-without-password.js';

export const backupRules: readonly AnyRule[] = [
  noBackup as AnyRule,
  noRetention as AnyRule,
  notScheduled as AnyRule,
  pgDumpWithoutPassword as AnyRule,
];
