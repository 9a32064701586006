// Dockerfile collector: parses every discovered Dockerfile, records syntax problems and literal secrets.
import type { DockerfileFacts } from '../../facts/dockerfile.js';
import { parseDockerfile } from '../../parsers/dockerfile.js';
import type { RepoCollectContext } from './context.js';

/** ENV/ARG names whose literal values are secrets (masked in every output). */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api_?key|private_?key|access_?key|dsn|credentials?)/i;
const NOT_SECRET_NAME = /(_FILE|_PATH|_DIR|_URL_PATH)$/i;
/** `scheme://user:password@host`. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s/]+)@/i;
/** `Dockerfile.j2`, `Dockerfile.template`: templates render to a Dockerfile, they are not one. */
const TEMPLATE = /\.(j2|jinja2?|tpl|tmpl|template|mustache|erb|in|md|rst|txt|html?)$/i;

/** Parses the repository's Dockerfiles. Never throws: unreadable files become issues, bad syntax parse problems. */
export function collectDockerfiles(ctx: RepoCollectContext): DockerfileFacts[] {
  const out: DockerfileFacts[] = [];
  for (const f of ctx.ofKind('dockerfile')) {
    if (TEMPLATE.test(f.path)) {
      ctx.notes.push(`${f.path} looks like a Dockerfile template or document and was not audited as a Dockerfile.`);
      continue;
    }
    const src = ctx.read(f.path, 'dockerfiles');
    if (!src) continue;
    let parsed;
    try {
      parsed = parseDockerfile(f.path, src.text);
    } catch (err) {
      ctx.issue('dockerfiles', f.path, `${f.path} could not be parsed as a Dockerfile: ${(err as Error).message}`);
      continue;
    }
    for (const p of parsed.problems) ctx.parseProblem('dockerfiles', { path: f.path, line: p.line, col: p.col, message: p.message, as: 'dockerfile' });
    for (const stage of parsed.facts.stages)
      for (const instr of stage.instructions)
        for (const v of instr.vars) {
          if (!v.value) continue;
          // A value that is only variable references is not a literal; `s2%x$abc...` with a stray `$` still is.
          const literal = v.value.value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '');
          if (SECRET_NAME.test(v.key.value) && !NOT_SECRET_NAME.test(v.key.value) && literal.length >= 8) ctx.secret(v.value.value);
          const url = URL_PASSWORD.exec(v.value.value);
          if (url && !url[1].includes('$')) ctx.secret(url[1]);
        }
    out.push(parsed.facts);
  }
  return out;
}
