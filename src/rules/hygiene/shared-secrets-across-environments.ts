// Development and production env files that share a secret value (seed 000 §2, environment separation).
import { defineRule } from '../../core/define-rule.js';
import { isPlaceholder, isSecretKeyName } from './_values.js';

export default defineRule({
  id: 'hygiene/shared-secrets-across-environments',
  title: 'Development and production share a secret',
  category: 'environment',
  severity: 'high',
  requires: ['repo'],
  why: 'A secret that development also uses lives on laptops, in CI logs and in dev databases; a leak there is a production breach, and rotating it breaks both.',
  fix: 'Generate distinct secrets per environment (SECRET_KEY, database and Redis passwords, API tokens) and keep production values only in the production secret store.',
  references: [
    { title: 'Django deployment checklist: SECRET_KEY', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key' },
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
  ],
  verify: 'diff <(grep -h {key} {devFile}) <(grep -h {key} {prodFile})   # expect the values to differ',
  messages: { shared: '{key} has the same value in {devFile} and {prodFile}.' },
  check({ repo }, ctx) {
    const prod = repo.envFiles.filter((f) => f.role === 'production');
    const dev = repo.envFiles.filter((f) => f.role === 'development' || f.role === 'env');
    if (prod.length === 0 || dev.length === 0) return ctx.notApplicable('no pair of development and production env files');
    for (const p of prod) {
      let failed = false;
      for (const entry of p.entries) {
        if (!isSecretKeyName(entry.key.value) || isPlaceholder(entry.value.value)) continue;
        for (const d of dev) {
          const twin = d.entries.find((e) => e.key.value === entry.key.value && e.value.value === entry.value.value);
          if (!twin) continue;
          failed = true;
          ctx.fail('shared', {
            at: entry.value,
            also: [twin.value],
            target: `${p.path}#${entry.key.value}`,
            data: { key: entry.key.value, devFile: d.path, prodFile: p.path },
          });
        }
      }
      if (!failed) ctx.pass(p.path);
    }
  },
});
