// A Referrer-Policy header is sent and does not leak full URLs (SECURE_REFERRER_POLICY, security.W022 / E023).
import { defineRule } from '../../core/define-rule.js';
import type { PyValue } from '../../facts/django.js';
import { absentSetting, howText, judge, productionProjects, securityMiddlewareActive, sourceEvidence, targetOf } from './_settings.js';

const VALID = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
/** Policies that send the full URL (path and query string) to other origins. */
const LEAKY = new Set(['unsafe-url', 'no-referrer-when-downgrade']);

type Verdict = { kind: 'none' } | { kind: 'invalid'; values: string[] } | { kind: 'leaky'; values: string[] } | { kind: 'ok' };

function verdict(v: PyValue): Verdict {
  if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return { kind: 'none' };
  const values = typeof v === 'string' ? v.split(',').map((x) => x.trim()) : Array.isArray(v) ? v.map((x) => String(x).trim()) : [String(v)];
  const invalid = values.filter((x) => !VALID.has(x));
  if (invalid.length > 0) return { kind: 'invalid', values: invalid };
  // Browsers use the last policy they understand: that is the one in force.
  const effective = values[values.length - 1];
  if (LEAKY.has(effective)) return { kind: 'leaky', values: [effective] };
  return { kind: 'ok' };
}

export default defineRule({
  id: 'django/referrer-policy',
  title: 'Referrer-Policy is disabled or leaks full URLs',
  category: 'security',
  severity: 'low',
  requires: ['django'],
  why: 'Without a Referrer-Policy (or with unsafe-url / no-referrer-when-downgrade) the full URL of each page, including path and query string, goes to every third-party site, CDN and analytics script it links to or loads: password-reset tokens, search terms and internal IDs leak that way.',
  fix: "Leave SECURE_REFERRER_POLICY at its default 'same-origin' (Django 3.1+) or set 'strict-origin-when-cross-origin'; never None or 'unsafe-url'.",
  references: [
    { title: 'Django: Referrer Policy', url: 'https://docs.djangoproject.com/en/stable/ref/middleware/#referrer-policy' },
    { title: 'Django settings: SECURE_REFERRER_POLICY', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-referrer-policy' },
    { title: 'OWASP HTTP Headers Cheat Sheet: Referrer-Policy', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#referrer-policy' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i referrer-policy   # expect same-origin or strict-origin-when-cross-origin',
  messages: {
    none: 'SECURE_REFERRER_POLICY {how}: no Referrer-Policy header is sent, so browsers fall back to their own default.',
    oldDefault: 'SECURE_REFERRER_POLICY is not set and the declared Django ({spec}) sends no Referrer-Policy header by default.',
    invalid: 'SECURE_REFERRER_POLICY {how}, which contains invalid value(s) {values} (security.E023).',
    leaky: 'SECURE_REFERRER_POLICY {how}: the full URL (path and query string) is sent to other sites ({values}).',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'SECURE_REFERRER_POLICY');
      const j = judge(p, 'SECURE_REFERRER_POLICY', verdict);
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      if (!securityMiddlewareActive(p, ctx, target)) continue;
      const r = j.result;
      if (r.kind === 'ok') {
        ctx.pass(target);
        continue;
      }
      if (j.state === 'missing') {
        ctx.fail('oldDefault', { at: absentSetting(p, 'SECURE_REFERRER_POLICY'), target, data: { spec: p.version.spec ?? 'unknown' } });
        continue;
      }
      const data = { how: howText(j), values: 'values' in r ? r.values.join(', ') : '' };
      ctx.fail(r.kind, { at: j.loc, also: sourceEvidence(j), target, severity: r.kind === 'leaky' ? 'medium' : 'low', data });
    }
  },
});
