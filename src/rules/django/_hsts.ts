// Shared logic of the HSTS directive rules (includeSubDomains, preload): who sends HSTS, and whether a directive is on.
import type { Evidence } from '../../core/types/rule.js';
import type { Facts } from '../../facts/index.js';
import type { PyValue } from '../../facts/django.js';
import { absentSetting, hasMiddleware, howText, judge, productionProjects, SECURITY_MIDDLEWARE, sourceEvidence, targetOf, truthy, type ProdProject } from './_settings.js';
import { proxyHsts } from './_stack.js';

/** One year: the minimum the HSTS preload list accepts and what Mozilla's and OWASP's guides recommend. */
export const HSTS_MIN_SECONDS = 31536000;

/** SECURE_HSTS_SECONDS as Django uses it (falsy = no header), or NaN when not a number. */
export function hstsSeconds(v: PyValue): number {
  if (v === null || v === false) return 0;
  if (v === true) return 1;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return Number.NaN;
}

/** What the directive rules report for one project. */
export type DirectiveVerdict =
  | { status: 'pass' }
  | { status: 'unknown'; reason: string }
  | { status: 'na'; reason: string }
  | { status: 'fail'; by: 'django-missing' | 'django' | 'proxy'; at: Evidence; also: Evidence[]; how: string };

/**
 * Judges an HSTS directive: Django's boolean setting when Django sends the header (SECURE_HSTS_SECONDS > 0 with
 * SecurityMiddleware), else the proxy's header; not applicable when nobody sends HSTS (django/hsts-missing reports).
 */
export function judgeDirective(
  facts: Pick<Facts, 'django' | 'compose' | 'dockerfiles' | 'nginx'>,
  ctx: { unknown(t: string, r: string): void; notApplicable(r: string): void },
  setting: 'SECURE_HSTS_INCLUDE_SUBDOMAINS' | 'SECURE_HSTS_PRELOAD',
  proxyHas: (h: { includeSubdomains: boolean; preload: boolean }) => boolean,
): { p: ProdProject; target: string; verdict: DirectiveVerdict }[] {
  const proxy = proxyHsts(facts);
  const out: { p: ProdProject; target: string; verdict: DirectiveVerdict }[] = [];
  for (const p of productionProjects(facts.django, ctx)) {
    const target = targetOf(p, setting);
    const seconds = judge(p, 'SECURE_HSTS_SECONDS', hstsSeconds);
    const mw = hasMiddleware(p, SECURITY_MIDDLEWARE);
    if (seconds.state === 'unknown') {
      out.push({ p, target, verdict: { status: 'unknown', reason: seconds.reason } });
      continue;
    }
    if ('reason' in mw) {
      out.push({ p, target, verdict: { status: 'unknown', reason: `whether SecurityMiddleware is installed could not be told: ${mw.reason}` } });
      continue;
    }
    const djangoSends = mw.has && seconds.result > 0;
    if (djangoSends) {
      const j = judge(p, setting, truthy);
      if (j.state === 'unknown') out.push({ p, target, verdict: { status: 'unknown', reason: j.reason } });
      else if (j.result || (proxy && proxyHas(proxy))) out.push({ p, target, verdict: { status: 'pass' } });
      else if (j.state === 'missing') out.push({ p, target, verdict: { status: 'fail', by: 'django-missing', at: absentSetting(p, setting), also: [], how: howText(j) } });
      else out.push({ p, target, verdict: { status: 'fail', by: 'django', at: j.loc, also: sourceEvidence(j), how: howText(j) } });
      continue;
    }
    if (proxy) {
      out.push({ p, target, verdict: proxyHas(proxy) ? { status: 'pass' } : { status: 'fail', by: 'proxy', at: proxy.at, also: [], how: proxy.label } });
      continue;
    }
    out.push({ p, target, verdict: { status: 'na', reason: 'HSTS is not enabled, neither by Django nor by a proxy in the repository (reported by django/hsts-missing)' } });
  }
  return out;
}
