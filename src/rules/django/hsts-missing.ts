// HTTP Strict Transport Security is sent for at least a year (SECURE_HSTS_SECONDS, security.W004), by Django or the proxy.
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, howText, judge, productionProjects, securityMiddlewareActive, sourceEvidence, targetOf } from './_settings.js';
import { proxyHsts } from './_stack.js';
import { HSTS_MIN_SECONDS, hstsSeconds } from './_hsts.js';

export default defineRule({
  id: 'django/hsts-missing',
  title: 'HSTS is not enabled for at least a year',
  category: 'security',
  severity: 'medium',
  requires: ['django', 'compose', 'nginx'],
  why: 'Without Strict-Transport-Security, a browser that reaches the site over plain HTTP once (typed URL, old link, hostile Wi-Fi) can be downgraded and have its session cookie stolen before any redirect happens; a short max-age lets that protection lapse between visits.',
  fix: 'After confirming the whole site works over HTTPS, set SECURE_HSTS_SECONDS = 31536000 (start with a small value such as 3600 and raise it) in the production settings, or send Strict-Transport-Security with max-age=31536000 from the TLS proxy.',
  references: [
    { title: 'Django security: HTTP Strict Transport Security', url: 'https://docs.djangoproject.com/en/stable/ref/middleware/#http-strict-transport-security' },
    { title: 'Django settings: SECURE_HSTS_SECONDS', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-hsts-seconds' },
    { title: 'OWASP HTTP Strict Transport Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i strict-transport-security   # expect max-age=31536000 or more',
  messages: {
    notSet: 'SECURE_HSTS_SECONDS is not set (default 0: no Strict-Transport-Security header) and no proxy in the repository sends one.',
    zero: 'SECURE_HSTS_SECONDS {how}: no Strict-Transport-Security header is sent, and no proxy in the repository sends one.',
    short: 'SECURE_HSTS_SECONDS {how}, less than one year ({min} seconds).',
    proxyShort: 'The proxy sends Strict-Transport-Security with max-age={maxAge}, less than one year ({min} seconds), and Django sends none ({label}).',
    notNumber: 'SECURE_HSTS_SECONDS {how}, which is not a number of seconds.',
  },
  check(facts, ctx) {
    const proxy = proxyHsts(facts);
    for (const p of productionProjects(facts.django, ctx)) {
      const target = targetOf(p, 'SECURE_HSTS_SECONDS');
      if (proxy && proxy.maxAge !== null && proxy.maxAge >= HSTS_MIN_SECONDS) {
        ctx.pass(target);
        continue;
      }
      const j = judge(p, 'SECURE_HSTS_SECONDS', hstsSeconds);
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      if (!securityMiddlewareActive(p, ctx, target)) continue;
      const data = { how: howText(j), min: HSTS_MIN_SECONDS };
      if (Number.isNaN(j.result)) {
        ctx.fail('notNumber', { at: j.state === 'decided' ? j.loc : absentSetting(p, 'SECURE_HSTS_SECONDS'), target, data });
      } else if (j.result >= HSTS_MIN_SECONDS) {
        ctx.pass(target);
      } else if (j.result > 0) {
        ctx.fail('short', { at: j.state === 'decided' ? j.loc : absentSetting(p, 'SECURE_HSTS_SECONDS'), also: sourceEvidence(j), target, severity: 'low', data });
      } else if (proxy) {
        ctx.fail('proxyShort', { at: proxy.at, target, severity: 'low', data: { ...data, maxAge: proxy.maxAge ?? 'unparsed', label: proxy.label } });
      } else if (j.state === 'missing') {
        ctx.fail('notSet', { at: absentSetting(p, 'SECURE_HSTS_SECONDS'), target });
      } else {
        ctx.fail('zero', { at: j.loc, also: sourceEvidence(j), target, data });
      }
    }
  },
});
