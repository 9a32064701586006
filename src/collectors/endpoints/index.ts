// Probes every --url (TLS and HTTP) concurrently, each within its own time budget, and assembles a FactStore.
import { emptyFacts as emptyFactsOfAllKinds } from '../empty-facts.js';
import { randomBytes } from 'node:crypto';
import type { EndpointFacts, EndpointSettings, Facts, FactStore } from '../../facts/index.js';
import { UsageError } from '../../core/errors.js';
import { Budget, isUnreachable, seconds } from './net.js';
import { budgetedRequest, fetchSameHost } from './http.js';
import { probeTls } from './tls.js';

/** Defaults: seed 004 (certificate alerts at 30 and 7 days), seed 003 (response time > 2 s), the issue's /health/. */
export const DEFAULT_ENDPOINT_SETTINGS: EndpointSettings = {
  certHighDays: 30,
  certCriticalDays: 7,
  healthPath: '/health/',
  healthMaxMs: 2000,
  slowMs: 2000,
  errorPath: null,
  adminPath: '/admin/',
  httpPort: 80,
  requestTimeoutMs: 5000,
  budgetMs: 30_000,
};

export interface EndpointCollectOptions extends Partial<EndpointSettings> {
  /** Extra trusted CA certificates (PEM text), for sites behind a private CA. */
  ca?: string[];
  onProgress?: (message: string) => void;
  /** Injected by tests; the random not-found path otherwise. */
  notFoundPath?: string;
}

/** Checks and normalises a --url; a bad one is a usage error before anything is probed. */
export function normalizeUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new UsageError(`--url ${raw}: not a valid URL. Example: --url https://app.example.com`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UsageError(`--url ${raw}: only http:// and https:// URLs can be probed.`);
  if (u.username || u.password) throw new UsageError(`--url ${raw}: leave credentials out of the URL.`);
  u.hash = '';
  return u;
}

function pathOn(origin: URL, path: string): string {
  return new URL(path.startsWith('/') ? path : `/${path}`, origin).href;
}

function plainHttpUrl(u: URL, httpPort: number): string {
  const p = new URL(u.href);
  p.protocol = 'http:';
  p.port = httpPort === 80 ? '' : String(httpPort);
  return p.href;
}

/** Probes one URL. Never throws: what could not be probed is recorded as a failure with its reason. */
export async function probeEndpoint(raw: string, options: EndpointCollectOptions = {}): Promise<EndpointFacts> {
  const u = normalizeUrl(raw);
  const settings: EndpointSettings = { ...DEFAULT_ENDPOINT_SETTINGS, ...definedOnly(options) };
  const budget = new Budget(settings.budgetMs);
  const http = { requestTimeoutMs: settings.requestTimeoutMs };
  const scheme = u.protocol === 'https:' ? 'https' : 'http';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = u.port ? Number(u.port) : scheme === 'https' ? 443 : 80;
  const facts: EndpointFacts = {
    url: u.href,
    scheme,
    host,
    port,
    path: u.pathname + u.search,
    settings,
    probedAt: new Date().toISOString(),
    error: null,
    tls: null,
    tlsError: null,
    home: null,
    plainHttp: null,
    notFound: null,
    errorPage: null,
    health: null,
    admin: null,
  };
  if (scheme === 'https') {
    const t = await probeTls(host, port, { ca: options.ca, requestTimeoutMs: settings.requestTimeoutMs }, budget);
    if ('failure' in t) {
      facts.tlsError = t.failure;
      if (isUnreachable(t.failure)) {
        facts.error = t.failure;
        return facts;
      }
    } else facts.tls = t.probe;
  }
  facts.home = await fetchSameHost(u.href, budget, http);
  const first = facts.home.hops[0];
  if (scheme === 'http' && first.error && isUnreachable(first.error)) {
    facts.error = first.error;
    return facts;
  }
  facts.plainHttp = scheme === 'http' ? first : await budgetedRequest(plainHttpUrl(u, settings.httpPort), budget, http);
  const notFound = options.notFoundPath ?? `/opsaudit-probe-${randomBytes(6).toString('hex')}/`;
  facts.notFound = await fetchSameHost(pathOn(u, notFound), budget, http);
  if (settings.errorPath) facts.errorPage = await fetchSameHost(pathOn(u, settings.errorPath), budget, http);
  facts.health = await fetchSameHost(pathOn(u, settings.healthPath), budget, http);
  facts.admin = await fetchSameHost(pathOn(u, settings.adminPath), budget, http);
  return facts;
}

function definedOnly(o: EndpointCollectOptions): Partial<EndpointSettings> {
  const out: Partial<EndpointSettings> = {};
  for (const key of Object.keys(DEFAULT_ENDPOINT_SETTINGS) as (keyof EndpointSettings)[]) {
    if (o[key] !== undefined) (out as Record<string, unknown>)[key] = o[key];
  }
  return out;
}

/** Facts with nothing from a repository: what a URL-only scan runs the endpoint rules on. */
export function emptyFacts(endpoints: EndpointFacts[] = []): Facts {
  return emptyFactsOfAllKinds({ endpoints });
}

/** Probes every URL concurrently (each bounded by its budget) and returns their facts in the order given. */
export async function collectEndpoints(urls: readonly string[], options: EndpointCollectOptions = {}): Promise<FactStore> {
  for (const raw of urls) normalizeUrl(raw);
  const started = Date.now();
  options.onProgress?.(`probing ${urls.length} URL${urls.length === 1 ? '' : 's'}`);
  const endpoints = await Promise.all(urls.map((u) => probeEndpoint(u, options)));
  const notes = [
    `probed ${endpoints.map((e) => e.url).join(', ')} in ${seconds(Math.round((Date.now() - started) / 100) * 100)}` +
      (options.ca?.length ? ` (trusting ${options.ca.length} extra CA certificate${options.ca.length === 1 ? '' : 's'} given with --ca)` : ''),
  ];
  for (const e of endpoints) {
    for (const f of [e.home, e.notFound, e.errorPage, e.health, e.admin]) {
      if (f?.offHost) notes.push(`${f.hops[0].url} redirects to another host (${f.offHost}); that redirect was not followed`);
    }
  }
  return { facts: emptyFacts(endpoints), sources: new Map(), issues: [], secretValues: new Set(), notes };
}
