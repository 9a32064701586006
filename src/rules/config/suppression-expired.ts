// Built-in rule: an .opsaudit.yml suppression past its expiry date is reported, and no longer hides its findings.
import { isExpired } from '../../core/config.js';
import { defineRule } from '../../core/define-rule.js';

export default defineRule({
  id: 'config/suppression-expired',
  title: 'A suppression in .opsaudit.yml has expired',
  category: 'deployment',
  severity: 'low',
  requires: ['config'],
  why:
    'A suppression accepts a risk for a limited time. Once its expiry date has passed, the findings it covered are reported ' +
    'and gate the build again, and the reason written for it has not been re-checked since.',
  fix:
    'Review the accepted findings: fix them and delete the entry, or renew it with a new `expires` date and an up-to-date `reason`.',
  references: [
    {
      title: 'SARIF 2.1.0: suppression objects (accepted results with a justification)',
      url: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html',
    },
  ],
  verify: 'opsaudit scan . --format json   # no config/suppression-expired finding for {rule}',
  messages: {
    expired: 'The suppression of {rule} in {file} expired on {expires} (its reason: "{reason}"); its findings are reported again.',
  },
  check({ config }, ctx) {
    if (!config || config.path === null) return ctx.notApplicable('the repository has no .opsaudit.yml');
    const dated = config.suppressions.filter((s) => s.expires !== null);
    if (dated.length === 0) return ctx.notApplicable(`no entry of ${config.path} has an expiry date`);
    for (const s of dated) {
      const expires = s.expires!;
      const target = `${config.path}#${s.rule.value}`;
      if (isExpired(expires.value, config.today)) {
        ctx.fail('expired', {
          at: expires,
          target,
          data: { rule: s.rule.value, file: config.path, expires: expires.value, reason: s.reason.value },
        });
      } else ctx.pass(target, `applies until ${expires.value}`);
    }
  },
});
