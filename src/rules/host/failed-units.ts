// Rule: systemd lists failed units (a crashed service, a backup or renewal job that failed).
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, mainProof, need, target } from './_shared.js';

export default defineRule({
  id: 'host/failed-units',
  title: 'systemd has failed units',
  category: 'monitoring',
  severity: 'medium',
  requires: ['host'],
  why: 'A failed unit is a job that did not do its work — often the nightly backup, the certificate renewal or a worker — and nobody was told.',
  fix: 'For each unit: `systemctl status {unit}` and `journalctl -u {unit}`, fix the cause, then `systemctl reset-failed`; alert on failed units (OnFailure= or your monitoring).',
  references: [{ title: 'systemctl(1): --state=failed, reset-failed', url: 'https://www.freedesktop.org/software/systemd/man/latest/systemctl.html' }],
  verify: 'systemctl --failed   # 0 loaded units listed',
  messages: { failed: '{unit} has failed on {host}.' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      if (h.failedUnits.ok && h.failedUnits.value === null) return ctx.notApplicable(`systemd is not running on ${h.name}`);
      const units = need(ctx, h, h.failedUnits, 'failed units');
      if (!units) return;
      for (const u of units) ctx.fail('failed', { at: focus(mainProof(h.failedUnits), [u.line]), target: target(h, `unit ${u.unit}`), data: { unit: u.unit, host: h.name } });
      if (units.length === 0) ctx.pass(target(h, 'failed units'), 'systemctl lists no failed unit');
    });
  },
});
