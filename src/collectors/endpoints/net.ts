// Network plumbing shared by the TLS and HTTP probes: a per-URL time budget, DNS lookup, and error -> ProbeFailure.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { ProbeFailure } from '../../facts/endpoint.js';

/** The total time one URL may take; every step gets at most what is left, so a scan never hangs. */
export class Budget {
  private readonly end: number;

  constructor(readonly totalMs: number) {
    this.end = Date.now() + totalMs;
  }

  remaining(): number {
    return Math.max(0, this.end - Date.now());
  }

  /** The time limit for the next step: its own limit, capped by what is left; 0 means the budget is used up. */
  limit(stepMs: number): number {
    return Math.min(stepMs, this.remaining());
  }

  exhausted(): ProbeFailure {
    return { kind: 'budget', reason: `the time budget of ${seconds(this.totalMs)} for this URL was used up before this step` };
  }
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * dns.lookup, except for names under .invalid: RFC 6761 (section 6.4) reserves them to never resolve and asks resolver
 * libraries to answer NXDOMAIN themselves, so they fail here without a query leaving the machine.
 */
export function lookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'invalid' || name.endsWith('.invalid')) {
    const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    err.code = 'ENOTFOUND';
    err.syscall = 'getaddrinfo';
    process.nextTick(() => callback(err, options.all ? [] : '', undefined));
    return;
  }
  // The overloads of dns.lookup do not accept the union the socket layer passes; the runtime call is the same.
  (dnsLookup as unknown as (h: string, o: LookupOptions, cb: LookupCallback) => void)(hostname, options, callback);
}

/** Raised by our own timers, so a timeout reads the same whatever stage it hit. */
export class ProbeTimeout extends Error {
  constructor(readonly ms: number, readonly what: string) {
    super(`no ${what} within ${seconds(ms)}`);
  }
}

const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/;

/** Turns a Node network error into the failure a rule reports; `where` names the host:port or URL. */
export function toFailure(err: unknown, where: string): ProbeFailure {
  if (err instanceof ProbeTimeout) return { kind: 'timeout', reason: `${where}: ${err.message}` };
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const message = (e?.message ?? String(err)).split('\n')[0];
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
    case 'EAI_FAIL':
    case 'EAI_AGAIN':
      return { kind: 'dns', reason: `${where}: the name does not resolve (DNS ${code})` };
    case 'ECONNREFUSED':
      return { kind: 'refused', reason: `${where}: connection refused` };
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return { kind: 'timeout', reason: `${where}: connection timed out (${code})` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { kind: 'reset', reason: `${where}: the connection was closed by the server (${code})` };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return { kind: 'refused', reason: `${where}: no route to the host (${code})` };
    default:
      if (TLS_CODE.test(code)) return { kind: 'tls', reason: `${where}: TLS handshake failed: ${opensslReason(message)}` };
      if (code.startsWith('HPE_')) return { kind: 'http', reason: `${where}: the response is not valid HTTP (${code})` };
      return { kind: 'other', reason: `${where}: ${message}${code ? ` (${code})` : ''}` };
  }
}

/** OpenSSL messages carry a long "80AC...:error:0A00014D:SSL routines:fn:" prefix; keep the readable tail. */
export function opensslReason(message: string): string {
  const m = /SSL routines:[^:]*:([^:]+)/.exec(message);
  return m ? m[1].trim() : message.trim();
}

/** Failures that mean the endpoint itself could not be reached (as opposed to one path misbehaving). */
export function isUnreachable(f: ProbeFailure): boolean {
  return f.kind === 'dns' || f.kind === 'refused' || f.kind === 'timeout' || f.kind === 'budget';
}
