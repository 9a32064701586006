// The rule registry: every family's explicit list, sorted by id. No globbing at run time.
import type { AnyRule } from '../core/types/rule.js';
import parseError from './parse-error.js';
import { backupRules } from './backup/index.js';
import { backupVerifyRules } from './backup-verify/index.js';
import { configRules } from './config/index.js';
import { deployRules } from './deploy/index.js';
import { composeRules } from './compose/index.js';
import { crossfileRules } from './cross-file/index.js';
import { djangoRules } from './django/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { hygieneRules } from './hygiene/index.js';
import { hostRules } from './host/index.js';
import { loggingRules } from './logging/index.js';
import { monitoringRules } from './monitoring/index.js';
import { nginxRules } from './nginx/index.js';
import { drRules } from './dr/index.js';
import { httpRules } from './http/index.js';
import { tlsRules } from './tls/index.js';

export const RULES: readonly AnyRule[] = [parseError as AnyRule, ...backupRules, ...backupVerifyRules, ...composeRules, ...configRules, ...deployRules, ...crossfileRules, ...djangoRules, ...dockerfileRules, ...drRules, ...hygieneRules, ...hostRules, ...loggingRules, ...monitoringRules, ...nginxRules, ...httpRules, ...tlsRules].sort((a, b) =>
  a.id.localeCompare(b.id),
);

/** Finds a rule by id or alias. */
export function findRule(idOrAlias: string): AnyRule | undefined {
  return RULES.find((r) => r.id === idOrAlias || (r.aliases ?? []).includes(idOrAlias));
}
