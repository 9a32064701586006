// Rule: certificates are on disk but neither certbot's timer nor a cron line renews them.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, need, target } from './_shared.js';

export default defineRule({
  id: 'host/certificate-no-renewal',
  title: 'Certificates on the server are not renewed automatically',
  category: 'webserver',
  severity: 'high',
  requires: ['host'],
  why: "Let's Encrypt certificates expire after 90 days. Without a renewal timer or cron job the site goes down on the expiry date, usually when nobody remembers how it was set up.",
  fix: 'Enable certbot\'s timer (`systemctl enable --now certbot.timer`) or add a cron line running `certbot renew --quiet --deploy-hook "systemctl reload nginx"`.',
  references: [
    { title: 'Certbot: Automated renewals', url: 'https://eff-certbot.readthedocs.io/en/stable/using.html#automated-renewals' },
    { title: "Let's Encrypt: FAQ (certificate lifetime)", url: 'https://letsencrypt.org/docs/faq/' },
  ],
  verify: 'systemctl list-timers | grep certbot   # or: grep -r certbot /etc/cron.d',
  messages: { noRenewal: '{count} certificate(s) on {host} and no certbot timer or renewal cron line.' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const c = need(ctx, h, h.certificates, 'certificate renewal');
      if (!c) return;
      if (c.certificates.length === 0) return ctx.notApplicable(`no certificate under the certbot live directory on ${h.name}`);
      const where = target(h, 'certificate renewal');
      if (c.renewal) return ctx.pass(where, c.renewal);
      if (h.cron.ok && h.cron.value.unreadable.length > 0) return ctx.unknown(where, `no renewal found, but some crontabs could not be read: ${h.cron.value.unreadable.join('; ')}`);
      if (!h.timers.ok || !h.cron.ok) return ctx.unknown(where, `no renewal found, but ${!h.timers.ok ? `timers: ${h.timers.reason}` : `crontabs: ${h.cron.ok ? '' : h.cron.reason}`}`);
      const [first, ...rest] = [...h.timers.proof, ...h.cron.proof];
      ctx.fail('noRenewal', { at: first ?? c.certificates[0].proof, also: [c.certificates[0].proof, ...rest], target: where, data: { count: c.certificates.length, host: h.name } });
    });
  },
});
