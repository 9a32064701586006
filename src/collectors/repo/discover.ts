// Walks the repository, honouring .gitignore files and skipping vendored and generated trees.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Directories never worth walking: dependencies, virtualenvs, caches, build output. */
export const SKIP_DIRS = new Set([
  '.git', 'node_modules', '.venv', 'venv', '.tox', '.nox', '__pycache__', '.mypy_cache', '.pytest_cache',
  '.ruff_cache', 'site-packages', 'dist', 'build', '.eggs', '.idea', '.vscode', 'bower_components', '.next',
  '.cache', 'htmlcov', '.terraform', 'staticfiles', 'collected_static',
]);

export interface WalkedFile {
  path: string;
  /** Bytes; asked for only where needed (a stat per file is a fifth of a large tree's walk). */
  readonly size: number;
}

class LazySizeFile implements WalkedFile {
  private bytes: number | undefined;
  constructor(
    readonly path: string,
    private readonly absPath: string,
  ) {}

  get size(): number {
    // A file removed since the walk counts as empty; reading it then reports the problem.
    this.bytes ??= statSync(this.absPath, { throwIfNoEntry: false })?.size ?? 0;
    return this.bytes;
  }
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

/** Lists files under root (repo-relative paths, forward slashes), in sorted order. */
export function walkRepository(root: string): WalkedFile[] {
  const out: WalkedFile[] = [];
  const visit = (rel: string, scopes: IgnoreScope[]) => {
    const abs = rel ? join(root, rel) : root;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    const here = loadGitignore(abs, rel);
    const active = here ? [...scopes, here] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || isIgnored(active, path, true) || isVirtualenv(join(abs, e.name))) continue;
        visit(path, active);
      } else if (e.isFile()) {
        if (isIgnored(active, path, false)) continue;
        out.push(new LazySizeFile(path, join(abs, e.name)));
      }
    }
  };
  visit('', []);
  return out;
}

function loadGitignore(absDir: string, rel: string): IgnoreScope | null {
  const file = join(absDir, '.gitignore');
  if (!existsSync(file)) return null;
  try {
    return { dir: rel, rules: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    return null;
  }
}

function isIgnored(scopes: IgnoreScope[], path: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const sub = s.dir ? path.slice(s.dir.length + 1) : path;
    if (s.rules.ignores(isDir ? `${sub}/` : sub)) return true;
  }
  return false;
}

function isVirtualenv(absDir: string): boolean {
  return existsSync(join(absDir, 'pyvenv.cfg'));
}
