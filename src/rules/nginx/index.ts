// Registry of the nginx rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import accessLogWithoutRequestTime from './access-log-without-request-time.js';
import addHeaderInheritance from './add-header-inheritance.js';
import aliasTraversal from './alias-traversal.js';
import autoindexOn from './autoindex-on.js';
import clientMaxBodySizeDefault from './client-max-body-size-default.js';
import httpNotRedirected from './http-not-redirected.js';
import noDefaultServer from './no-default-server.js';
import noRateLimit from './no-rate-limit.js';
import noTlsListener from './no-tls-listener.js';
import proxyHeadersMissing from './proxy-headers-missing.js';
import securityHeadersMissing from './security-headers-missing.js';
import serverTokens from './server-tokens.js';
import staticPathMismatch from './static-path-mismatch.js';
import upstreamUnknownService from './upstream-unknown-service.js';
import weakCiphers from './weak-ciphers.js';
import weakTlsProtocols from './weak-tls-protocols.js';
import websocketUpgradeMissing from './websocket-upgrade-missing.js';

export const nginxRules: readonly AnyRule[] = [
  accessLogWithoutRequestTime,
  addHeaderInheritance,
  aliasTraversal,
  autoindexOn,
  clientMaxBodySizeDefault,
  httpNotRedirected,
  noDefaultServer,
  noRateLimit,
  noTlsListener,
  proxyHeadersMissing,
  securityHeadersMissing,
  serverTokens,
  staticPathMismatch,
  upstreamUnknownService,
  weakCiphers,
  weakTlsProtocols,
  websocketUpgradeMissing,
];
