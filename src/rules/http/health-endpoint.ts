// The health endpoint answers 200 within the time limit, and the database it reports on is up.
import { defineRule } from '../../core/define-rule.js';
import { databaseState } from './_health-body.js';
import { httpProof, lastHop } from './_shared.js';

function excerpt(body: string): string {
  const one = body.trim();
  return one.length > 300 ? `${one.slice(0, 297)}...` : one;
}

export default defineRule({
  id: 'http/health-endpoint',
  title: 'Health endpoint is missing, failing or slow',
  category: 'monitoring',
  severity: 'high',
  requires: ['endpoints'],
  why: 'Uptime monitors, load balancers and container orchestrators decide from the health endpoint whether to send traffic or restart the app. One that is missing, slow or failing means outages go unnoticed (or healthy instances are killed); one that reports the database down means the site is serving errors right now.',
  fix: 'Expose a cheap health view (django-health-check, or a view that runs SELECT 1) at the path your monitors use, answer 200 only when the database is reachable, keep it fast (no heavy queries), and allow the monitor\'s Host header in ALLOWED_HOSTS. Point opsaudit at another path with --health-path.',
  references: [
    { title: 'django-health-check', url: 'https://github.com/revsys/django-health-check' },
    { title: 'Docker: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
    { title: 'Google SRE book: monitoring distributed systems', url: 'https://sre.google/sre-book/monitoring-distributed-systems/' },
  ],
  verify: 'curl -s -o /dev/null -w "%{http_code} %{time_total}\\n" {healthUrl}   # expect 200 in under {maxSeconds} s',
  messages: {
    missing: '{healthUrl} answers 404: there is no health endpoint at {path}.',
    notOk: '{healthUrl} answers {status} instead of 200.',
    noAnswer: '{healthUrl} gave no answer: {reason}.',
    slow: '{healthUrl} answered 200 in {ms} ms, more than {maxMs} ms.',
    databaseDown: '{healthUrl} answers 200 but reports the database as {value} ("{key}").',
  },
  check({ endpoints }, ctx) {
    if (!endpoints || endpoints.length === 0) {
      ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
      return;
    }
    for (const e of endpoints) {
      const target = `${e.url}#health`;
      if (e.error) {
        ctx.unknown(target, e.error.reason);
        continue;
      }
      const f = e.health;
      if (!f) {
        ctx.unknown(target, 'the health endpoint was not requested');
        continue;
      }
      const x = lastHop(f);
      const { healthPath, healthMaxMs } = e.settings;
      const ms = f.hops.reduce((sum, h) => sum + h.durationMs, 0);
      const data = { healthUrl: f.hops[0].url, path: healthPath, maxMs: healthMaxMs, maxSeconds: healthMaxMs / 1000, ms, status: x.status ?? 'none' };
      if (f.offHost) {
        ctx.unknown(target, `${f.hops[0].url} redirects to another host (${f.offHost}), which was not followed`);
        continue;
      }
      if (x.error) {
        if (x.error.kind === 'budget') ctx.unknown(target, x.error.reason);
        else ctx.fail('noAnswer', { at: httpProof(x, []), target, data: { ...data, reason: x.error.reason } });
        continue;
      }
      const at = httpProof(x, ['content-type'], excerpt(x.body));
      if (x.status === 404) ctx.fail('missing', { at, target, severity: 'medium', data });
      else if (x.status !== 200) ctx.fail('notOk', { at, target, data });
      else {
        const db = databaseState(x.body);
        if (db?.state === 'down') ctx.fail('databaseDown', { at, target, data: { ...data, key: db.key, value: db.value } });
        else if (ms > healthMaxMs) ctx.fail('slow', { at, target, severity: 'medium', data });
        else ctx.pass(target, `200 in ${ms} ms${db ? `, database reported ${db.value}` : ''}`);
      }
    }
  },
});
