// A `${VAR}` without a default that no env file or env example defines: Compose substitutes an empty string.
import { defineRule } from '../../core/define-rule.js';
import type { SourceLoc } from '../../core/types/located.js';
import { auditedProjects } from './_shared.js';

/** Set by the shell of whoever runs compose. */
const SHELL_VARIABLES = new Set(['PWD', 'HOME', 'USER', 'UID', 'GID', 'HOSTNAME', 'PATH', 'SHELL', 'XDG_RUNTIME_DIR', 'LOGNAME']);

export default defineRule({
  id: 'compose/undefined-variable',
  title: 'Compose variable defined in no env file',
  category: 'environment',
  severity: 'medium',
  requires: ['compose'],
  why:
    'Compose replaces an unset `${VAR}` with an empty string and only prints a warning: the database starts with an empty user name, an image tag becomes `app:`, a host name is blank. Nothing in the repository tells the next operator that the variable must be set.',
  fix: 'Add the variable to the env example the deployment uses (.env.example / .env.prod.example) with a placeholder, give it a default (`${VAR:-value}`), or make it required with `${VAR:?set VAR in .env}`.',
  references: [
    { title: 'Compose: interpolation', url: 'https://docs.docker.com/reference/compose-file/interpolation/' },
    { title: 'Compose: set environment variables with an .env file', url: 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/' },
  ],
  verify: 'docker compose --env-file {envFile} config >/dev/null   # expect no "variable is not set" warning',
  messages: {
    undefined: '${{name}} is used in {file} but no env file or env example defines it, and it has no default.',
  },
  check({ compose, repo }, ctx) {
    const projects = auditedProjects(compose, ctx);
    for (const p of projects) {
      const byName = new Map<string, SourceLoc[]>();
      const defined = new Set<string>();
      for (const v of p.variables) {
        if (v.hasDefault || v.required || v.definedIn !== null || SHELL_VARIABLES.has(v.name)) {
          defined.add(v.name);
          continue;
        }
        byName.set(v.name, [...(byName.get(v.name) ?? []), v.loc]);
      }
      if (p.variables.length === 0) {
        ctx.notApplicable(`${p.file} uses no variables`);
        continue;
      }
      for (const name of defined) if (!byName.has(name)) ctx.pass(`${p.file}:\${${name}}`);
      for (const [name, locs] of byName) {
        const target = `${p.file}:\${${name}}`;
        // Defined in another env file (a development one, another directory): documented, if not for this setup.
        if (repo.envFiles.some((f) => f.entries.some((e) => e.key.value === name))) {
          ctx.pass(target);
          continue;
        }
        ctx.fail('undefined', {
          at: locs[0],
          also: locs.slice(1, 5),
          target,
          severity: p.interpolationSources.length === 0 ? 'low' : undefined,
          data: { name, file: locs[0].file, envFile: p.interpolationSources[0] ?? '.env' },
        });
      }
    }
  },
});
