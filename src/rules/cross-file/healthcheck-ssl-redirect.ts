// A plain-HTTP health check against Django with SECURE_SSL_REDIRECT gets a redirect instead of the health view.
import { defineRule } from '../../core/define-rule.js';
import { hasMiddleware, judge, productionProjects, pyRepr, SECURITY_MIDDLEWARE, stringList, truthy } from '../django/_settings.js';
import { healthProbes, oncePerCommand, type HealthProbe } from './_health.js';

/** curl -L / --location, wget (follows by default) and Python's urlopen follow redirects; plain curl does not. */
function followsRedirects(probe: HealthProbe): boolean {
  const cmd = probe.command;
  if (/\bwget\b/.test(cmd) && !/--max-redirect[= ]0/.test(cmd)) return true;
  if (/\b(urlopen|requests\.get|httpx\.get)\b/.test(cmd)) return true;
  return /\bcurl\b[^|;&]*\s(-[a-zA-Z]*L[a-zA-Z]*|--location)\b/.test(cmd);
}

/** The probe claims HTTPS itself (X-Forwarded-Proto: https), so SECURE_PROXY_SSL_HEADER makes it secure. */
function claimsHttps(probe: HealthProbe): boolean {
  return /x-forwarded-(proto|ssl)\s*:\s*(https|on)/i.test(probe.command);
}

/** Python regexes of SECURE_REDIRECT_EXEMPT matched as Django does: re.search against the path without its leading slash. */
function exempt(patterns: string[], path: string): boolean | null {
  const p = path.replace(/^\/+/, '');
  for (const pattern of patterns) {
    try {
      if (new RegExp(pattern.replace(/\(\?P</g, '(?<').replace(/\\Z/g, '$')).test(p)) return true;
    } catch {
      return null;
    }
  }
  return false;
}

export default defineRule({
  id: 'cross-file/healthcheck-ssl-redirect',
  title: 'Health check is redirected to HTTPS instead of reaching the app',
  category: 'monitoring',
  severity: 'medium',
  requires: ['django', 'dockerfiles', 'compose'],
  why: "The health check calls the container over plain HTTP, and SECURE_SSL_REDIRECT makes SecurityMiddleware answer 301 to https:// before any view runs. curl without -L treats the 301 as success, so the check says healthy without testing the application; a client that follows the redirect (wget, curl -L, urlopen) tries TLS against the plain-HTTP app server and fails, so the container is never healthy.",
  fix: "Exempt the health path from the redirect (SECURE_REDIRECT_EXEMPT = [r'^health/$']), or make the probe claim HTTPS the way the proxy does (curl -H 'X-Forwarded-Proto: https' ... with SECURE_PROXY_SSL_HEADER set), or answer the health path in a middleware placed before SecurityMiddleware.",
  references: [
    { title: 'Django settings: SECURE_REDIRECT_EXEMPT', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-redirect-exempt' },
    { title: 'Django: SSL redirect (SecurityMiddleware)', url: 'https://docs.djangoproject.com/en/stable/ref/middleware/#ssl-redirect' },
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
  ],
  verify: 'docker compose exec web curl -s -o /dev/null -w "%{http_code}" {url}   # expect 200, not 301',
  messages: {
    notFollowed: "{label} requests {url} over plain HTTP; SecurityMiddleware's SECURE_SSL_REDIRECT answers it with a 301 to https:// before any view runs, and curl counts that as healthy, so the check never tests the app.",
    followed: "{label} requests {url} over plain HTTP; SecurityMiddleware's SECURE_SSL_REDIRECT answers it with a 301 to https://, and the client follows it into a TLS handshake the app server cannot answer, so the check always fails.",
  },
  check(facts, ctx) {
    if (facts.django.length === 0) return ctx.notApplicable('no Django project in the repository');
    const probes = healthProbes(facts).filter((p) => /^http:\/\//i.test(p.url) || !p.url.includes('://'));
    if (probes.length === 0) return ctx.notApplicable('no Dockerfile or compose health check requests an http:// URL from a Django container');
    const projects = productionProjects(facts.django, ctx);
    for (const probe of oncePerCommand(probes)) {
      const target = `${probe.file}#healthcheck redirect`;
      if (claimsHttps(probe)) {
        ctx.pass(target);
        continue;
      }
      for (const p of projects) {
        const redirect = judge(p, 'SECURE_SSL_REDIRECT', truthy);
        if (redirect.state === 'unknown') {
          ctx.unknown(target, redirect.reason);
          continue;
        }
        const mw = hasMiddleware(p, SECURITY_MIDDLEWARE);
        if ('reason' in mw) {
          ctx.unknown(target, mw.reason);
          continue;
        }
        if (!redirect.result || !mw.has) {
          ctx.pass(target);
          continue;
        }
        const exemptions = judge(p, 'SECURE_REDIRECT_EXEMPT', stringList);
        if (exemptions.state === 'unknown') {
          ctx.unknown(target, exemptions.reason);
          continue;
        }
        const isExempt = exempt(exemptions.result ?? [], probe.path);
        if (isExempt === null) {
          ctx.unknown(target, `SECURE_REDIRECT_EXEMPT (${pyRepr(exemptions.value)}) could not be interpreted`);
          continue;
        }
        if (isExempt) {
          ctx.pass(target);
          continue;
        }
        const follows = followsRedirects(probe);
        ctx.fail(follows ? 'followed' : 'notFollowed', {
          at: probe.at,
          also: redirect.state === 'decided' ? [redirect.loc] : [],
          target,
          severity: follows ? 'high' : 'medium',
          data: { label: probe.label, url: probe.url },
        });
      }
    }
  },
});
