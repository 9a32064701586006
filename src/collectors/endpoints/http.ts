// HTTP probe: single GETs with node:http/https (no automatic redirects), bounded in time and body size.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { HttpExchange, HttpFetch } from '../../facts/endpoint.js';
import { VERSION } from '../../core/version.js';
import { parseSetCookie } from './cookies.js';
import { type Budget, ProbeTimeout, lookup, toFailure } from './net.js';
import { PERMISSIVE_CIPHERS } from './tls.js';

/** Enough for Django's technical 404 page and a health JSON; the rest is never read. */
const MAX_BODY_BYTES = 64 * 1024;
/** Redirect hops followed on the same host before giving up. */
const MAX_HOPS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface HttpOptions {
  requestTimeoutMs: number;
}

function headerRecord(raw: string[]): { headers: Record<string, string>; setCookies: string[] } {
  const headers: Record<string, string> = {};
  const setCookies: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = raw[i + 1];
    if (name === 'set-cookie') setCookies.push(value);
    else headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return { headers, setCookies };
}

function failed(url: string, started: number, error: HttpExchange['error']): HttpExchange {
  return { method: 'GET', url, status: null, headers: {}, cookies: [], durationMs: Date.now() - started, body: '', bodyTruncated: false, error };
}

/**
 * One GET. TLS is deliberately permissive here (no trust check, legacy versions allowed): certificate problems are
 * judged by the TLS probe, and the HTTP checks should still see the headers of a site with a broken certificate.
 */
export function request(url: string, timeoutMs: number): Promise<HttpExchange> {
  const started = Date.now();
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(failed(url, started, { kind: 'other', reason: `${url} is not a valid URL` }));
      return;
    }
    const secure = target.protocol === 'https:';
    const hostname = target.hostname.replace(/^\[|\]$/g, '');
    const options: https.RequestOptions = {
      method: 'GET',
      agent: false,
      lookup,
      headers: { 'user-agent': `opsaudit/${VERSION} (endpoint probe)`, accept: 'text/html,application/json;q=0.9,*/*;q=0.8' },
    };
    if (secure) Object.assign(options, { rejectUnauthorized: false, minVersion: 'TLSv1', ciphers: PERMISSIVE_CIPHERS, servername: isIP(hostname) ? undefined : hostname });
    const req = (secure ? https : http).request(target, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const { headers, setCookies } = headerRecord(res.rawHeaders);
        resolve({
          method: 'GET',
          url: target.href,
          status: res.statusCode ?? null,
          headers,
          cookies: setCookies.map(parseSetCookie).filter((c) => c !== null),
          durationMs: Date.now() - started,
          body: Buffer.concat(chunks).toString('utf8'),
          bodyTruncated: truncated,
          error: null,
        });
      };
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        const room = MAX_BODY_BYTES - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (size >= MAX_BODY_BYTES) {
          truncated = true;
          finish();
          res.destroy();
        }
      });
      res.on('end', finish);
      // A body cut short (time limit, reset) still has its status and headers: report what arrived.
      res.on('error', finish);
      res.on('close', finish);
    });
    const timer = setTimeout(() => req.destroy(new ProbeTimeout(timeoutMs, 'response')), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      resolve(failed(target.href, started, toFailure(err, target.href)));
    });
    req.end();
  });
}

/** A GET within the budget: a budget failure when none is left. */
export async function budgetedRequest(url: string, budget: Budget, options: HttpOptions): Promise<HttpExchange> {
  const limit = budget.limit(options.requestTimeoutMs);
  if (limit <= 0) return failed(url, Date.now(), budget.exhausted());
  return request(url, limit);
}

/**
 * GET following redirects on the same host name (any scheme or port) up to five hops; a redirect to another host is
 * recorded in `offHost` and not followed.
 */
export async function fetchSameHost(url: string, budget: Budget, options: HttpOptions): Promise<HttpFetch> {
  const hops: HttpExchange[] = [];
  const seen = new Set<string>();
  let next = url;
  const host = new URL(url).hostname.toLowerCase();
  for (;;) {
    const x = await budgetedRequest(next, budget, options);
    hops.push(x);
    seen.add(x.url);
    const location = x.headers.location;
    if (x.status === null || !REDIRECTS.has(x.status) || !location) return { hops, offHost: null };
    let to: URL;
    try {
      to = new URL(location, x.url);
    } catch {
      return { hops, offHost: null };
    }
    if (to.hostname.toLowerCase() !== host) return { hops, offHost: to.href };
    if (seen.has(to.href) || hops.length >= MAX_HOPS) return { hops, offHost: null };
    next = to.href;
  }
}
