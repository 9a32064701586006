// Finds which repository files name which environment variables, so unused env-example keys can be found.
// Python is read through its syntax tree: a name only counts there inside a string or a comment (`os.getenv("X")`),
// because a settings attribute of the same name (`EMAIL_HOST_PASSWORD = read_secret(...)`) reads nothing.
import { parsePython, type Node } from '../../../parsers/python/tree.js';
import type { RepoFile } from '../../../facts/repo.js';
import type { RepoCollectContext } from '../context.js';

/** Per-file and total limits: the search is an aid for one low-severity rule, never a reason to stall a scan. */
const MAX_FILE_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 40 * 1024 * 1024;
/** Files named per key, at most (the rule only needs to know a reference exists). */
const MAX_FILES_PER_KEY = 3;

const OPS_KINDS = new Set([
  'compose', 'dockerfile', 'python', 'shell', 'crontab', 'systemd-unit', 'systemd-timer', 'gunicorn-config', 'ci-workflow',
  'nginx', 'logrotate', 'django-settings', 'django-manage', 'django-wsgi', 'django-asgi', 'django-urls', 'pyproject',
]);
/** Where references usually are: searched first, so a used key is settled without reading the whole tree. */
const LIKELY_KINDS = new Set(['django-settings', 'compose', 'dockerfile', 'shell', 'ci-workflow', 'gunicorn-config', 'systemd-unit']);
/** Other files that can read environment variables: build scripts, configs, front-end code. */
const OTHER_NAMES = /(^|\/)(makefile|justfile|procfile|[^/]*\.(toml|ini|cfg|conf|ya?ml|json|j2|jinja2?|tmpl|tpl|template|js|mjs|cjs|ts|jsx|tsx|vue|svelte|rb|go|php|ps1|bat))$/i;
const SKIP_NAMES = /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|[^/]*\.min\.js|[^/]*\.map)$/i;

/** Python code that maps environment variables to settings by name (django-configurations, pydantic, dynaconf...). */
const DYNAMIC_ENV = /(os\.environ\.items\(\)|globals\(\)\.update\(|\*\*os\.environ|environ_prefix|BaseSettings\b|from\s+configurations\b|import\s+configurations\b|dynaconf|from\s+decouple\s+import\s+AutoConfig)/;

export interface EnvReferenceIndex {
  /** Files naming `key` (case-sensitive words outside Python; any case inside Python strings and comments). */
  filesNaming(key: string): string[];
  /** Set when not every candidate file could be read. */
  readonly incomplete: string | null;
}

interface SearchedFile {
  path: string;
  text: string;
  python: boolean;
  /** Python only, built on first need: the lower-cased words inside strings and comments. */
  quotedWords?: Set<string>;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * Searches the repository's text files (env files excluded) for env-file keys on demand. Files are read in order
 * of likelihood and only as far as an answer needs: a key named in the settings is settled after a handful of
 * files, and only a key named nowhere costs a pass over the whole tree.
 */
export function indexEnvReferences(ctx: RepoCollectContext): EnvReferenceIndex {
  const queue = candidates(ctx.files);
  const searched: SearchedFile[] = [];
  let next = 0;
  let total = 0;
  let incomplete: string | null = null;
  let dynamic: string | null = null;

  /** Reads the next candidate; false once every readable candidate has been read. */
  const readNext = (): boolean => {
    while (next < queue.length && !incomplete) {
      const f = queue[next++];
      const text = ctx.readText(f.path);
      if (text === null || text.length > MAX_FILE_BYTES) continue;
      if (total + text.length > MAX_TOTAL_BYTES) {
        incomplete = `the repository has more than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB of source files; not all were searched`;
        return false;
      }
      total += text.length;
      const python = f.kinds.includes('python');
      if (python && !dynamic) {
        const m = DYNAMIC_ENV.exec(text);
        if (m) dynamic = `${f.path} maps environment variables to settings by name (${m[0]})`;
      }
      searched.push({ path: f.path, text, python });
      return true;
    }
    return false;
  };

  const names = (f: SearchedFile, key: string): boolean => {
    if (!f.python) return f.text.includes(key) && wordRe(key).test(f.text);
    const lower = key.toLowerCase();
    if (!f.text.toLowerCase().includes(lower)) return false;
    f.quotedWords ??= quotedWordsOf(f);
    return f.quotedWords.has(lower);
  };

  return {
    filesNaming(key: string): string[] {
      const out: string[] = [];
      for (let i = 0; out.length < MAX_FILES_PER_KEY && (i < searched.length || readNext()); i++) {
        if (names(searched[i], key)) out.push(searched[i].path);
      }
      if (out.length === 0 && dynamic) {
        // Every file has been read; under dynamic mapping, attribute names stand for variable names (often
        // with a prefix such as DJANGO_ removed).
        const stripped = key.replace(/^[A-Za-z0-9]+_/, '');
        for (const f of searched) {
          if (f.python && (wordRe(key).test(f.text) || (stripped !== key && wordRe(stripped).test(f.text)))) out.push(f.path);
        }
      }
      return out.sort();
    },
    get incomplete() {
      return incomplete;
    },
  };
}

function candidates(files: RepoFile[]): RepoFile[] {
  const wanted = files.filter(
    (f) => !f.kinds.includes('env') && !SKIP_NAMES.test(f.path) && (f.kinds.some((k) => OPS_KINDS.has(k)) || OTHER_NAMES.test(f.path)),
  );
  const rank = (f: RepoFile) => (f.kinds.some((k) => LIKELY_KINDS.has(k)) ? 0 : f.kinds.includes('python') ? 1 : 2);
  return wanted.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
}

const wordRes = new Map<string, RegExp>();
function wordRe(key: string): RegExp {
  let re = wordRes.get(key);
  if (!re) {
    re = new RegExp(`(?<![A-Za-z0-9_])${key.replace(/[^A-Za-z0-9_]/g, '\\$&')}(?![A-Za-z0-9_])`);
    wordRes.set(key, re);
  }
  return re;
}

function quotedWordsOf(f: SearchedFile): Set<string> {
  const words = new Set<string>();
  const stack: Node[] = [parsePython(f.path, f.text).root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'string' || n.type === 'comment') for (const w of n.text.match(WORD) ?? []) words.add(w.toLowerCase());
    else for (const c of n.children) stack.push(c);
  }
  return words;
}
