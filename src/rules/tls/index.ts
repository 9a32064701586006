// Registry of the TLS rules (live handshakes, --url): one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import certificateExpiry from './certificate-expiry.js';
import certificateUntrusted from './certificate-untrusted.js';
import hostnameMismatch from './hostname-mismatch.js';
import legacyProtocols from './legacy-protocols.js';
import noTls13 from './no-tls13.js';
import selfSignedCertificate from './self-signed-certificate.js';
import weakKey from './weak-key.js';
import weakSignature from './weak-signature.js';

export const tlsRules: readonly AnyRule[] = [
  certificateExpiry,
  certificateUntrusted,
  hostnameMismatch,
  legacyProtocols,
  noTls13,
  selfSignedCertificate,
  weakKey,
  weakSignature,
] as AnyRule[];
