// Registry of the dockerfile rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import aptHygiene from './apt-hygiene.js';
import baseImageEndOfLife from './base-image-end-of-life.js';
import baseImageLatest from './base-image-latest.js';
import buildStepNeedsSecrets from './build-step-needs-secrets.js';
import failureIgnored from './failure-ignored.js';
import gunicornFixedWorkers from './gunicorn-fixed-workers.js';
import logFilesWithoutRotation from './log-files-without-rotation.js';
import noHealthcheck from './no-healthcheck.js';
import pythonunbufferedUnset from './pythonunbuffered-unset.js';
import runsAsRoot from './runs-as-root.js';
import secretInEnvOrArg from './secret-in-env-or-arg.js';

export const dockerfileRules: readonly AnyRule[] = [
  addInsteadOfCopy,
  aptHygiene,
  baseImageEndOfLife,
  baseImageLatest,
  buildStepNeedsSecrets,
  failureIgnored,
  gunicornFixedWorkers,
  logFilesWithoutRotation,
  noHealthcheck,
  pythonunbufferedUnset,
  runsAsRoot,
  secretInEnvOrArg,
] as AnyRule[];
