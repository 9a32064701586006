// Shared by the HTTP rules: the response to judge for each probed URL, and the proof item of an exchange.
import type { HttpProof } from '../../core/types/proof.js';
import type { EndpointFacts, HttpExchange, HttpFetch } from '../../facts/endpoint.js';

interface Ctx {
  unknown(target: string, reason: string): void;
  notApplicable(reason: string): void;
}

/** The security headers shown in proof when a rule is about one of them (what is there tells what is missing). */
export const SECURITY_HEADERS = [
  'strict-transport-security',
  'content-security-policy',
  'content-security-policy-report-only',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'permissions-policy',
];

export function lastHop(f: HttpFetch): HttpExchange {
  return f.hops[f.hops.length - 1];
}

/** Why a fetch gave no answer a rule can judge, or null when it did. */
export function fetchProblem(e: EndpointFacts, f: HttpFetch | null, what: string): string | null {
  if (e.error) return e.error.reason;
  if (!f) return `${what} was not requested`;
  const last = lastHop(f);
  if (last.error) return last.error.reason;
  if (f.offHost) return `${f.hops[0].url} redirects to another host (${f.offHost}), which was not followed: probe that URL with --url`;
  return null;
}

/** Each probed URL's home page response (after same-host redirects); the others are reported unknown or n/a. */
export function homePages(endpoints: readonly EndpointFacts[], ctx: Ctx): { e: EndpointFacts; x: HttpExchange; target: string }[] {
  if (endpoints.length === 0) {
    ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
    return [];
  }
  const out: { e: EndpointFacts; x: HttpExchange; target: string }[] = [];
  for (const e of endpoints) {
    const problem = fetchProblem(e, e.home, 'the page');
    if (problem || !e.home) ctx.unknown(e.url, problem ?? 'the page was not requested');
    else out.push({ e, x: lastHop(e.home), target: e.url });
  }
  return out;
}

/** A proof item for one exchange, with the named headers that are present (and the excerpt, when given). */
export function httpProof(x: HttpExchange, names: readonly string[], excerpt = ''): HttpProof {
  const headers: Record<string, string> = {};
  for (const n of names) if (x.headers[n] !== undefined) headers[n] = x.headers[n];
  return { kind: 'http', method: x.method, url: x.url, status: x.status, headers, duration_ms: x.durationMs, excerpt };
}

/** A header's value, trimmed; undefined when absent. */
export function header(x: HttpExchange, name: string): string | undefined {
  const v = x.headers[name];
  return v === undefined ? undefined : v.trim();
}
