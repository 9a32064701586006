// Reads .env and env example files into located entries.
import type { EnvFile } from '../../facts/repo.js';
import { parseEnvFile } from '../../parsers/env.js';
import { envFileRole } from './classify.js';
import type { RepoCollectContext } from './context.js';

const SECRET_NAME = /(pass(word)?|secret|token|api_?key|private_?key|dsn)/i;

export function collectEnvFiles(ctx: RepoCollectContext): EnvFile[] {
  const out: EnvFile[] = [];
  for (const f of ctx.ofKind('env')) {
    const src = ctx.read(f.path, 'repo');
    if (!src) continue;
    const entries = parseEnvFile(f.path, src.text);
    for (const e of entries) if (SECRET_NAME.test(e.key.value) && !/_FILE$/i.test(e.key.value)) ctx.secret(e.value.value);
    out.push({ path: f.path, role: envFileRole(f.path), entries });
  }
  return out;
}
