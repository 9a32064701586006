// Registry of the backup rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import mediaNotBackedUp from './media-not-backed-up.js';
import noBackup from './no-backup.js';
import noOffsiteCopy from './no-offsite-copy.js';
import noRestoreTest from './no-restore-test.js';
import noRetention from './no-retention.js';
import notCompressed from './not-compressed.js';
import notScheduled from './not-scheduled.js';
import offsiteCopyNotEncrypted from './offsite-copy-not-encrypted.js';
import pgDumpWithoutPassword from './pg-dump-without-password.js';
import pipeWithoutPipefail from './pipe-without-pipefail.js';
import scriptWithoutErrexit from './script-without-errexit.js';

export const backupRules: readonly AnyRule[] = [
  mediaNotBackedUp as AnyRule,
  noBackup as AnyRule,
  noOffsiteCopy as AnyRule,
  noRestoreTest as AnyRule,
  noRetention as AnyRule,
  notCompressed as AnyRule,
  notScheduled as AnyRule,
  offsiteCopyNotEncrypted as AnyRule,
  pgDumpWithoutPassword as AnyRule,
  pipeWithoutPipefail as AnyRule,
  scriptWithoutErrexit as AnyRule,
];
