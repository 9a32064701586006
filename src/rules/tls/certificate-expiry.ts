// The certificate is valid now and not about to expire (seed 004: alerts at 30 and 7 days).
import { defineRule } from '../../core/define-rule.js';
import { OPENSSL_VERIFY, probedTls, tlsData, tlsProof } from './_shared.js';

const DAY_MS = 86_400_000;

export default defineRule({
  id: 'tls/certificate-expiry',
  title: 'TLS certificate expired or expiring soon',
  category: 'security',
  severity: 'critical',
  requires: ['endpoints'],
  why: 'When the certificate expires every browser, mobile app and API client refuses the site with a full-page warning or a hard error: an outage that starts at a known minute. Renewal that silently stopped (certbot timer gone, DNS challenge broken, a container without the renewal hook) is only noticed then.',
  fix: 'Renew now, then make renewal automatic and watched: certbot/acme.sh on a timer with a deploy hook that reloads nginx (`nginx -s reload`), and an alert when the served certificate has fewer than 30 days left (thresholds: --cert-days-high, --cert-days-critical).',
  references: [
    { title: 'Certbot: automated renewals', url: 'https://eff-certbot.readthedocs.io/en/stable/using.html#automated-renewals' },
    { title: "Let's Encrypt: integration guide (renew at two thirds of the lifetime)", url: 'https://letsencrypt.org/docs/integration-guide/' },
    { title: 'OWASP Transport Layer Security Cheat Sheet: certificates', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  verify: `${OPENSSL_VERIFY} -enddate   # notAfter more than {highDays} days away`,
  messages: {
    expired: 'The certificate of {host}:{port} expired on {date} ({days} days ago).',
    notYetValid: 'The certificate of {host}:{port} is not valid before {date}.',
    critical: 'The certificate of {host}:{port} expires on {date}, in {days} days (critical at {criticalDays} days or fewer).',
    soon: 'The certificate of {host}:{port} expires on {date}, in {days} days (alert at {highDays} days or fewer).',
  },
  check({ endpoints }, ctx) {
    for (const { e, t, target } of probedTls(endpoints ?? [], ctx)) {
      const now = Date.parse(e.probedAt);
      const notAfter = Date.parse(t.certificate.notAfter);
      const notBefore = Date.parse(t.certificate.notBefore);
      if (Number.isNaN(notAfter) || Number.isNaN(notBefore)) {
        ctx.unknown(target, `the certificate's validity dates could not be read (${t.certificate.notBefore} - ${t.certificate.notAfter})`);
        continue;
      }
      const { certHighDays, certCriticalDays } = e.settings;
      const left = notAfter - now;
      const base = { ...tlsData(t), date: t.certificate.notAfter.slice(0, 10), highDays: certHighDays, criticalDays: certCriticalDays };
      if (left < 0) ctx.fail('expired', { at: tlsProof(t), target, data: { ...base, days: Math.floor(-left / DAY_MS) } });
      else if (notBefore > now)
        ctx.fail('notYetValid', { at: tlsProof(t), target, data: { ...base, date: t.certificate.notBefore.slice(0, 10), days: 0 } });
      else if (left <= certCriticalDays * DAY_MS) ctx.fail('critical', { at: tlsProof(t), target, data: { ...base, days: Math.floor(left / DAY_MS) } });
      else if (left <= certHighDays * DAY_MS) ctx.fail('soon', { at: tlsProof(t), target, severity: 'high', data: { ...base, days: Math.floor(left / DAY_MS) } });
      else ctx.pass(target, `valid until ${base.date} (${Math.floor(left / DAY_MS)} days left)`);
    }
  },
});
