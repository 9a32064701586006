// HSTS covers subdomains (SECURE_HSTS_INCLUDE_SUBDOMAINS, security.W005) when HSTS is on.
import { defineRule } from '../../core/define-rule.js';
import { judgeDirective } from './_hsts.js';

export default defineRule({
  id: 'django/hsts-include-subdomains',
  title: 'HSTS does not include subdomains',
  category: 'security',
  severity: 'low',
  requires: ['django', 'compose', 'nginx'],
  why: 'Without includeSubDomains an attacker on the network can serve a plain-HTTP subdomain (real or invented) and use it to set or read cookies scoped to the parent domain, working around HSTS on the main site.',
  fix: 'When every subdomain is served over HTTPS only, set SECURE_HSTS_INCLUDE_SUBDOMAINS = True (or add includeSubDomains to the proxy\'s Strict-Transport-Security header). Check first: subdomains without HTTPS become unreachable for browsers that saw the header.',
  references: [
    { title: 'Django settings: SECURE_HSTS_INCLUDE_SUBDOMAINS', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-hsts-include-subdomains' },
    { title: 'OWASP HTTP Strict Transport Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html' },
  ],
  verify: 'curl -sI https://<your-domain>/ | grep -i strict-transport-security   # expect includeSubDomains',
  messages: {
    notSet: 'SECURE_HSTS_INCLUDE_SUBDOMAINS is not set (default False) although Django sends HSTS.',
    disabled: 'SECURE_HSTS_INCLUDE_SUBDOMAINS {how} although Django sends HSTS.',
    proxy: 'The Strict-Transport-Security header sent by the proxy has no includeSubDomains ({how}).',
  },
  check(facts, ctx) {
    for (const { target, verdict: v } of judgeDirective(facts, ctx, 'SECURE_HSTS_INCLUDE_SUBDOMAINS', (h) => h.includeSubdomains)) {
      if (v.status === 'pass') ctx.pass(target);
      else if (v.status === 'unknown') ctx.unknown(target, v.reason);
      else if (v.status === 'na') ctx.notApplicable(v.reason);
      else ctx.fail(v.by === 'django-missing' ? 'notSet' : v.by === 'django' ? 'disabled' : 'proxy', { at: v.at, also: v.also, target, data: { how: v.how } });
    }
  },
});
