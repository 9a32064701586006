// Nothing watches whether the site is up (seed 000 §5 "uptime monitoring (external ping)", seed 002 #20).
import { defineRule } from '../../core/define-rule.js';
import { productionSignals } from '../deploy/_production.js';
import { monitoringSignals } from './_signals.js';

export default defineRule({
  id: 'monitoring/no-uptime-monitoring',
  title: 'No uptime or health monitoring',
  category: 'monitoring',
  severity: 'low',
  requires: ['compose', 'shell', 'cron', 'systemd', 'ci', 'texts', 'nginx'],
  why: 'Container healthchecks restart a broken process but tell no one. Without an external probe of the site (and of the backup jobs), an outage, an expired certificate or a stopped backup is discovered by users or on the day of the restore.',
  fix: 'Probe the public health endpoint from outside the server (Uptime Kuma on another host, UptimeRobot, Better Stack, Gatus, a Prometheus blackbox exporter) and ping a heartbeat service (healthchecks.io, Cronitor) at the end of each backup. If this is already done outside the repository, document it in the runbook.',
  references: [
    { title: 'Google SRE book: Monitoring Distributed Systems', url: 'https://sre.google/sre-book/monitoring-distributed-systems/' },
    { title: 'Prometheus blackbox exporter', url: 'https://github.com/prometheus/blackbox_exporter' },
    { title: 'OWASP Logging Cheat Sheet (monitoring and alerting)', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html' },
  ],
  verify: 'Stop the web container for five minutes   # expect an alert from the uptime monitor',
  messages: {
    none: 'Nothing in the repository monitors whether the deployment ({signal}) is up: no uptime service, heartbeat ping, scheduled probe or documented external monitor.',
  },
  check(facts, ctx) {
    const signals = productionSignals(facts);
    if (signals.length === 0) return ctx.notApplicable('the repository does not describe a self-hosted production deployment');
    const target = 'uptime monitoring';
    const found = monitoringSignals(facts);
    if (found.length > 0) return ctx.pass(target, found.map((s) => s.what).slice(0, 3).join('; '));
    ctx.fail('none', { at: signals[0].at, target, data: { signal: signals[0].label } });
  },
});
