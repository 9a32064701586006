// Indexes which repository files name which environment variables, so unused env-example keys can be found.
// Python is read through its syntax tree: a name only counts there inside a string or a comment (`os.getenv("X")`),
// because a settings attribute of the same name (`EMAIL_HOST_PASSWORD = read_secret(...)`) reads nothing.
import { parsePython, type Node } from '../../../parsers/python/tree.js';
import type { RepoFile } from '../../../facts/repo.js';
import type { RepoCollectContext } from '../context.js';

/** Per-file and total limits: the index is an aid for one low-severity rule, never a reason to stall a scan. */
const MAX_FILE_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 40 * 1024 * 1024;
/** Files named per word, at most (the rule only needs to know a reference exists). */
const MAX_FILES_PER_WORD = 3;

const OPS_KINDS = new Set([
  'compose', 'dockerfile', 'python', 'shell', 'crontab', 'systemd-unit', 'systemd-timer', 'gunicorn-config', 'ci-workflow',
  'nginx', 'logrotate', 'django-settings', 'django-manage', 'django-wsgi', 'django-asgi', 'django-urls', 'pyproject',
]);
/** Other files that can read environment variables: build scripts, configs, front-end code. */
const OTHER_NAMES = /(^|\/)(makefile|justfile|procfile|[^/]*\.(toml|ini|cfg|conf|ya?ml|json|j2|jinja2?|tmpl|tpl|template|js|mjs|cjs|ts|jsx|tsx|vue|svelte|rb|go|php|ps1|bat))$/i;
const SKIP_NAMES = /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|[^/]*\.min\.js|[^/]*\.map)$/i;

/** Python code that maps environment variables to settings by name (django-configurations, pydantic, dynaconf...). */
const DYNAMIC_ENV = /(os\.environ\.items\(\)|globals\(\)\.update\(|\*\*os\.environ|environ_prefix|BaseSettings\b|from\s+configurations\b|import\s+configurations\b|dynaconf|from\s+decouple\s+import\s+AutoConfig)/;

export interface EnvReferenceIndex {
  /** Files naming `key` (case-sensitive words outside Python; any case inside Python strings and comments). */
  filesNaming(key: string): string[];
  /** Set when settings read environment variables by computed names: the file and pattern. */
  dynamic: string | null;
  /** Set when not every candidate file could be read. */
  incomplete: string | null;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Builds the index over the repository's text files (env files themselves excluded), for the env-file keys only. */
export function indexEnvReferences(ctx: RepoCollectContext): EnvReferenceIndex {
  // Only keys of env files are ever asked about: searching for them (instead of indexing every word) keeps
  // large trees fast, and Python is parsed only when one of them appears in the file at all.
  const keys = [...new Set(ctx.envFiles.flatMap((f) => f.entries.map((e) => e.key.value)))];
  const lowerKeys = [...new Set(keys.map((k) => k.toLowerCase()))];
  const words = new Map<string, string[]>();
  const pyWordsLower = new Map<string, string[]>();
  const pyCode = new Map<string, string[]>();
  let dynamic: string | null = null;
  let total = 0;
  let incomplete: string | null = null;
  const add = (m: Map<string, string[]>, w: string, file: string) => {
    const list = m.get(w);
    if (!list) m.set(w, [file]);
    else if (list.length < MAX_FILES_PER_WORD && list[list.length - 1] !== file) list.push(file);
  };
  const wordsIn = (text: string, wanted: ReadonlySet<string>, lower: boolean) =>
    (text.match(WORD) ?? []).filter((w) => wanted.has(lower ? w.toLowerCase() : w));
  for (const f of candidates(ctx.files)) {
    if (keys.length === 0) break;
    if (f.size > MAX_FILE_BYTES) continue;
    if (total + f.size > MAX_TOTAL_BYTES) {
      incomplete = `the repository has more than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB of source files; not all were searched`;
      break;
    }
    total += f.size;
    const text = readText(ctx, f.path);
    if (text === null) continue;
    if (f.kinds.includes('python')) {
      if (!dynamic) {
        const m = DYNAMIC_ENV.exec(text);
        if (m) dynamic = `${f.path} maps environment variables to settings by name (${m[0]})`;
      }
      const lowerText = text.toLowerCase();
      const present = new Set(lowerKeys.filter((k) => lowerText.includes(k)));
      if (present.size === 0) continue;
      const presentKeys = new Set(keys.filter((k) => present.has(k.toLowerCase())));
      for (const w of wordsIn(text, presentKeys, false)) add(pyCode, w, f.path);
      // Attribute names without a prefix stand for prefixed variables under dynamic mapping (see filesNaming).
      const stripped = new Set(keys.map((k) => k.replace(/^[A-Za-z0-9]+_/, '')).filter((k) => text.includes(k)));
      for (const w of wordsIn(text, stripped, false)) add(pyCode, w, f.path);
      const tree = parsePython(f.path, text);
      visitStringsAndComments(tree.root, (t) => {
        for (const w of wordsIn(t, present, true)) add(pyWordsLower, w.toLowerCase(), f.path);
      });
    } else {
      const present = new Set(keys.filter((k) => text.includes(k)));
      if (present.size === 0) continue;
      for (const w of wordsIn(text, present, false)) add(words, w, f.path);
    }
  }
  return {
    filesNaming(key: string): string[] {
      const out = new Set<string>([...(words.get(key) ?? []), ...(pyWordsLower.get(key.toLowerCase()) ?? [])]);
      if (dynamic) {
        // Attribute names stand for variable names (often with a prefix such as DJANGO_ removed).
        for (const f of pyCode.get(key) ?? []) out.add(f);
        const stripped = key.replace(/^[A-Za-z0-9]+_/, '');
        if (stripped !== key) for (const f of pyCode.get(stripped) ?? []) out.add(f);
      }
      return [...out].sort();
    },
    dynamic,
    incomplete,
  };
}

function candidates(files: RepoFile[]): RepoFile[] {
  return files.filter(
    (f) => !f.kinds.includes('env') && !SKIP_NAMES.test(f.path) && (f.kinds.some((k) => OPS_KINDS.has(k)) || OTHER_NAMES.test(f.path)),
  );
}

/** Uses the text the collectors already read; the file is never quoted from here. */
function readText(ctx: RepoCollectContext, path: string): string | null {
  return ctx.readText(path);
}

function visitStringsAndComments(root: Node, visit: (text: string) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'string' || n.type === 'comment') visit(n.text);
    else for (const c of n.children) stack.push(c);
  }
}
