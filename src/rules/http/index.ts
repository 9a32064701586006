// Registry of the HTTP rules (live requests, --url): one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import adminExposed from './admin-exposed.js';
import contentTypeNosniff from './content-type-nosniff.js';
import cookieFlags from './cookie-flags.js';
import cspMissing from './csp-missing.js';
import debugPage from './debug-page.js';
import healthEndpoint from './health-endpoint.js';
import hstsMissing from './hsts-missing.js';
import noHttpsRedirect from './no-https-redirect.js';
import referrerPolicy from './referrer-policy.js';
import slowResponse from './slow-response.js';
import versionDisclosure from './version-disclosure.js';
import xFrameOptions from './x-frame-options.js';

export const httpRules: readonly AnyRule[] = [
  adminExposed,
  contentTypeNosniff,
  cookieFlags,
  cspMissing,
  debugPage,
  healthEndpoint,
  hstsMissing,
  noHttpsRedirect,
  referrerPolicy,
  slowResponse,
  versionDisclosure,
  xFrameOptions,
] as AnyRule[];
