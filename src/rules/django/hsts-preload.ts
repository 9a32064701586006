// HSTS preload opt-in (SECURE_HSTS_PRELOAD, security.W021) when HSTS is on: informational, preloading is a commitment.
import { defineRule } from '../../core/define-rule.js';
import { judgeDirective } from './_hsts.js';

export default defineRule({
  id: 'django/hsts-preload',
  title: 'HSTS preload is not enabled',
  category: 'security',
  severity: 'info',
  requires: ['django', 'compose', 'nginx'],
  why: 'Without the preload directive the domain cannot be submitted to the browsers\' HSTS preload list, so a browser\'s very first visit can still be downgraded to plain HTTP.',
  fix: 'Once HSTS with includeSubDomains and max-age of at least one year has run without problems, set SECURE_HSTS_PRELOAD = True (or add preload to the proxy header) and submit the domain at hstspreload.org. Removal from the list takes months, so treat it as a commitment.',
  references: [
    { title: 'Django settings: SECURE_HSTS_PRELOAD', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-hsts-preload' },
    { title: 'HSTS preload list submission requirements', url: 'https://hstspreload.org/' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i strict-transport-security   # expect preload',
  messages: {
    notSet: 'SECURE_HSTS_PRELOAD is not set (default False) although Django sends HSTS.',
    disabled: 'SECURE_HSTS_PRELOAD {how} although Django sends HSTS.',
    proxy: 'The Strict-Transport-Security header sent by the proxy has no preload directive ({how}).',
  },
  check(facts, ctx) {
    for (const { target, verdict: v } of judgeDirective(facts, ctx, 'SECURE_HSTS_PRELOAD', (h) => h.preload)) {
      if (v.status === 'pass') ctx.pass(target);
      else if (v.status === 'unknown') ctx.unknown(target, v.reason);
      else if (v.status === 'na') ctx.notApplicable(v.reason);
      else ctx.fail(v.by === 'django-missing' ? 'notSet' : v.by === 'django' ? 'disabled' : 'proxy', { at: v.at, also: v.also, target, data: { how: v.how } });
    }
  },
});
