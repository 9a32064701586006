// Reads the project's .opsaudit.yml (the only I/O of configuration loading) and records its problems with their lines.
import { CONFIG_FILES, isoDay, parseConfig } from '../core/config.js';
import type { ConfigFacts } from '../facts/config.js';
import type { RepoCollectContext } from './repo/context.js';

/**
 * Collects the suppressions of `.opsaudit.yml` (or `.opsaudit.yaml`) at the repository root. Each problem becomes a
 * parse problem of kind `config` (a `parse-error` finding at its line); entries with problems are not applied.
 * `now` fixes the day expiry dates are compared with.
 */
export function collectConfig(ctx: RepoCollectContext, now: Date): ConfigFacts {
  const today = isoDay(now);
  const present = CONFIG_FILES.filter((name) => ctx.exists(name));
  const path = present[0] ?? null;
  if (path === null) return { path: null, suppressions: [], today };
  if (present.length > 1) ctx.notes.push(`${present.slice(1).join(', ')} ignored: ${path} is read first.`);
  const src = ctx.read(path, 'config');
  if (!src) return { path, suppressions: [], today };
  const { suppressions, problems } = parseConfig(path, src.text);
  for (const p of problems) ctx.parseProblem('config', { path, line: p.line, col: p.col, message: p.message, as: 'opsaudit config' });
  return { path, suppressions, today };
}
