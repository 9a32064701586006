// A key of an env example file that nothing in the repository reads: stale, misnamed, or never wired up.
import { defineRule } from '../../core/define-rule.js';
import type { ComposeEnvExample, ComposeEnvVar } from '../../facts/compose.js';
import { auditedProjects } from './_shared.js';

function words(key: string): Set<string> {
  return new Set(key.toUpperCase().split('_').filter((w) => w && w !== 'FILE'));
}

/** A compose environment key that looks like the intended name for `key` (EMAIL_HOST_PASSWORD ~ EMAIL_PASSWORD_FILE). */
function similar(key: string, candidates: ComposeEnvVar[]): ComposeEnvVar | undefined {
  const a = words(key);
  return candidates.find((c) => {
    if (c.key.value === key) return false;
    const b = words(c.key.value);
    const common = [...a].filter((w) => b.has(w)).length;
    return common >= 2 && (common === a.size || common === b.size);
  });
}

export default defineRule({
  id: 'compose/unused-env-example-key',
  title: 'Env example key that nothing reads',
  category: 'environment',
  severity: 'low',
  requires: ['compose'],
  why:
    'The env example is the deployment\'s checklist: a key that no compose file, Dockerfile, setting or script reads makes operators fill in a value that changes nothing, and usually hides a misnamed variable (the real name is set nowhere, so the feature silently runs with its default).',
  fix: 'Rename the key to the name the code reads, or remove it from the example; when the value now comes from a secret file, say so in a comment instead.',
  references: [
    { title: 'The Twelve-Factor App: Config', url: 'https://12factor.net/config' },
    { title: 'Compose: environment variables precedence and env_file', url: 'https://docs.docker.com/compose/how-tos/environment-variables/envvars-precedence/' },
  ],
  verify: 'git grep -n "{key}" -- ":!{file}"   # expect the code or compose file that reads it',
  messages: {
    unused: '{key} in {file} is not read by any compose file, Dockerfile, Python code or script of the repository.',
    unusedSimilar: '{key} in {file} is read by nothing; service "{service}" uses {similar} instead.',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    const seen = new Map<string, { example: ComposeEnvExample; env: { service: string; v: ComposeEnvVar }[] }>();
    for (const p of projects) {
      const env = p.services.flatMap((s) => s.environment.map((v) => ({ service: s.name.value, v })));
      for (const ex of p.envExamples) {
        const prev = seen.get(ex.path);
        if (prev) prev.env.push(...env);
        else seen.set(ex.path, { example: ex, env: [...env] });
      }
    }
    if (projects.length > 0 && seen.size === 0) ctx.notApplicable('no env example file belongs to the audited compose projects');
    for (const { example, env } of seen.values()) {
      if (example.incomplete) {
        ctx.unknown(example.path, `the users of ${example.path} could not all be seen: ${example.incomplete}`);
        continue;
      }
      for (const k of example.keys) {
        const target = `${example.path}:${k.key.value}`;
        if (k.implicitUse || k.referencedIn.length > 0) {
          ctx.pass(target);
          continue;
        }
        const near = similar(
          k.key.value,
          env.map((e) => e.v),
        );
        const data = { key: k.key.value, file: example.path };
        if (near) {
          const service = env.find((e) => e.v === near)!.service;
          ctx.fail('unusedSimilar', { at: k.key, also: [near.key], target, data: { ...data, service, similar: near.key.value } });
        } else {
          ctx.fail('unused', { at: k.key, target, data });
        }
      }
    }
  },
});
