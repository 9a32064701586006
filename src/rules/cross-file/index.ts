// Registry of the cross-file rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import healthViewSkipsDatabase from './health-view-skips-database.js';
import healthcheckHostNotAllowed from './healthcheck-host-not-allowed.js';
import healthcheckRouteMissing from './healthcheck-route-missing.js';
import healthcheckSslRedirect from './healthcheck-ssl-redirect.js';
import noHealthEndpoint from './no-health-endpoint.js';

export const crossfileRules: readonly AnyRule[] = [
  healthViewSkipsDatabase as AnyRule,
  healthcheckHostNotAllowed as AnyRule,
  healthcheckRouteMissing as AnyRule,
  healthcheckSslRedirect as AnyRule,
  noHealthEndpoint as AnyRule,
];
