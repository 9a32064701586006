// Registry of the deployment rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import appUnitRunsAsRoot from './app-unit-runs-as-root.js';
import ciDeployWithoutTests from './ci-deploy-without-tests.js';
import collectstaticNotRun from './collectstatic-not-run.js';
import migrationsNotRun from './migrations-not-run.js';
import noDeployAutomation from './no-deploy-automation.js';
import noPostDeployCheck from './no-post-deploy-check.js';
import noPreDeployBackup from './no-pre-deploy-backup.js';
import noRollback from './no-rollback.js';
import secretFilePermissionsRace from './secret-file-permissions-race.js';

export const deployRules: readonly AnyRule[] = [
  appUnitRunsAsRoot as AnyRule,
  ciDeployWithoutTests as AnyRule,
  collectstaticNotRun as AnyRule,
  migrationsNotRun as AnyRule,
  noDeployAutomation as AnyRule,
  noPostDeployCheck as AnyRule,
  noPreDeployBackup as AnyRule,
  noRollback as AnyRule,
  secretFilePermissionsRace as AnyRule,
];
