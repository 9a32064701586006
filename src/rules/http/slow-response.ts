// The home page answers within the response-time threshold (seed 003: alert above 2 s).
import { defineRule } from '../../core/define-rule.js';
import { fetchProblem, httpProof, lastHop } from './_shared.js';

export default defineRule({
  id: 'http/slow-response',
  title: 'Home page responds slowly',
  category: 'webserver',
  severity: 'medium',
  requires: ['endpoints'],
  why: 'A home page that needs more than two seconds (redirects included) loses visitors and search ranking, and is usually the first sign of exhausted Gunicorn workers, missing database indexes or a cache that is not used; under load it turns into time-outs.',
  fix: 'Find where the time goes (nginx $upstream_response_time in the access log, django-debug-toolbar or APM traces in staging): add indexes, cache the page or its fragments (Redis), size Gunicorn workers to the CPUs, and avoid redirect chains. The threshold is --slow-ms.',
  references: [
    { title: 'Django: performance and optimization', url: 'https://docs.djangoproject.com/en/stable/topics/performance/' },
    { title: 'Gunicorn: how many workers?', url: 'https://docs.gunicorn.org/en/stable/design.html#how-many-workers' },
    { title: 'web.dev: Time to First Byte', url: 'https://web.dev/articles/ttfb' },
  ],
  verify: 'curl -s -o /dev/null -L -w "%{time_total}\\n" {url}   # expect under {maxSeconds} s',
  messages: {
    slow: '{url} took {ms} ms to answer ({hops} request(s)), more than {maxMs} ms.',
  },
  check({ endpoints }, ctx) {
    if (!endpoints || endpoints.length === 0) {
      ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
      return;
    }
    for (const e of endpoints) {
      const problem = fetchProblem(e, e.home, 'the page');
      if (problem || !e.home) {
        ctx.unknown(e.url, problem ?? 'the page was not requested');
        continue;
      }
      const ms = e.home.hops.reduce((sum, h) => sum + h.durationMs, 0);
      const max = e.settings.slowMs;
      const x = lastHop(e.home);
      if (ms > max) ctx.fail('slow', { at: httpProof(x, ['content-type', 'server-timing']), target: e.url, data: { url: e.url, ms, maxMs: max, maxSeconds: max / 1000, hops: e.home.hops.length } });
      else ctx.pass(e.url, `${ms} ms`);
    }
  },
});
