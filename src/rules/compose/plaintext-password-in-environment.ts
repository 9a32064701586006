// A password, token or secret key written as a literal value in a compose file's `environment:`.
import { defineRule } from '../../core/define-rule.js';
import { auditedProjects, serviceTarget } from './_shared.js';

/** Keys naming a secret: the last words are PASSWORD, SECRET_KEY, TOKEN, API_KEY... (`*_FILE` paths are not secrets). */
const SECRET_KEY = /(^|_)(pass(word)?|passwd|pwd|secret|secret_?key|token|api_?key|access_?key|private_?key|auth_?key|signing_?key|encryption_?key|credentials?)$/i;
/** Values that carry no secret: booleans, empty, template placeholders. */
const NOT_A_SECRET = /^(|true|false|yes|no|on|off|none|null|0|1)$/i;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i;

export default defineRule({
  id: 'compose/plaintext-password-in-environment',
  title: 'Plain-text secret in a compose file',
  category: 'security',
  severity: 'high',
  requires: ['compose'],
  why:
    'A secret written in the compose file is in git history for good, readable by everyone with repository access or a CI log, and identical in every environment that uses the file; it also shows in `docker inspect` output.',
  fix:
    'Read it from an untracked env file (`${DB_PASSWORD}` with the value in .env, which is git-ignored) or, better, use Compose secrets (`secrets:` + `POSTGRES_PASSWORD_FILE=/run/secrets/db_password`); then rotate the exposed value.',
  references: [
    { title: 'Compose: manage secrets', url: 'https://docs.docker.com/compose/how-tos/use-secrets/' },
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
  ],
  verify: 'git grep -n "{key}" -- "*compose*.y*ml"   # expect only ${VAR} references or *_FILE paths',
  messages: {
    literal: 'Service "{service}" sets {key} to a literal value in {file}.',
    literalDefault: 'Service "{service}" falls back to a literal {key} written in {file} when {variable} is unset.',
    urlPassword: 'Service "{service}" sets {key} to a URL with a literal password in {file}.',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        const target = serviceTarget(s);
        for (const e of s.environment) {
          const key = e.key.value;
          if (/_(FILE|PATH|DIR)$/i.test(key) || e.raw === null || !e.value) continue;
          const secretKey = SECRET_KEY.test(key);
          const url = URL_WITH_PASSWORD.exec(e.raw);
          if (!secretKey && !url) continue;
          judged++;
          const t = `${target}:${key}`;
          const data = { service: s.name.value, key, file: e.value.loc.file };
          if (e.interpolated.length === 0) {
            if (secretKey && !NOT_A_SECRET.test(e.raw.trim())) ctx.fail('literal', { at: e.value, target: t, data });
            else if (!secretKey && url && !url[1].includes('$')) ctx.fail('urlPassword', { at: e.value, target: t, data });
            else ctx.pass(t);
            continue;
          }
          // `${VAR:-literal}`: the literal is used whenever VAR is unset.
          const fallback = e.interpolated.find((i) => i.defaultValue !== null && !NOT_A_SECRET.test(i.defaultValue) && !i.defaultValue.includes('$'));
          if (secretKey && fallback) {
            ctx.fail('literalDefault', { at: e.value, target: t, severity: 'medium', data: { ...data, variable: fallback.name } });
          } else if (url && !url[1].includes('$')) {
            ctx.fail('urlPassword', { at: e.value, target: t, data });
          } else ctx.pass(t);
        }
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no password, token or secret key in the environment of the audited services');
  },
});
