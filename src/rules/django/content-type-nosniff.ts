// X-Content-Type-Options: nosniff is sent (SECURE_CONTENT_TYPE_NOSNIFF, security.W006): default True since Django 3.0.
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, howText, judge, productionProjects, securityMiddlewareActive, sourceEvidence, targetOf, truthy } from './_settings.js';

export default defineRule({
  id: 'django/content-type-nosniff',
  title: 'X-Content-Type-Options: nosniff is turned off',
  category: 'security',
  severity: 'low',
  requires: ['django'],
  why: 'Without nosniff, browsers may guess ("sniff") the type of a response: an uploaded file served as text/plain or image/* can then run as HTML or JavaScript in the site\'s origin (stored XSS through uploads).',
  fix: 'Remove SECURE_CONTENT_TYPE_NOSNIFF = False from the production settings (the default is True since Django 3.0), or set it to True.',
  references: [
    { title: 'Django settings: SECURE_CONTENT_TYPE_NOSNIFF', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-content-type-nosniff' },
    { title: 'OWASP HTTP Headers Cheat Sheet: X-Content-Type-Options', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#x-content-type-options' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i x-content-type-options   # expect nosniff',
  messages: {
    disabled: 'SECURE_CONTENT_TYPE_NOSNIFF {how}: responses are sent without X-Content-Type-Options: nosniff.',
    oldDefault: 'SECURE_CONTENT_TYPE_NOSNIFF is not set and the declared Django ({spec}) defaults it to False.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'SECURE_CONTENT_TYPE_NOSNIFF');
      const j = judge(p, 'SECURE_CONTENT_TYPE_NOSNIFF', truthy);
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      if (!securityMiddlewareActive(p, ctx, target)) continue;
      if (j.result) ctx.pass(target);
      else if (j.state === 'missing') ctx.fail('oldDefault', { at: absentSetting(p, 'SECURE_CONTENT_TYPE_NOSNIFF'), target, data: { spec: p.version.spec ?? 'unknown' } });
      else ctx.fail('disabled', { at: j.loc, also: sourceEvidence(j), target, data: { how: howText(j) } });
    }
  },
});
