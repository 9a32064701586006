// The scan options of the endpoint probes (--url and its thresholds): declared and validated in one place.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { EndpointCollectOptions } from '../collectors/endpoints/index.js';
import { DEFAULT_ENDPOINT_SETTINGS, normalizeUrl } from '../collectors/endpoints/index.js';
import { UsageError } from '../core/errors.js';

export interface EndpointCliOptions {
  url?: string[];
  ca?: string[];
  healthPath?: string;
  errorPath?: string;
  certDaysHigh?: string;
  certDaysCritical?: string;
  slowMs?: string;
  probeTimeout?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const d = DEFAULT_ENDPOINT_SETTINGS;

/** Adds the --url options to the scan command. */
export function addEndpointOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'probe a live URL: TLS certificate and HTTP security checks (repeatable)', collect)
    .option('--ca <file>', 'extra trusted CA certificate (PEM) for the TLS checks, e.g. a private CA (repeatable)', collect)
    .option('--health-path <path>', `health endpoint probed on each URL's host (default ${d.healthPath})`)
    .option('--error-path <path>', "a path that raises a server error, to look for Django's technical 500 page")
    .option('--cert-days-high <days>', `certificate expiry: high finding at this many days left or fewer (default ${d.certHighDays})`)
    .option('--cert-days-critical <days>', `certificate expiry: critical finding at this many days left or fewer (default ${d.certCriticalDays})`)
    .option('--slow-ms <ms>', `home page slower than this is a finding (default ${d.slowMs}); the health endpoint must answer within ${d.healthMaxMs} ms`)
    .option('--probe-timeout <seconds>', `total time allowed per URL (default ${d.budgetMs / 1000})`);
}

function positive(flag: string, raw: string | undefined, { integer = true } = {}): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) throw new UsageError(`${flag} ${raw}: expected a ${integer ? 'whole ' : ''}number of 0 or more.`);
  return n;
}

function pathOption(flag: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!raw.startsWith('/') || /\s/.test(raw)) throw new UsageError(`${flag} ${raw}: expected a path starting with /, e.g. /health/.`);
  return raw;
}

/** Validates the options; the URLs are checked here so a typo is a usage error before anything is probed. */
export function endpointOptions(opts: EndpointCliOptions): { urls: string[]; endpoints: Omit<EndpointCollectOptions, 'onProgress'> } {
  const urls = (opts.url ?? []).map((u) => normalizeUrl(u).href);
  if (urls.length === 0) {
    const stray = (['ca', 'healthPath', 'errorPath', 'certDaysHigh', 'certDaysCritical', 'slowMs', 'probeTimeout'] as const).filter((k) => opts[k] !== undefined);
    if (stray.length > 0) throw new UsageError(`--${stray[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} only applies with --url.`);
  }
  const ca = (opts.ca ?? []).map((file) => {
    try {
      const pem = readFileSync(file, 'utf8');
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--ca ${file}: not a PEM certificate file.`);
      return pem;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`--ca ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
  });
  const high = positive('--cert-days-high', opts.certDaysHigh);
  const critical = positive('--cert-days-critical', opts.certDaysCritical);
  if ((critical ?? d.certCriticalDays) > (high ?? d.certHighDays))
    throw new UsageError(`--cert-days-critical (${critical ?? d.certCriticalDays}) must not be more than --cert-days-high (${high ?? d.certHighDays}).`);
  const timeout = positive('--probe-timeout', opts.probeTimeout, { integer: false });
  if (timeout !== undefined && timeout < 1) throw new UsageError(`--probe-timeout ${opts.probeTimeout}: at least 1 second.`);
  return {
    urls,
    endpoints: {
      ca,
      healthPath: pathOption('--health-path', opts.healthPath),
      errorPath: pathOption('--error-path', opts.errorPath),
      certHighDays: high,
      certCriticalDays: critical,
      slowMs: positive('--slow-ms', opts.slowMs),
      budgetMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
      requestTimeoutMs: timeout === undefined ? undefined : Math.min(d.requestTimeoutMs, Math.round(timeout * 1000)),
    },
  };
}
