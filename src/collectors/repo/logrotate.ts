// logrotate collector: parses logrotate configs of the repository (files of kind `logrotate`).
import type { FactKind } from '../../facts/index.js';
import type { LogrotateConfig } from '../../facts/scripts.js';
import { parseLogrotate } from '../../parsers/logrotate.js';
import type { RepoCollectContext } from './context.js';

/** The fact kind these configs are filed under (`Facts.logrotate`, wired in src/facts/index.ts). */
const KIND: FactKind = 'logrotate';

/** Files named after logrotate that are documentation or code, not configs. */
const NOT_CONFIG = /\.(md|rst|adoc|txt|py|sh|ya?ml|json|j2|jinja2?)$/i;

export function collectLogrotate(ctx: RepoCollectContext): LogrotateConfig[] {
  const out: LogrotateConfig[] = [];
  for (const f of ctx.ofKind('logrotate')) {
    if (NOT_CONFIG.test(f.path) || f.kinds.length > 1) continue;
    const src = ctx.read(f.path, KIND);
    if (!src) continue;
    const { config, problems } = parseLogrotate(f.path, src.text);
    const first = problems[0];
    if (first) ctx.parseProblem(KIND, { path: f.path, line: first.line, col: first.col, message: first.message, as: 'logrotate' });
    out.push(config);
  }
  return out;
}
