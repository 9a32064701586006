// Failures reach no one: no alert receiver, chat webhook, mail or heartbeat service anywhere (seed 004).
import { defineRule } from '../../core/define-rule.js';
import { productionSignals } from '../deploy/_production.js';
import { alertingSignals } from './_signals.js';

export default defineRule({
  id: 'monitoring/no-alerting-channel',
  title: 'No alerting channel',
  category: 'monitoring',
  severity: 'low',
  requires: ['compose', 'shell', 'cron', 'systemd', 'ci', 'texts', 'nginx'],
  why: 'Checks that notify nobody change nothing: a failed backup, a full disk, a failed deploy or a down site stay unnoticed until a user reports them. Error trackers such as Sentry only cover application exceptions, not the server, the backups or the certificates.',
  fix: 'Route failures to a channel someone reads: Alertmanager receivers (Slack, PagerDuty, e-mail), a heartbeat service for cron jobs, `MAILTO=ops@...` in crontabs, a chat webhook in the backup and deploy scripts (`curl -fsS -X POST "$SLACK_WEBHOOK_URL" ...` on failure), or the notification settings of the uptime monitor — and document where alerts go.',
  references: [
    { title: 'Prometheus Alertmanager: configuration (receivers)', url: 'https://prometheus.io/docs/alerting/latest/configuration/' },
    { title: 'Google SRE book: Monitoring Distributed Systems', url: 'https://sre.google/sre-book/monitoring-distributed-systems/' },
    { title: 'crontab(5): MAILTO', url: 'https://man7.org/linux/man-pages/man5/crontab.5.html' },
  ],
  verify: 'Make the backup job fail once (wrong password)   # expect a message in the alert channel',
  messages: {
    none: 'No alerting channel is configured for the deployment ({signal}): no Alertmanager receiver, chat/paging webhook, mail command, cron MAILTO, CI notification or heartbeat service{tracker}.',
  },
  check(facts, ctx) {
    const signals = productionSignals(facts);
    if (signals.length === 0) return ctx.notApplicable('the repository does not describe a self-hosted production deployment');
    const target = 'alerting';
    const found = alertingSignals(facts);
    if (found.length > 0) return ctx.pass(target, found.map((s) => s.what).slice(0, 3).join('; '));
    const sentry = facts.django.some((d) => Object.keys(d.dependencies).some((k) => /^(sentry-sdk|raven)/i.test(k)));
    ctx.fail('none', { at: signals[0].at, target, data: { signal: signals[0].label, tracker: sentry ? ' (Sentry reports application errors only)' : '' } });
  },
});
