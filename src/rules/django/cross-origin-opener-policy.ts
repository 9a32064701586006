// Cross-Origin-Opener-Policy is sent with a valid value (SECURE_CROSS_ORIGIN_OPENER_POLICY, security.E024), Django 4.0+.
import { defineRule } from '../../core/define-rule.js';
import type { PyValue } from '../../facts/django.js';
import { atLeast, howText, judge, productionProjects, securityMiddlewareActive, sourceEvidence, targetOf } from './_settings.js';

const VALID = new Set(['same-origin', 'same-origin-allow-popups', 'unsafe-none']);

function verdict(v: PyValue): 'none' | 'invalid' | 'unsafe' | 'ok' {
  if (v === null || v === '') return 'none';
  if (typeof v !== 'string' || !VALID.has(v)) return 'invalid';
  return v === 'unsafe-none' ? 'unsafe' : 'ok';
}

export default defineRule({
  id: 'django/cross-origin-opener-policy',
  title: 'Cross-Origin-Opener-Policy is disabled or invalid',
  category: 'security',
  severity: 'low',
  requires: ['django'],
  why: 'Without Cross-Origin-Opener-Policy a page opened from another site (or that opens one) shares a browsing context group with it: the other site keeps a window reference it can navigate (tab-nabbing) and use for cross-origin leaks (XS-Leaks).',
  fix: "Leave SECURE_CROSS_ORIGIN_OPENER_POLICY at its default 'same-origin' (Django 4.0+), or 'same-origin-allow-popups' when OAuth or payment pop-ups need window.opener.",
  references: [
    { title: 'Django: Cross-Origin Opener Policy', url: 'https://docs.djangoproject.com/en/stable/ref/middleware/#cross-origin-opener-policy' },
    { title: 'Django settings: SECURE_CROSS_ORIGIN_OPENER_POLICY', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-cross-origin-opener-policy' },
    { title: 'OWASP HTTP Headers Cheat Sheet: Cross-Origin-Opener-Policy', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#cross-origin-opener-policy-coop' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i cross-origin-opener-policy   # expect same-origin',
  messages: {
    none: 'SECURE_CROSS_ORIGIN_OPENER_POLICY {how}: no Cross-Origin-Opener-Policy header is sent.',
    unsafe: "SECURE_CROSS_ORIGIN_OPENER_POLICY {how}: 'unsafe-none' turns the protection off.",
    invalid: 'SECURE_CROSS_ORIGIN_OPENER_POLICY {how}, which is not a valid policy (security.E024).',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'SECURE_CROSS_ORIGIN_OPENER_POLICY');
      if (atLeast(p.version, [4, 0]) === false) {
        ctx.notApplicable(`the declared Django (${p.version.spec}) predates SECURE_CROSS_ORIGIN_OPENER_POLICY (added in 4.0)`);
        continue;
      }
      const j = judge(p, 'SECURE_CROSS_ORIGIN_OPENER_POLICY', verdict);
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      if (!securityMiddlewareActive(p, ctx, target)) continue;
      if (j.result === 'ok' || j.state === 'missing') ctx.pass(target);
      else ctx.fail(j.result, { at: j.loc, also: sourceEvidence(j), target, data: { how: howText(j) } });
    }
  },
});
