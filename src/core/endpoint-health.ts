// The seed-000 health_check.ssl block from the live TLS probes (--url): what clients are served, not files on disk.
import type { EndpointFacts } from '../facts/endpoint.js';

const DAY_MS = 86_400_000;

export interface EndpointSsl {
  url: string;
  host: string;
  port: number;
  /** Null when the handshake failed (unknown is not valid). */
  valid: boolean | null;
  expires: string | null;
  days_remaining: number | null;
  /** Why it is not valid, or why it could not be told. */
  problems: string[];
}

/** Judges one https endpoint: trusted chain, matching name, and inside its validity period at probe time. */
export function endpointSsl(e: EndpointFacts): EndpointSsl {
  const base = { url: e.url, host: e.host, port: e.port };
  const t = e.tls;
  if (!t) return { ...base, valid: null, expires: null, days_remaining: null, problems: [(e.error ?? e.tlsError)?.reason ?? 'no TLS handshake'] };
  const now = Date.parse(e.probedAt);
  const notAfter = Date.parse(t.certificate.notAfter);
  const notBefore = Date.parse(t.certificate.notBefore);
  const problems: string[] = [];
  if (notAfter <= now) problems.push('expired');
  if (notBefore > now) problems.push('not yet valid');
  if (t.chainError && t.chainError !== 'CERT_HAS_EXPIRED' && t.chainError !== 'CERT_NOT_YET_VALID') problems.push(`chain: ${t.chainError}`);
  if (!t.hostnameMatch) problems.push(`not valid for ${t.host}`);
  return {
    ...base,
    valid: problems.length === 0,
    expires: t.certificate.notAfter.slice(0, 10),
    days_remaining: Number.isNaN(notAfter) ? null : Math.floor((notAfter - now) / DAY_MS),
    problems,
  };
}

/**
 * Sets health_check.ssl from the https endpoints probed: `valid` only when every one is valid (null when one could
 * not be told), `expires` the earliest date. A block computed from certificate files on an audited host is kept
 * beside it as `from_host_files`. Without https endpoints the block is returned unchanged.
 */
export function withEndpointSsl(health: Record<string, unknown> | null, endpoints: readonly EndpointFacts[]): Record<string, unknown> | null {
  const probed = endpoints.filter((e) => e.scheme === 'https').map(endpointSsl);
  if (probed.length === 0) return health;
  const valid = probed.some((p) => p.valid === false) ? false : probed.some((p) => p.valid === null) ? null : true;
  const dates = probed.map((p) => p.expires).filter((d): d is string => d !== null).sort();
  const ssl: Record<string, unknown> = { valid, expires: dates[0] ?? null, endpoints: probed };
  const previous = health?.ssl;
  if (previous) ssl.from_host_files = previous;
  return { ...(health ?? {}), ssl };
}
