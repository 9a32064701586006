// Registry of the backup-verify rules (results of restoring backups): one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import extensionsAvailable from './extensions-available.js';
import format from './format.js';
import integrity from './integrity.js';
import minRows from './min-rows.js';
import notEmpty from './not-empty.js';
import restore from './restore.js';
import rolesRequired from './roles-required.js';
import rpo from './rpo.js';
import rto from './rto.js';
import schemaObjects from './schema-objects.js';
import sizeDrop from './size-drop.js';
import tablesRestored from './tables-restored.js';
import tocListable from './toc-listable.js';
import versionSupported from './version-supported.js';

export const backupVerifyRules: readonly AnyRule[] = [
  extensionsAvailable as AnyRule,
  format as AnyRule,
  integrity as AnyRule,
  minRows as AnyRule,
  notEmpty as AnyRule,
  restore as AnyRule,
  rolesRequired as AnyRule,
  rpo as AnyRule,
  rto as AnyRule,
  schemaObjects as AnyRule,
  sizeDrop as AnyRule,
  tablesRestored as AnyRule,
  tocListable as AnyRule,
  versionSupported as AnyRule,
];
