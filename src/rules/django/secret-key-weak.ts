// The production SECRET_KEY (and its fallbacks) pass Django's own strength check (security.W009 / W025).
import { defineRule } from '../../core/define-rule.js';
import type { PyValue } from '../../facts/django.js';
import { absentSetting, howText, judge, productionProjects, sourceEvidence, stringList, targetOf } from './_settings.js';

const MIN_LENGTH = 50;
const MIN_UNIQUE = 5;
const INSECURE_PREFIX = 'django-insecure-';

/** Why a key is weak, in Django's terms (django/core/checks/security/base.py), or null. */
export function weakness(key: string): string | null {
  const problems: string[] = [];
  if (key.length < MIN_LENGTH) problems.push(`${key.length} characters (minimum ${MIN_LENGTH})`);
  if (new Set(key).size < MIN_UNIQUE) problems.push(`${new Set(key).size} distinct characters (minimum ${MIN_UNIQUE})`);
  if (key.startsWith(INSECURE_PREFIX)) problems.push(`starts with '${INSECURE_PREFIX}' (a startproject development key)`);
  return problems.length > 0 ? problems.join(', ') : null;
}

export default defineRule({
  id: 'django/secret-key-weak',
  title: 'SECRET_KEY is too short, too simple or a generated development key',
  category: 'environment',
  severity: 'high',
  requires: ['django'],
  why: 'A short, low-entropy or startproject-generated key (django-insecure-...) can be guessed or is already public; it signs sessions, password-reset tokens and signed cookies, so whoever knows it can forge them.',
  fix: 'Generate a random key of at least 50 characters (python -c "from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())"), store it in the production secret store or env file, and keep the old one in SECRET_KEY_FALLBACKS only while rotating.',
  references: [
    { title: 'Django system checks: security.W009', url: 'https://docs.djangoproject.com/en/stable/ref/checks/#security' },
    { title: 'Django settings: SECRET_KEY', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key' },
    { title: 'Django deployment checklist: SECRET_KEY', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key' },
  ],
  verify: 'docker compose exec web python manage.py check --deploy   # expect no security.W009 / security.W025',
  messages: {
    weak: 'The production SECRET_KEY {how} and is weak: {problems}.',
    empty: 'The production SECRET_KEY {how} and is empty: Django refuses to start ("The SECRET_KEY setting must not be empty").',
    notSet: 'SECRET_KEY is not set in the production settings: Django refuses to start without it.',
    weakFallback: 'SECRET_KEY_FALLBACKS entry {index} is weak: {problems}.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'SECRET_KEY');
      const j = judge(p, 'SECRET_KEY', (v: PyValue) => v, { ignoreExampleSources: true });
      if (j.state === 'missing') {
        ctx.fail('notSet', { at: absentSetting(p, 'SECRET_KEY'), target, severity: 'medium' });
      } else if (j.state === 'unknown') {
        ctx.unknown(target, j.reason);
      } else if (typeof j.value !== 'string') {
        ctx.unknown(target, `SECRET_KEY evaluates to a non-string value; Django's strength check does not apply as written`);
      } else if (j.value === '') {
        ctx.fail('empty', { at: j.loc, also: sourceEvidence(j), target, severity: 'medium', data: { how: howText(j, true) } });
      } else {
        const problems = weakness(j.value);
        if (problems) ctx.fail('weak', { at: j.loc, also: sourceEvidence(j), target, data: { how: howText(j, true), problems } });
        else ctx.pass(target);
      }

      const fb = judge(p, 'SECRET_KEY_FALLBACKS', stringList, { ignoreExampleSources: true });
      const fbTarget = targetOf(p, 'SECRET_KEY_FALLBACKS');
      if (fb.state === 'missing') continue;
      if (fb.state === 'unknown') {
        ctx.unknown(fbTarget, fb.reason);
        continue;
      }
      const keys = fb.result ?? [];
      const weakOne = keys.map((k, i) => ({ i, problems: weakness(k) })).find((x) => x.problems !== null);
      if (weakOne) ctx.fail('weakFallback', { at: fb.loc, also: sourceEvidence(fb), target: fbTarget, data: { index: weakOne.i, problems: weakOne.problems! } });
      else ctx.pass(fbTarget);
    }
  },
});
