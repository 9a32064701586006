// Rule: app or nginx log files on the host that no logrotate rule covers.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, globCovers, need, target } from './_shared.js';

export default defineRule({
  id: 'host/logs-not-rotated',
  title: 'Application or nginx logs are not rotated',
  category: 'logging',
  severity: 'medium',
  requires: ['host'],
  why: 'Log files that are never rotated grow until the disk is full — and a full disk stops PostgreSQL and the app. Huge files are also impossible to search during an incident.',
  fix: 'Add a logrotate rule for the directory (e.g. /etc/logrotate.d/app: `/var/log/gunicorn/*.log { daily rotate 14 compress missingok copytruncate }`), or log to stdout/journald instead of files.',
  references: [
    { title: 'logrotate(8)', url: 'https://man7.org/linux/man-pages/man8/logrotate.8.html' },
    { title: 'Gunicorn settings: accesslog, errorlog', url: 'https://docs.gunicorn.org/en/stable/settings.html#logging' },
  ],
  verify: 'sudo logrotate --debug /etc/logrotate.conf 2>&1 | grep {file}',
  messages: { unrotated: '{file} on {host} is not covered by any logrotate rule.' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const lr = need(ctx, h, h.logrotate, 'logrotate');
      if (!lr) return;
      if (lr.logFiles.length === 0) return ctx.notApplicable(`no app or nginx log file under /var/log on ${h.name}`);
      // The listing that showed the file: /var/log's, or the --app-log-dir one.
      const listingOf = (file: string) =>
        h.logrotate.proof.find((p) => p.command.startsWith('find ') && p.command.includes("-name '*.log'") && p.output.split('\n').includes(file)) ?? h.logrotate.proof[0];
      for (const file of lr.logFiles) {
        const where = target(h, `log ${file}`);
        const rule = lr.rules.find((r) => r.patterns.some((p) => globCovers(p, file)));
        if (rule) ctx.pass(where, `rotated by ${rule.source}`);
        else ctx.fail('unrotated', { at: focus(listingOf(file), [file]), also: h.logrotate.proof.filter((p) => p.command.startsWith('find /etc/logrotate.d')), target: where, data: { file, host: h.name } });
      }
    });
  },
});
