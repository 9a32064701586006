// The live site does not answer with Django's technical 404/500 debug pages: DEBUG is off in production.
import { defineRule } from '../../core/define-rule.js';
import type { HttpFetch } from '../../facts/endpoint.js';
import { detectDjangoDebugPage } from './_django-debug.js';
import { fetchProblem, httpProof, lastHop } from './_shared.js';

export default defineRule({
  id: 'http/debug-page',
  title: "Django's debug page is served (DEBUG = True in production)",
  category: 'security',
  severity: 'critical',
  requires: ['endpoints'],
  why: "With DEBUG on, any 404 lists every URL pattern of the project and any error shows the traceback with local variables, the settings (secrets only partly masked) and the SQL. Attackers request a random path to check exactly this, then use the map and the leaked values; Django also keeps every query in memory.",
  fix: 'Set DEBUG = False in the production settings (read it with an explicit parser that defaults to False, never bool(os.environ.get(...))), set ALLOWED_HOSTS, and restart the application servers. django/debug-enabled points at the setting in the repository.',
  references: [
    { title: 'Django deployment checklist: DEBUG', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#debug' },
    { title: 'Django settings: DEBUG', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#debug' },
    { title: 'OWASP Top 10 A05:2021 Security Misconfiguration', url: 'https://owasp.org/Top10/A05_2021-Security_Misconfiguration/' },
  ],
  verify: 'curl -s {pageUrl} | grep -c "DEBUG = True"   # expect 0',
  messages: {
    technical404: "{pageUrl} answers with Django's technical 404 page: DEBUG is True, and the page lists the project's URL patterns.",
    technical500: "{pageUrl} answers with Django's technical 500 page: DEBUG is True, and errors show tracebacks and settings.",
  },
  check({ endpoints }, ctx) {
    if (!endpoints || endpoints.length === 0) {
      ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
      return;
    }
    for (const e of endpoints) {
      const pages: [string, HttpFetch | null][] = [['a random missing path', e.notFound]];
      if (e.settings.errorPath) pages.push([`the error path ${e.settings.errorPath}`, e.errorPage]);
      const problems: string[] = [];
      let found = 0;
      for (const [what, f] of pages) {
        const problem = fetchProblem(e, f, what);
        if (problem || !f) {
          problems.push(`${what}: ${problem ?? 'not requested'}`);
          continue;
        }
        const x = lastHop(f);
        const page = detectDjangoDebugPage(x.body);
        if (!page) continue;
        found += 1;
        ctx.fail(page.kind, { at: httpProof(x, ['content-type'], page.excerpt), target: e.url, data: { pageUrl: x.url } });
      }
      if (found > 0) continue;
      if (problems.length > 0) ctx.unknown(e.url, problems.join('; '));
      else
        ctx.pass(
          e.url,
          pages.map(([what, f]) => `${what} answered ${f ? lastHop(f).status : '-'} without Django's debug page`).join('; '),
        );
    }
  },
});
