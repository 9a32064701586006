// Reads .env and env example files into located entries.
import type { ComposeProject } from '../../facts/compose.js';
import type { EnvFile } from '../../facts/repo.js';
import { parseEnvFile } from '../../parsers/env.js';
import { envFileRole } from './classify.js';
import type { RepoCollectContext } from './context.js';

const SECRET_NAME = /(pass(word)?|secret|token|api_?key|private_?key|dsn)/i;

export function collectEnvFiles(ctx: RepoCollectContext): EnvFile[] {
  return ctx.ofKind('env').flatMap((f) => readEnvFile(ctx, f.path, envFileRole(f.path)) ?? []);
}

function readEnvFile(ctx: RepoCollectContext, path: string, role: EnvFile['role']): EnvFile | null {
  const src = ctx.read(path, 'repo');
  if (!src) return null;
  const entries = parseEnvFile(path, src.text);
  for (const e of entries) if (SECRET_NAME.test(e.key.value) && !/_FILE$/i.test(e.key.value)) ctx.secret(e.value.value);
  return { path, role, entries };
}

/**
 * Files a compose `env_file:` names whatever their name (env/api.local, config/app.env.prod): they are env files
 * too, and a committed one holds what the service gets. The role follows the name, else the compose file's purpose.
 */
export function envFilesNamedByCompose(ctx: RepoCollectContext, compose: readonly ComposeProject[]): EnvFile[] {
  const known = new Set(ctx.envFiles.map((e) => e.path));
  const out: EnvFile[] = [];
  for (const project of compose) {
    for (const service of project.services) {
      for (const ref of service.envFileRefs ?? []) {
        if (!ref.path || known.has(ref.path) || !ref.exists || !ctx.exists(ref.path)) continue;
        known.add(ref.path);
        const named = envFileRole(ref.path);
        const purpose = project.purpose?.kind;
        const role = named !== 'env' ? named : purpose === 'production' ? 'production' : purpose === 'development' || purpose === 'test' ? 'development' : 'env';
        const file = readEnvFile(ctx, ref.path, role);
        if (file) out.push(file);
      }
    }
  }
  return out;
}
