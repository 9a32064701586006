// The database password is not written in the settings (DATABASES[...]['PASSWORD'] or a DATABASE_URL with credentials).
import { defineRule } from '../../core/define-rule.js';
import type { PyValue, SettingValue } from '../../facts/django.js';
import { committedFallback, dict, judge, judgeSetting, productionProjects, targetOf } from './_settings.js';

/** scheme://user:password@host with a non-empty password that is not a ${VAR} reference. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s]+)@/i;

function literalPasswords(v: PyValue): string[] {
  return Object.entries(dict(v) ?? {}).flatMap(([alias, cfg]) => {
    const pw = dict(cfg)?.PASSWORD;
    return typeof pw === 'string' && pw !== '' ? [alias] : [];
  });
}

function urlPassword(v: PyValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  const m = URL_WITH_PASSWORD.exec(v.trim());
  return m !== null && !m[1].startsWith('$');
}

export default defineRule({
  id: 'django/database-password-literal',
  title: 'Database password is written in the settings',
  category: 'security',
  severity: 'high',
  requires: ['django'],
  why: 'A password committed in the settings is known to everyone with access to the repository, its history, CI logs and any image built from it; it is rarely rotated because changing it means a code change, and it often ends up being the production one.',
  fix: "Read the password from the environment or a secret file (PASSWORD = os.environ['POSTGRES_PASSWORD'], or a Docker secret under /run/secrets), remove the literal, and rotate the password that was committed.",
  references: [
    { title: 'Django settings: DATABASES PASSWORD', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#password' },
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
    { title: 'The Twelve-Factor App: Config', url: 'https://12factor.net/config' },
  ],
  verify: 'grep -n "PASSWORD" {file}   # expect only environment or secret-file reads',
  messages: {
    literal: "DATABASES['{alias}']['PASSWORD'] is a literal string in {file}.",
    fallback: "DATABASES['{alias}']['PASSWORD'] is a literal string whatever {envVar} holds ({file}): a committed password or fallback.",
    keyFallback: "DATABASES['{alias}']['PASSWORD'] falls back to a literal password whenever {envVar} is unset ({file}).",
    urlLiteral: '{name} is a literal connection URL with a password in {file}.',
    urlFallback: '{name} falls back to a connection URL with a password whenever {envVar} is unset ({file}).',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'DATABASES');
      const setting = p.project.settings.DATABASES;
      let failed = false;
      let unknown: string | null = null;
      // Written as a dict display: judge each alias's PASSWORD where it is written.
      const passwordKeys = Object.entries(setting?.keys ?? {}).filter(([path]) => /^[^.]+\.PASSWORD$/.test(path));
      if (passwordKeys.length > 0) {
        for (const [path, v] of passwordKeys) {
          const alias = path.slice(0, path.indexOf('.'));
          if (v.kind === 'literal' && typeof v.value === 'string' && v.value !== '') {
            failed = true;
            ctx.fail('literal', { at: v.loc, target, data: { alias, file: v.loc.file, envVar: '' } });
          } else if (v.kind === 'from-env' && committedFallback(v.whenUnset) !== null) {
            failed = true;
            ctx.fail('keyFallback', { at: v.loc, target, severity: v.production ? 'low' : 'medium', data: { alias, file: v.loc.file, envVar: v.envVar } });
          } else if (v.kind === 'unknown' && !v.envVars) {
            unknown = `DATABASES['${alias}']['PASSWORD'] could not be evaluated (${v.reason})`;
          }
        }
      } else if (setting?.keys && Object.keys(setting.keys).some((k) => !k.includes('.'))) {
        // Aliases built by a helper (env.db("DATABASE_URL"), dj_database_url.config()): judge each alias's PASSWORD.
        for (const [alias, v] of Object.entries(setting.keys).filter(([k]) => !k.includes('.'))) {
          const j = judgeSetting({ name: `DATABASES['${alias}']`, value: v, module: setting.module }, `DATABASES['${alias}']`, (x) => literalPasswords({ [alias]: x }), null);
          if (j.state === 'decided' && (j.how === 'literal' || j.how === 'any-env-value') && j.result.length > 0) {
            failed = true;
            ctx.fail(j.how === 'literal' ? 'literal' : 'fallback', { at: j.loc, target, severity: j.how === 'literal' ? 'high' : 'medium', data: { alias, file: j.loc.file, envVar: j.envVar ?? '' } });
          } else if (j.state === 'unknown' && !j.envDependent) {
            unknown = j.reason;
          }
        }
      } else if (setting) {
        const j = judge(p, 'DATABASES', literalPasswords);
        if (j.state === 'decided' && (j.how === 'literal' || j.how === 'any-env-value') && j.result.length > 0) {
          failed = true;
          ctx.fail(j.how === 'literal' ? 'literal' : 'fallback', {
            at: j.loc,
            target,
            severity: j.how === 'literal' ? 'high' : 'medium',
            data: { alias: j.result[0], file: j.loc.file, envVar: j.envVar ?? '' },
          });
        } else if (j.state === 'unknown' && !j.envDependent) {
          unknown = j.reason;
        }
      }
      for (const [name, s] of Object.entries(p.project.settings)) {
        if (!/(DATABASE|(^|_)DB)_?(URL|URI|DSN)/.test(name)) continue;
        const v: SettingValue = s.value;
        if (v.kind === 'literal' && urlPassword(v.value)) {
          failed = true;
          ctx.fail('urlLiteral', { at: v.loc, target: targetOf(p, name), data: { name, file: v.loc.file } });
        } else if (v.kind === 'from-env' && v.whenUnset.ok && urlPassword(v.whenUnset.value)) {
          failed = true;
          ctx.fail('urlFallback', { at: v.loc, target: targetOf(p, name), severity: v.production ? 'low' : 'medium', data: { name, file: v.loc.file, envVar: v.envVar } });
        }
      }
      if (failed) continue;
      if (unknown) ctx.unknown(target, unknown);
      else ctx.pass(target);
    }
  },
});
