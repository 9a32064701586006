// Pages carry X-Frame-Options: DENY (XFrameOptionsMiddleware with X_FRAME_OPTIONS, security.W002 / W019).
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, hasMiddleware, howText, judge, middleware, productionProjects, sourceEvidence, targetOf, XFRAME_MIDDLEWARE } from './_settings.js';
import { proxyFrameOptions } from './_stack.js';

export default defineRule({
  id: 'django/x-frame-options',
  title: 'Clickjacking protection is missing or weakened',
  category: 'security',
  severity: 'medium',
  requires: ['django', 'nginx'],
  why: 'Without X-Frame-Options (or CSP frame-ancestors) another site can load pages in an invisible frame and trick logged-in users into clicking buttons they cannot see (clickjacking): changing settings, confirming payments, granting access.',
  fix: "Keep 'django.middleware.clickjacking.XFrameOptionsMiddleware' in MIDDLEWARE and X_FRAME_OPTIONS = 'DENY' (the default since Django 3.0); use the xframe_options_sameorigin decorator on the few views that must be framed.",
  references: [
    { title: 'Django: Clickjacking protection', url: 'https://docs.djangoproject.com/en/stable/ref/clickjacking/' },
    { title: 'Django settings: X_FRAME_OPTIONS', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#x-frame-options' },
    { title: 'OWASP Clickjacking Defense Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i x-frame-options   # expect DENY',
  messages: {
    noMiddleware: 'XFrameOptionsMiddleware is not in {setting} and no proxy in the repository sets X-Frame-Options: pages can be framed by any site.',
    sameOrigin: "X_FRAME_OPTIONS {how}: pages can be framed by the site itself (Django's deploy check expects 'DENY').",
    invalid: "X_FRAME_OPTIONS {how}, which browsers ignore (only 'DENY' and 'SAMEORIGIN' are valid): pages can be framed by any site.",
  },
  check(facts, ctx) {
    const proxy = proxyFrameOptions(facts);
    for (const p of productionProjects(facts.django, ctx)) {
      const target = targetOf(p, 'X_FRAME_OPTIONS');
      if (proxy && /deny|frame-ancestors\s+'none'/i.test(proxy.value)) {
        ctx.pass(target);
        continue;
      }
      const mw = hasMiddleware(p, XFRAME_MIDDLEWARE);
      if ('reason' in mw) {
        ctx.unknown(target, mw.reason);
        continue;
      }
      if (!mw.has) {
        if (proxy) {
          ctx.pass(target);
          continue;
        }
        const m = middleware(p);
        ctx.fail('noMiddleware', { at: m.state === 'decided' ? m.loc : absentSetting(p, m.setting), target, data: { setting: m.setting } });
        continue;
      }
      const j = judge(p, 'X_FRAME_OPTIONS', (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v));
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      const at = j.state === 'decided' ? j.loc : absentSetting(p, 'X_FRAME_OPTIONS', `the declared Django (${p.version.spec ?? 'unknown'}) defaults it to 'SAMEORIGIN'`);
      if (j.result === 'DENY') ctx.pass(target);
      else if (j.result === 'SAMEORIGIN') ctx.fail('sameOrigin', { at, also: sourceEvidence(j), target, severity: 'low', data: { how: howText(j) } });
      else ctx.fail('invalid', { at, also: sourceEvidence(j), target, data: { how: howText(j) } });
    }
  },
});
