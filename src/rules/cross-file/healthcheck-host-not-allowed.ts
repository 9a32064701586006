// A container health check calls Django as "localhost", which production ALLOWED_HOSTS rejects with 400.
import { defineRule } from '../../core/define-rule.js';
import type { PyValue } from '../../facts/django.js';
import { hasMiddleware, howText, judge, middleware, productionProjects, sourceEvidence, truthy, type ProdProject } from '../django/_settings.js';
import { healthProbes, oncePerCommand, type HealthProbe } from './_health.js';

/** Django's validate_host(): exact names, '.domain' for the domain and its subdomains, '*' for anything. */
function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase().replace(/^\[|\]$/g, '');
    if (p === '*') return true;
    if (p.startsWith('.')) return h === p.slice(1) || h.endsWith(p);
    return h === p;
  });
}

function hostList(v: PyValue): string[] | null {
  if (typeof v === 'string') return [...v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
}

/** The probe sends its own Host header (curl -H "Host: ...", wget --header=Host:...). */
function setsHostHeader(probe: HealthProbe): boolean {
  return /(-H|--header)[=\s]+["']?host\s*:/i.test(probe.command);
}

/** Middleware that validates the host before any view runs: CommonMiddleware, or SecurityMiddleware's SSL redirect. */
function hostValidatedEarly(p: ProdProject): { yes: boolean; healthBypass: string | null } | { reason: string } {
  const m = middleware(p);
  if (m.state === 'unknown') return { reason: m.reason };
  const list = m.result ?? [];
  const firstValidating = list.findIndex((x) => x === 'django.middleware.common.CommonMiddleware' || x === 'django.middleware.security.SecurityMiddleware');
  // A health middleware placed before them answers the probe without touching the host (a common work-around).
  const bypass = list.slice(0, firstValidating < 0 ? list.length : firstValidating).find((x) => /health/i.test(x)) ?? null;
  const common = list.includes('django.middleware.common.CommonMiddleware');
  const redirect = judge(p, 'SECURE_SSL_REDIRECT', truthy);
  const security = hasMiddleware(p, 'django.middleware.security.SecurityMiddleware');
  const redirecting = redirect.state !== 'unknown' && redirect.result && !('reason' in security) && security.has;
  return { yes: common || redirecting, healthBypass: bypass };
}

export default defineRule({
  id: 'cross-file/healthcheck-host-not-allowed',
  title: 'Health check calls Django with a host name ALLOWED_HOSTS rejects',
  category: 'monitoring',
  severity: 'high',
  requires: ['django', 'dockerfiles', 'compose'],
  why: 'The health check runs inside the container and requests http://localhost:...; Django validates the Host header against ALLOWED_HOSTS and, when only the public domain is listed, answers 400 Bad Request (DisallowedHost). The container is never healthy: dependants waiting for service_healthy never start and orchestrators restart it in a loop, while the logs fill with "Invalid HTTP_HOST header" errors.',
  fix: "Send the public host name with the probe (curl -f -H 'Host: example.com' http://localhost:8000/health/), add 'localhost' (and '127.0.0.1') to ALLOWED_HOSTS, or answer the health path in a middleware placed before CommonMiddleware/SecurityMiddleware.",
  references: [
    { title: 'Django settings: ALLOWED_HOSTS', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#allowed-hosts' },
    { title: 'Django: Host header validation', url: 'https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation' },
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
  ],
  verify: 'docker compose exec web curl -s -o /dev/null -w "%{http_code}" {url}   # expect 200, not 400',
  messages: {
    rejected: '{label} requests {url} with Host "{host}", which the production ALLOWED_HOSTS does not allow (ALLOWED_HOSTS {how}): Django answers 400 (DisallowedHost).',
  },
  check(facts, ctx) {
    if (facts.django.length === 0) return ctx.notApplicable('no Django project in the repository');
    const probes = healthProbes(facts);
    if (probes.length === 0) return ctx.notApplicable('no Dockerfile or compose health check requests a URL from a Django container');
    const projects = productionProjects(facts.django, ctx);
    for (const probe of oncePerCommand(probes)) {
      const target = `${probe.file}#healthcheck host`;
      if (setsHostHeader(probe)) {
        ctx.pass(target);
        continue;
      }
      for (const p of projects) {
        const hosts = judge(p, 'ALLOWED_HOSTS', hostList);
        const debug = judge(p, 'DEBUG', truthy, { judgeDefault: true });
        if (hosts.state === 'unknown') {
          ctx.unknown(target, hosts.reason);
          continue;
        }
        const list = hosts.result ?? [];
        // With DEBUG on and an empty list Django allows localhost itself.
        const effective = debug.state !== 'unknown' && debug.result && list.length === 0 ? ['.localhost', '127.0.0.1', '[::1]'] : list;
        if (hostAllowed(probe.host, effective)) {
          ctx.pass(target);
          continue;
        }
        const early = hostValidatedEarly(p);
        if ('reason' in early) {
          ctx.unknown(target, early.reason);
          continue;
        }
        if (early.healthBypass) {
          ctx.pass(target);
          continue;
        }
        if (!early.yes) {
          ctx.unknown(target, `ALLOWED_HOSTS does not include ${probe.host}, but no middleware validates the host before the view runs; whether the health view reads it is not analysed`);
          continue;
        }
        ctx.fail('rejected', {
          at: probe.at,
          also: hosts.state === 'decided' ? [hosts.loc, ...sourceEvidence(hosts)] : [{ absentIn: p.file, note: 'ALLOWED_HOSTS is not set (default [])' }],
          target,
          data: { label: probe.label, url: probe.url, host: probe.host, how: howText(hosts) },
        });
      }
    }
  },
});
