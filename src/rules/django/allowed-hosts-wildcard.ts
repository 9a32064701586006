// ALLOWED_HOSTS in production: no '*' wildcard (Host header attacks) and not empty (Django rejects every request).
import { defineRule } from '../../core/define-rule.js';
import type { PyValue } from '../../facts/django.js';
import { absentSetting, howText, judge, productionProjects, pyRepr, sourceEvidence, targetOf, truthy } from './_settings.js';

type Verdict = 'wildcard' | 'empty' | 'notList' | 'ok';

function verdict(v: PyValue): Verdict {
  // Django iterates the value: a bare string is a sequence of one-character hosts.
  if (typeof v === 'string') return v.includes('*') ? 'wildcard' : 'notList';
  if (!Array.isArray(v)) return v === null ? 'empty' : 'notList';
  const hosts = v.filter((h): h is string => typeof h === 'string');
  if (hosts.includes('*')) return 'wildcard';
  if (hosts.every((h) => h.trim() === '')) return 'empty';
  return 'ok';
}

export default defineRule({
  id: 'django/allowed-hosts-wildcard',
  title: "ALLOWED_HOSTS is '*' or empty in production",
  category: 'environment',
  severity: 'high',
  requires: ['django'],
  why: "With '*' Django trusts any Host header: password-reset and other absolute links can be pointed at an attacker's domain (Host header poisoning) and caches can be poisoned. With an empty list (and DEBUG off) Django answers every request with 400 Bad Request.",
  fix: "List the production domains explicitly (ALLOWED_HOSTS = ['example.com', 'www.example.com'], or read them from an env var split on commas) and set that variable in the production environment; add 'localhost' only if a health check calls the app by that name.",
  references: [
    { title: 'Django settings: ALLOWED_HOSTS', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#allowed-hosts' },
    { title: 'Django security: Host header validation', url: 'https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation' },
    { title: 'Django deployment checklist: ALLOWED_HOSTS', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#allowed-hosts' },
  ],
  verify: 'curl -s -o /dev/null -w "%{http_code}" -H "Host: evil.example" https://<your-domain>/   # expect 400',
  messages: {
    wildcard: "ALLOWED_HOSTS {how}: every Host header is accepted.",
    fallbackWildcard: "ALLOWED_HOSTS {how}: unless production sets {envVar}, every Host header is accepted.",
    empty: 'ALLOWED_HOSTS {how} while DEBUG is off: Django answers every request with 400 Bad Request.',
    notSet: 'ALLOWED_HOSTS is not set in the production settings (default []) while DEBUG is off: Django answers every request with 400 Bad Request.',
    notList: 'ALLOWED_HOSTS {how}, which is not a list: Django treats each character as a host name.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'ALLOWED_HOSTS');
      const j = judge(p, 'ALLOWED_HOSTS', verdict);
      if (j.state === 'unknown') {
        // A committed fallback of '*' is in use whenever the variable is missing: worth saying, one notch lower.
        const fallback = judge(p, 'ALLOWED_HOSTS', verdict, { judgeDefault: true });
        if (fallback.state === 'decided' && fallback.how === 'default' && fallback.result === 'wildcard') {
          ctx.fail('fallbackWildcard', { at: fallback.loc, target, severity: 'medium', data: { how: howText(fallback), envVar: fallback.envVar ?? 'its variable' } });
        } else ctx.unknown(target, j.reason);
        continue;
      }
      if (j.result === 'ok') {
        ctx.pass(target);
        continue;
      }
      const data = { how: howText(j) };
      if (j.result === 'wildcard') {
        ctx.fail('wildcard', { at: j.state === 'decided' ? j.loc : absentSetting(p, 'ALLOWED_HOSTS'), also: sourceEvidence(j), target, data });
        continue;
      }
      if (j.result === 'notList') {
        ctx.fail('notList', { at: j.state === 'decided' ? j.loc : absentSetting(p, 'ALLOWED_HOSTS'), also: sourceEvidence(j), target, severity: 'medium', data });
        continue;
      }
      // Empty: only a problem with DEBUG off (with DEBUG on, Django allows localhost and django/debug-enabled reports).
      const debug = judge(p, 'DEBUG', truthy, { judgeDefault: true });
      if (debug.state === 'unknown') {
        ctx.unknown(target, `ALLOWED_HOSTS ${howText(j)}; whether that matters depends on DEBUG, which is unknown: ${debug.reason}`);
      } else if (debug.result) {
        ctx.pass(target);
      } else if (j.state === 'missing') {
        ctx.fail('notSet', { at: absentSetting(p, 'ALLOWED_HOSTS', `Django's default is ${pyRepr(j.value)}`), target, severity: 'medium' });
      } else {
        ctx.fail('empty', { at: j.loc, also: sourceEvidence(j), target, severity: 'medium', data });
      }
    }
  },
});
