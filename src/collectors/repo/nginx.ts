// nginx collector: parses nginx files once, resolves `include` to repository files, and expands each entry file.
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { NginxConfig, NginxDirective, NginxInclude } from '../../facts/scripts.js';
import { parseNginx, templateSyntax, topLevelContext } from '../../parsers/nginx.js';
import type { RepoCollectContext } from './context.js';

/** Where nginx installations keep their configuration; `include /etc/nginx/x` means `x` under the config dir. */
const NGINX_PREFIXES = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/opt/nginx/conf/', '/usr/local/openresty/nginx/conf/', '/etc/openresty/'];

/** Files that ship with nginx, the distribution packages or certbot, so their absence from the repository is normal. */
const STOCK = /(^|\/)(mime\.types|(fastcgi|uwsgi|scgi|proxy)_params|fastcgi\.conf|koi-(utf|win)|win-utf|snippets\/(fastcgi-php|snakeoil)\.conf|modules-enabled\/\*\.conf|options-ssl-nginx\.conf|ssl-dhparams\.pem)$/;

const MAX_DEPTH = 16;

interface ParsedFile {
  directives: NginxDirective[];
}

/** A glob as nginx (glob(3)) reads it: `*` and `?` stay inside one path segment. */
function globRegex(pattern: string, anchoredStart: boolean): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end > i) {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      } else re += '\\[';
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`${anchoredStart ? '^' : '(^|/)'}${re}$`);
}

const isGlob = (p: string) => /[*?[]/.test(p);
const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const join = (dir: string, rel: string) => normalize(dir ? `${dir}/${rel}` : rel);

function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function commonPrefixLength(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

class Resolver {
  private readonly paths: string[];

  constructor(private readonly ctx: RepoCollectContext) {
    this.paths = ctx.files.map((f) => f.path);
  }

  /** Files matching `rel` (a path or glob) under `dir`. */
  private under(dir: string, rel: string): string[] {
    const target = join(dir, rel);
    if (!isGlob(target)) return this.ctx.exists(target) ? [target] : [];
    const re = globRegex(target, true);
    return this.paths.filter((p) => re.test(p));
  }

  /** Files whose path ends with `rel`, the group nearest to the including file. */
  private bySuffix(rel: string, from: string): string[] {
    const re = globRegex(rel, false);
    const hits = this.paths.filter((p) => re.test(p));
    if (hits.length === 0) return [];
    const groups = new Map<string, string[]>();
    for (const h of hits) {
      // Group by the directory the pattern is rooted in, so a glob takes every file of one directory.
      const root = h.slice(0, h.length - (h.match(re)?.[0].replace(/^\//, '').length ?? 0)).replace(/\/$/, '');
      groups.set(root, [...(groups.get(root) ?? []), h]);
    }
    const best = [...groups.entries()].sort((a, b) => commonPrefixLength(dirOf(from), b[0]) - commonPrefixLength(dirOf(from), a[0]) || a[0].localeCompare(b[0]))[0];
    return best[1];
  }

  /** Resolves an include pattern written in `from` (entry file `entry`) to repository files. */
  resolve(pattern: string, from: string, entry: string): { files: string[]; resolution: string } {
    if (pattern.includes('$')) return { files: [], resolution: 'contains a variable (nginx does not expand variables in include)' };
    let rel = pattern;
    let how = '';
    if (pattern.startsWith('/')) {
      const prefix = NGINX_PREFIXES.find((p) => pattern.startsWith(p));
      if (prefix) {
        rel = pattern.slice(prefix.length);
        how = `${prefix} read as the config directory; `;
      } else {
        // Another absolute path (/etc/letsencrypt/...): look for the longest suffix present in the repository.
        const segs = pattern.slice(1).split('/');
        for (let k = 0; k < segs.length; k++) {
          const suffix = segs.slice(k).join('/');
          if (k === segs.length - 1 && isGlob(suffix)) break;
          const files = this.bySuffix(suffix, from);
          if (files.length > 0) return { files: files.sort(), resolution: `matched by path suffix ${suffix}` };
        }
        return { files: [], resolution: 'absolute path outside the nginx config directory, not found in the repository' };
      }
    }
    // nginx resolves relative includes against its config directory; in a repository that is the directory of
    // the entry file, the including file's directory, or one of its parents.
    const dirs = [dirOf(from), dirOf(entry)];
    for (let d = dirOf(from); d; d = dirOf(d)) dirs.push(dirOf(d));
    for (const dir of [...new Set(dirs)]) {
      const files = this.under(dir, rel).filter((f) => f !== from);
      if (files.length > 0) return { files: files.sort(), resolution: `${how}relative to ${dir || 'the repository root'}/` };
    }
    if (rel.includes('/') || !isGlob(rel)) {
      const files = this.bySuffix(rel, from).filter((f) => f !== from);
      if (files.length > 0) return { files: files.sort(), resolution: `${how}matched by path suffix ${rel}` };
    }
    return { files: [], resolution: `${how}no repository file matches ${rel}` };
  }
}

/** Parses nginx configs (kind `nginx`) and expands their includes; one config per entry file. */
export function collectNginx(ctx: RepoCollectContext): NginxConfig[] {
  const parsed = new Map<string, ParsedFile | null>();
  const resolver = new Resolver(ctx);

  const parse = (path: string): ParsedFile | null => {
    if (parsed.has(path)) return parsed.get(path) ?? null;
    parsed.set(path, null);
    const src = ctx.read(path, 'nginx');
    if (!src) return null;
    const template = templateSyntax(src.text);
    if (template) {
      // The nginx rules cannot judge it; rules that only look at nginx for a side signal keep their verdicts.
      ctx.issue('nginx', path, `${path} is a ${template}, not plain nginx syntax; it was not audited`, 'nginx/');
      return null;
    }
    const { directives, problems } = parseNginx(path, src.text);
    const first = problems[0];
    if (first) ctx.parseProblem('nginx', { path, line: first.line, col: first.col, message: first.message, as: 'nginx' });
    const file = { directives };
    parsed.set(path, file);
    return file;
  };

  // Which files each file includes (resolved against itself as entry, good enough to find entries).
  const includedBy = new Map<string, Set<string>>();
  const visitIncludes = (path: string, entry: string, seen: Set<string>) => {
    if (seen.has(path)) return;
    seen.add(path);
    const file = parse(path);
    if (!file) return;
    walk(file.directives, (d) => {
      if (d.name !== 'include' || d.args.length !== 1) return;
      for (const target of resolver.resolve(d.args[0], path, entry).files) {
        if (target !== path) includedBy.set(target, (includedBy.get(target) ?? new Set()).add(path));
        visitIncludes(target, entry, seen);
      }
    });
  };
  const candidates = ctx.ofKind('nginx').map((f) => f.path);
  for (const path of candidates) visitIncludes(path, path, new Set());

  const entries = candidates.filter((p) => parsed.get(p) && ![...(includedBy.get(p) ?? [])].some((by) => by !== p));
  // Files only included from each other (an include cycle) still get audited once.
  const reached = new Set<string>();
  const out: NginxConfig[] = [];
  const build = (entry: string) => {
    const includes: NginxInclude[] = [];
    const unresolved: Located<string>[] = [];
    const files: string[] = [];
    const expand = (path: string, from: SourceLoc | null, stack: string[]): NginxDirective[] => {
      const file = parse(path);
      if (!file) return [];
      if (!files.includes(path)) files.push(path);
      reached.add(path);
      const copy = (list: NginxDirective[]): NginxDirective[] => {
        const result: NginxDirective[] = [];
        for (const d of list) {
          result.push({ ...d, includedFrom: from, block: d.block ? copy(d.block) : null });
          if (d.name !== 'include' || d.args.length !== 1) continue;
          const at: Located<string> = { value: d.args[0], loc: d.loc };
          const { files: targets, resolution } = resolver.resolve(d.args[0], path, entry);
          const usable = targets.filter((t) => !stack.includes(t) && t !== path);
          const cycle = usable.length < targets.length;
          includes.push({ at, files: usable, resolution: cycle ? `${resolution} (include cycle skipped)` : resolution, stock: STOCK.test(d.args[0]) });
          if (targets.length === 0) unresolved.push(at);
          if (stack.length >= MAX_DEPTH) continue;
          for (const t of usable) result.push(...expand(t, d.loc, [...stack, path]));
        }
        return result;
      };
      return copy(file.directives);
    };
    const directives = expand(entry, null, []);
    out.push({ path: entry, directives, unresolvedIncludes: unresolved, files, includes, context: topLevelContext(parse(entry)?.directives ?? []) });
  };
  for (const e of entries) build(e);
  for (const p of candidates) if (parsed.get(p) && !reached.has(p)) build(p);
  return out;
}

/** Calls `fn` on every directive of a tree, depth first. */
function walk(list: NginxDirective[], fn: (d: NginxDirective) => void): void {
  for (const d of list) {
    fn(d);
    if (d.block) walk(d.block, fn);
  }
}
