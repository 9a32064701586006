// Registry of the compose rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import bindMountSourceMissing from './bind-mount-source-missing.js';
import databasePortPublished from './database-port-published.js';
import dependsOnUndefinedService from './depends-on-undefined-service.js';
import dependsOnWithoutHealthyCondition from './depends-on-without-healthy-condition.js';
import dockerSocketMounted from './docker-socket-mounted.js';
import fixedContainerName from './fixed-container-name.js';
import imageEndOfLife from './image-end-of-life.js';
import imageNotPinned from './image-not-pinned.js';
import noLogRotation from './no-log-rotation.js';
import noResourceLimits from './no-resource-limits.js';
import noRestartPolicy from './no-restart-policy.js';
import plaintextPasswordInEnvironment from './plaintext-password-in-environment.js';
import privilegedOrHostNetwork from './privileged-or-host-network.js';
import redisWithoutPassword from './redis-without-password.js';
import serviceWithoutHealthcheck from './service-without-healthcheck.js';
import undefinedVariable from './undefined-variable.js';
import unusedEnvExampleKey from './unused-env-example-key.js';

export const composeRules: readonly AnyRule[] = [
  bindMountSourceMissing,
  databasePortPublished,
  dependsOnUndefinedService,
  dependsOnWithoutHealthyCondition,
  dockerSocketMounted,
  fixedContainerName,
  imageEndOfLife,
  imageNotPinned,
  noLogRotation,
  noResourceLimits,
  noRestartPolicy,
  plaintextPasswordInEnvironment,
  privilegedOrHostNetwork,
  redisWithoutPassword,
  serviceWithoutHealthcheck,
  undefinedVariable,
  unusedEnvExampleKey,
] as AnyRule[];
