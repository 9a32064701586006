// DEBUG must be False in production: as written, as the production environment sets it, and as it defaults.
import { defineRule } from '../../core/define-rule.js';
import { howText, judge, productionProjects, pyRepr, sourceEvidence, targetOf, truthy } from './_settings.js';

/** Raw env values people write to mean "off". */
const OFF_WORDS = /^(0|false|no|off|)$/i;

export default defineRule({
  id: 'django/debug-enabled',
  title: 'DEBUG is enabled in production',
  category: 'environment',
  severity: 'critical',
  requires: ['django'],
  why: 'With DEBUG on, every error page shows a full traceback with local variables, settings (secrets are only partly masked) and the SQL run; Django also keeps every query in memory and serves static files itself. Attackers use these pages to map the application and harvest credentials.',
  fix: 'Set DEBUG = False in the production settings, or read it with an explicit parser that defaults to False (env.bool("DJANGO_DEBUG", default=False), or os.environ.get("DJANGO_DEBUG", "") == "1"). Never wrap os.environ.get() in bool(): any non-empty string, including "False" and "0", is True.',
  references: [
    { title: 'Django deployment checklist: DEBUG', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#debug' },
    { title: 'Django settings: DEBUG', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#debug' },
    { title: 'OWASP Top 10 A05:2021 Security Misconfiguration', url: 'https://owasp.org/Top10/A05_2021-Security_Misconfiguration/' },
  ],
  verify: 'docker compose exec web python manage.py shell -c "from django.conf import settings; print(settings.DEBUG)"   # expect False',
  messages: {
    enabled: 'DEBUG {how} in the production settings {module}.',
    offWordTurnsOn: 'DEBUG is True in production although {envVar}={raw} is meant to turn it off: the settings turn any non-empty string into True ({origin}).',
    defaultTrue: 'DEBUG defaults to True: it {how}.',
    envTrap: 'DEBUG cannot be turned off through {envVar}: the settings give DEBUG={trap} for {envVar}="{word}" (any non-empty value is True); only leaving {envVar} unset keeps it off.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'DEBUG');
      const j = judge(p, 'DEBUG', truthy, { judgeDefault: true });
      if (j.state === 'missing') {
        ctx.pass(target);
        continue;
      }
      if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
        continue;
      }
      const data = { module: p.module, how: howText(j), envVar: j.envVar ?? 'DEBUG' };
      if (j.result) {
        if (j.how === 'default') {
          ctx.fail('defaultTrue', { at: j.loc, target, data, severity: 'high' });
        } else if (j.how === 'production-env' && j.source && OFF_WORDS.test(j.source.value.trim())) {
          ctx.fail('offWordTurnsOn', {
            at: j.loc,
            also: sourceEvidence(j),
            target,
            data: { ...data, raw: pyRepr(j.source.value), origin: j.source.origin },
          });
        } else {
          ctx.fail('enabled', { at: j.loc, also: sourceEvidence(j), target, data });
        }
        continue;
      }
      // Off as resolved. When production's value is not known, an off default can still hide the bool("False") trap.
      const setting = p.project.settings.DEBUG?.value;
      if (j.how === 'default' && setting?.kind === 'from-env') {
        const trapWord = ['False', '0', 'false'].find((w) => {
          const o = setting.whenSet(w);
          return o.ok && truthy(o.value);
        });
        if (trapWord !== undefined) {
          const o = setting.whenSet(trapWord);
          ctx.fail('envTrap', {
            at: j.loc,
            target,
            severity: 'high',
            data: { ...data, word: trapWord, trap: o.ok ? pyRepr(o.value) : 'True' },
          });
          continue;
        }
      }
      ctx.pass(target);
    }
  },
});
