// A secret written into a Dockerfile ENV or ARG: baked into the image (or its history) for anyone who pulls it.
import { defineRule } from '../../core/define-rule.js';
import type { DockerVarDecl } from '../../facts/dockerfile.js';
import { auditedDockerfiles, shippedStages, stageTarget } from './_stages.js';

/** Names that hold secrets; `_FILE`/`_PATH` variants hold where the secret is, not the secret. */
const SECRET_NAME = /(PASS(WORD|WD)?|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|DSN|CREDENTIALS?)/i;
const NOT_SECRET_NAME = /(_FILE|_PATH|_DIR|_NAME|_HEADER|_FIELD|_TIMEOUT|_EXPIRY|_EXPIRES|_LIFETIME|_TTL|_LENGTH|_HASHERS|_VALIDATORS|_ENABLED|_REQUIRED|_URL_PATH|_BACKEND)$/i;
/** Values that are obviously not real secrets: placeholders for build steps, booleans, paths. */
const PLACEHOLDER =
  /^(dummy|placeholder|changeme|change[-_ ]?me|x+|\*+|build|build[-_]only|example|fake|test|testing|secret|password|none|null|nil|empty|todo|ci|collectstatic|unused|default|not[-_ ]?(a[-_ ]?)?secret|insecure|true|false|yes|no|on|off|0|1)$/i;
/** `scheme://user:password@host`: a URL carrying a password. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s/]+)@/i;

function looksLikePlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || PLACEHOLDER.test(v) || /^[<{[].*[>}\]]$/.test(v) || /^\/(run|var|etc|app|tmp|home|usr|opt)\//.test(v) || /^your[-_]/i.test(v);
}

/** The value without its variable references. */
function literalPart(value: string): string {
  return value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '');
}

/** Why a declaration leaks a secret literal, or null. */
function leak(v: DockerVarDecl): 'name' | 'url' | null {
  if (!v.value) return null;
  const value = v.value.value;
  const url = URL_PASSWORD.exec(value);
  if (url && !url[1].includes('$') && !looksLikePlaceholder(url[1])) return 'url';
  if (!SECRET_NAME.test(v.key.value) || NOT_SECRET_NAME.test(v.key.value)) return null;
  // `${SECRET_KEY}` passes a value through; `s2%hf!x$abc...` is a literal that happens to contain a `$`.
  if (literalPart(value).length < 8 || looksLikePlaceholder(value)) return null;
  return 'name';
}

export default defineRule({
  id: 'dockerfile/secret-in-env-or-arg',
  title: 'Secret written into a Dockerfile ENV or ARG',
  category: 'security',
  severity: 'high',
  // Compose decides which stages are deployed and may supply user, healthcheck, environment or command.
  requires: ['dockerfiles', 'compose'],
  why: 'ENV values are stored in the image configuration and ARG values in its build history: anyone who can pull the image (a registry, a CI cache, a leaked tarball) reads them with `docker inspect` or `docker history`. A secret there is also in the repository, shared by every environment, and cannot be rotated without a rebuild.',
  fix: 'Remove the value from the Dockerfile and rotate the secret. Provide it at run time (compose `secrets:` or environment from an untracked file); for build steps that need one, use a BuildKit secret mount (`RUN --mount=type=secret,id=...`) or a placeholder set only for that RUN.',
  references: [
    { title: 'Docker docs: build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
    { title: 'Docker build checks: SecretsUsedInArgOrEnv', url: 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/' },
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
  ],
  verify: 'docker inspect --format "{{json .Config.Env}}" <image built from {file}>; docker history --no-trunc <image>   # no secret values',
  messages: {
    envLiteral: '{target} bakes a literal {key} into the image with ENV.',
    argDefault: '{target} gives ARG {key} a literal default, stored in the image build history.',
    urlPassword: '{target} sets {key} to a URL with an embedded password ({kind}).',
    envFromArg: '{target} copies the build argument {arg} into ENV {key}, so the value passed at build time is stored in the image.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      const shipped = shippedStages(facts, df);
      let failed = false;
      for (const stage of df.stages) {
        const target = stageTarget(df, stage);
        const inImage = shipped.has(stage.index);
        for (const instr of stage.instructions) {
          if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
          for (const v of instr.vars) {
            const data = { target, key: v.key.value, file: df.path, kind: instr.keyword };
            const kind = leak(v);
            if (kind === 'url') {
              failed = true;
              ctx.fail('urlPassword', { at: v.key, data, target, severity: instr.keyword === 'ENV' && inImage ? 'high' : 'medium' });
            } else if (kind === 'name') {
              failed = true;
              if (instr.keyword === 'ENV') ctx.fail('envLiteral', { at: v.key, data, target, severity: inImage ? 'high' : 'medium' });
              else ctx.fail('argDefault', { at: v.key, data, target, severity: 'medium' });
            } else if (instr.keyword === 'ENV' && v.raw && SECRET_NAME.test(v.key.value) && !NOT_SECRET_NAME.test(v.key.value)) {
              // ENV KEY=$KEY where KEY is an ARG of the stage: the build argument ends up in the image.
              const ref = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(v.raw.replace(/^["']|["']$/g, ''));
              if (ref && stage.args[ref[1]] && inImage) {
                failed = true;
                ctx.fail('envFromArg', { at: v.key, data: { ...data, arg: ref[1] }, target, severity: 'medium' });
              }
            }
          }
        }
      }
      if (!failed) ctx.pass(df.path);
    }
  },
});
