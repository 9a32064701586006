// SECRET_KEY (or one of its fallbacks) is a literal committed in the production settings, or a literal fallback of an env read.
import { defineRule } from '../../core/define-rule.js';
import type { SettingValue } from '../../facts/django.js';
import { committedFallback, isExampleSource, productionProjects, stringList, targetOf } from './_settings.js';

export default defineRule({
  id: 'django/secret-key-hardcoded',
  title: 'SECRET_KEY is hard-coded in the settings',
  category: 'environment',
  severity: 'high',
  requires: ['django'],
  why: 'Everyone with access to the repository, its history, CI logs or the built image knows the key that signs sessions, password-reset tokens, messages and signed cookies; with it they can forge those, and with pickle-based or signed-cookie sessions escalate to account takeover or code execution.',
  fix: 'Read the key from the environment or a secret file without a literal fallback (SECRET_KEY = os.environ["DJANGO_SECRET_KEY"] fails loudly when it is missing), generate a new one (python -c "from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())"), and move the old key to SECRET_KEY_FALLBACKS only for the rotation window.',
  references: [
    { title: 'Django deployment checklist: SECRET_KEY', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key' },
    { title: 'Django settings: SECRET_KEY', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key' },
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
  ],
  verify: 'grep -rn "SECRET_KEY" {file}   # expect no quoted key, only an environment or secret-file read',
  messages: {
    literal: 'SECRET_KEY is a literal string in {settingFile} (production settings {module}).',
    fallback: 'SECRET_KEY falls back to a literal string whenever {envVar} is unset ({settingFile}); {when}.',
    literalFallbacks: 'SECRET_KEY_FALLBACKS holds {count} literal key(s) in {settingFile}.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      judgeKey(p.project.settings.SECRET_KEY?.value, targetOf(p, 'SECRET_KEY'));
      const fallbacks = p.project.settings.SECRET_KEY_FALLBACKS?.value;
      if (fallbacks?.kind === 'literal') {
        const keys = (stringList(fallbacks.value) ?? []).filter((k) => k !== '');
        const target = targetOf(p, 'SECRET_KEY_FALLBACKS');
        if (keys.length > 0) ctx.fail('literalFallbacks', { at: fallbacks.loc, target, data: { count: keys.length, settingFile: fallbacks.loc.file, file: fallbacks.loc.file } });
        else ctx.pass(target);
      }

      function judgeKey(v: SettingValue | undefined, target: string): void {
        // Not set at all: Django refuses to start (empty SECRET_KEY); django/secret-key-weak reports it.
        if (!v) return ctx.pass(target);
        if (v.kind === 'unknown') return ctx.unknown(target, `SECRET_KEY could not be evaluated (${v.reason}); a literal in that expression cannot be ruled out`);
        if (v.kind === 'literal') {
          if (typeof v.value === 'string' && v.value !== '') {
            return ctx.fail('literal', { at: v.loc, target, data: { settingFile: v.loc.file, file: v.loc.file, module: p.module } });
          }
          return ctx.pass(target);
        }
        if (committedFallback(v.whenUnset) !== null) {
          // A committed fallback is in use whenever the variable is missing; when production is seen setting it,
          // the fallback is a latent risk rather than the running key.
          // An example env file's value is a placeholder, not a production key.
          const known = v.production !== null && !isExampleSource(v.production.source);
          return ctx.fail('fallback', {
            at: v.loc,
            target,
            severity: known ? 'medium' : 'high',
            data: {
              envVar: v.envVar,
              settingFile: v.loc.file,
              file: v.loc.file,
              when: known
                ? `production sets ${v.envVar} (${v.production!.source.origin}), so the fallback is only used if that is ever missing`
                : `no production value for ${v.envVar} was found in the repository, so the committed key may be the one in use`,
            },
          });
        }
        return ctx.pass(target);
      }
    }
  },
});
