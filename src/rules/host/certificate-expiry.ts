// Rule: a certificate on disk expires within the threshold (30 days, seed 003) or has expired.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, need, target } from './_shared.js';

export default defineRule({
  id: 'host/certificate-expiry',
  title: 'A TLS certificate on the server expires soon or has expired',
  category: 'webserver',
  severity: 'high',
  requires: ['host'],
  why: 'An expired certificate makes browsers and API clients refuse the site outright. Let\'s Encrypt certificates live 90 days and are renewed at 30 days left: one that is closer to expiry means renewal is failing.',
  fix: 'Run `certbot renew --dry-run` to see why renewal fails (port 80 blocked, DNS, a stopped timer), fix it, renew, and reload nginx.',
  references: [
    { title: 'Certbot: Automated renewals', url: 'https://eff-certbot.readthedocs.io/en/stable/using.html#automated-renewals' },
    { title: "Let's Encrypt: Integration guide (renewal)", url: 'https://letsencrypt.org/docs/integration-guide/' },
  ],
  verify: 'sudo openssl x509 -noout -enddate -in {path}   # more than {threshold} days away',
  messages: {
    expiring: 'The certificate {path} on {host} ({subject}) expires in {days} days ({date}).',
    expired: 'The certificate {path} on {host} ({subject}) expired {days} days ago ({date}).',
  },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const c = need(ctx, h, h.certificates, 'certificates');
      if (!c) return;
      if (c.certificates.length === 0) return ctx.notApplicable(`no certificate under the certbot live directory on ${h.name}`);
      const threshold = h.thresholds.certificateDays;
      for (const cert of c.certificates) {
        const days = Math.floor((Date.parse(cert.notAfter) - Date.parse(h.auditedAt)) / 86_400_000);
        const where = target(h, `certificate ${cert.path}`);
        const data = { path: cert.path, host: h.name, subject: cert.subject, date: cert.notAfter.slice(0, 10), threshold };
        if (days < 0) ctx.fail('expired', { at: cert.proof, target: where, severity: 'critical', data: { ...data, days: -days } });
        else if (days < threshold) ctx.fail('expiring', { at: cert.proof, target: where, severity: days < 7 ? 'critical' : 'high', data: { ...data, days } });
        else ctx.pass(where, `valid for ${days} more days`);
      }
    });
  },
});
