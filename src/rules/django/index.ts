// Registry of the django rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import allowedHostsWildcard from './allowed-hosts-wildcard.js';
import contentTypeNosniff from './content-type-nosniff.js';
import crossOriginOpenerPolicy from './cross-origin-opener-policy.js';
import csrfCookieInsecure from './csrf-cookie-insecure.js';
import csrfMiddlewareMissing from './csrf-middleware-missing.js';
import csrfTrustedOriginsMissing from './csrf-trusted-origins-missing.js';
import databasePasswordLiteral from './database-password-literal.js';
import debugEnabled from './debug-enabled.js';
import emailBackendConsole from './email-backend-console.js';
import hstsIncludeSubdomains from './hsts-include-subdomains.js';
import hstsMissing from './hsts-missing.js';
import hstsPreload from './hsts-preload.js';
import loggingNotConfigured from './logging-not-configured.js';
import mediaRootMissing from './media-root-missing.js';
import noErrorTracking from './no-error-tracking.js';
import referrerPolicy from './referrer-policy.js';
import secretKeyHardcoded from './secret-key-hardcoded.js';
import secretKeyWeak from './secret-key-weak.js';
import secureProxySslHeaderMissing from './secure-proxy-ssl-header-missing.js';
import securityMiddlewareMissing from './security-middleware-missing.js';
import sessionCookieInsecure from './session-cookie-insecure.js';
import settingsModuleDevelopment from './settings-module-development.js';
import settingsModuleMissing from './settings-module-missing.js';
import sslRedirectDisabled from './ssl-redirect-disabled.js';
import staticRootMissing from './static-root-missing.js';
import versionEndOfLife from './version-end-of-life.js';
import xFrameOptions from './x-frame-options.js';

export const djangoRules: readonly AnyRule[] = [
  allowedHostsWildcard as AnyRule,
  contentTypeNosniff as AnyRule,
  crossOriginOpenerPolicy as AnyRule,
  csrfCookieInsecure as AnyRule,
  csrfMiddlewareMissing as AnyRule,
  csrfTrustedOriginsMissing as AnyRule,
  databasePasswordLiteral as AnyRule,
  debugEnabled as AnyRule,
  emailBackendConsole as AnyRule,
  hstsIncludeSubdomains as AnyRule,
  hstsMissing as AnyRule,
  hstsPreload as AnyRule,
  loggingNotConfigured as AnyRule,
  mediaRootMissing as AnyRule,
  noErrorTracking as AnyRule,
  referrerPolicy as AnyRule,
  secretKeyHardcoded as AnyRule,
  secretKeyWeak as AnyRule,
  secureProxySslHeaderMissing as AnyRule,
  securityMiddlewareMissing as AnyRule,
  sessionCookieInsecure as AnyRule,
  settingsModuleDevelopment as AnyRule,
  settingsModuleMissing as AnyRule,
  sslRedirectDisabled as AnyRule,
  staticRootMissing as AnyRule,
  versionEndOfLife as AnyRule,
  xFrameOptions as AnyRule,
];
