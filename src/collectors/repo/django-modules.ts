// Python modules of the repository for the Django collector: parses each file once, maps dotted names to files.
import { parsePython } from '../../parsers/python/tree.js';
import type { ImportHost, ModuleSource, Resolution } from '../../parsers/python/evaluator.js';
import type { RepoCollectContext } from './context.js';

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function join(dir: string, rest: string): string {
  return dir ? `${dir}/${rest}` : rest;
}

/** Local modules commonly kept out of git (`local_settings.py`): absent from the repository means absent. */
const LOCAL_ONLY = /(^|[._])(local|secrets?|private|override|overrides|local_settings|settings_local)$/;

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class PythonModules {
  private readonly parsed = new Map<string, ModuleSource | null>();
  private readonly reported = new Set<string>();
  private readonly files: Set<string>;
  private readonly dirs = new Set<string>();
  /**
   * Modules created at install time from a committed template (`conf/settings.py` from `settings.py.example`,
   * copied by an install script): the template stands in for the module, and proof points at the template.
   */
  private readonly fromTemplate = new Map<string, string>();

  constructor(private readonly ctx: RepoCollectContext) {
    this.files = new Set(ctx.ofKind('python').map((f) => f.path));
    for (const f of ctx.files) {
      const m = /^(.+\.py)\.(example|sample|dist|template|tmpl|default)$/.exec(f.path);
      if (m && !this.files.has(m[1])) {
        this.fromTemplate.set(m[1], f.path);
        this.files.add(m[1]);
      }
    }
    for (const f of this.files) {
      for (let d = dirOf(f); d; d = dirOf(d)) {
        if (this.dirs.has(d)) break;
        this.dirs.add(d);
      }
    }
  }

  exists(file: string): boolean {
    return this.files.has(file);
  }

  /** The text of a module's file (of its template when the module is made at install time), or null. */
  text(file: string): string | null {
    return this.ctx.read(this.fromTemplate.get(file) ?? file, 'django')?.text ?? null;
  }

  /** Reads and parses a file once. `report`: a syntax error becomes a parse problem (settings, urls, wsgi...). */
  source(file: string, module: string, report: boolean): ModuleSource | null {
    let src = this.parsed.get(file);
    if (src === undefined) {
      src = null;
      const template = this.fromTemplate.get(file);
      if (template) {
        const text = this.ctx.read(template, 'django');
        if (text) {
          src = { file: template, module, isPackage: false, tree: parsePython(template, text.text) };
          this.ctx.notes.push(`${file} is not in the repository; it is made at install time from ${template}, which was audited in its place`);
        }
      } else if (this.files.has(file)) {
        const text = this.ctx.read(file, 'django');
        if (text) src = { file, module, isPackage: file.endsWith('/__init__.py') || file === '__init__.py', tree: parsePython(file, text.text) };
      } else if (file.endsWith('__init__.py') && this.dirs.has(dirOf(file))) {
        // A namespace package: a directory of modules without __init__.py.
        src = { file, module, isPackage: true, tree: parsePython(file, '') };
      }
      this.parsed.set(file, src);
    }
    if (src && report) this.report(src);
    return src;
  }

  /** Records a file's syntax error as a parse problem, once. */
  report(src: ModuleSource): void {
    const e = src.tree.syntaxError;
    if (!e || this.reported.has(src.file) || !(this.files.has(src.file) || [...this.fromTemplate.values()].includes(src.file))) return;
    this.reported.add(src.file);
    this.ctx.parseProblem('django', { path: src.file, line: e.line, col: e.col, message: e.message, as: 'python' });
  }

  /** The file of an absolute dotted module under the given sys.path roots ("" or "backend/"). */
  find(dotted: string, roots: string[]): { file: string; module: string } | null {
    const rel = dotted.replace(/\./g, '/');
    for (const root of roots) {
      const base = root + rel;
      if (this.files.has(`${base}.py`)) return { file: `${base}.py`, module: dotted };
      if (this.files.has(`${base}/__init__.py`)) return { file: `${base}/__init__.py`, module: dotted };
      if (this.dirs.has(base)) return { file: `${base}/__init__.py`, module: dotted };
    }
    return this.bySuffix(rel, dotted);
  }

  private readonly suffixCache = new Map<string, { file: string; module: string } | null>();

  /**
   * Projects add directories to sys.path (cookiecutter's `sys.path.append(BASE_DIR / "shop")`), so
   * `users.urls` may live at shop/users/urls.py: a unique file ending with the dotted path is that module.
   * Only for names of two parts or more, where a coincidence is unlikely.
   */
  private bySuffix(rel: string, dotted: string): { file: string; module: string } | null {
    if (!rel.includes('/')) return null;
    const cached = this.suffixCache.get(rel);
    if (cached !== undefined) return cached;
    const hits = [...this.files].filter((f) => f.endsWith(`/${rel}.py`) || f.endsWith(`/${rel}/__init__.py`));
    const hit = hits.length === 1 ? { file: hits[0], module: dotted } : null;
    this.suffixCache.set(rel, hit);
    return hit;
  }

  /** The dotted name of a file under the first root that holds it. */
  moduleName(file: string, roots: string[]): string {
    const root = roots.find((r) => file.startsWith(r)) ?? '';
    return file
      .slice(root.length)
      .replace(/\.py$/, '')
      .replace(/\/__init__$/, '')
      .replace(/^__init__$/, '')
      .replace(/\//g, '.');
  }

  /** The evaluator's view of imports for a project with these sys.path roots. */
  host(roots: string[]): ImportHost {
    const topInRepo = (top: string): boolean => roots.some((r) => this.files.has(`${r}${top}.py`) || this.dirs.has(r + top));
    return {
      resolve: (name: string, level: number, from: ModuleSource): Resolution => {
        if (level > 0) {
          let base = dirOf(from.file);
          for (let i = 1; i < level; i++) base = dirOf(base);
          const pkg = from.isPackage ? from.module : from.module.split('.').slice(0, -1).join('.');
          const pkgParts = pkg ? pkg.split('.') : [];
          const modBase = pkgParts.slice(0, Math.max(0, pkgParts.length - (level - 1))).join('.');
          const module = [modBase, name].filter(Boolean).join('.');
          const rel = name ? join(base, name.replace(/\./g, '/')) : base;
          for (const file of [`${rel}.py`, join(rel, '__init__.py')]) {
            if (this.files.has(file)) return this.source(file, module, false) ?? 'missing';
          }
          if (this.dirs.has(rel)) return this.source(join(rel, '__init__.py'), module, false) ?? 'missing';
          return 'missing';
        }
        const hit = this.find(name, roots);
        if (hit) return this.source(hit.file, hit.module, false) ?? 'missing';
        const top = name.split('.')[0];
        if (topInRepo(top)) return 'missing';
        if (LOCAL_ONLY.test(name.split('.').pop() ?? '')) return 'missing';
        return 'external';
      },
      include: (pattern: string, from: ModuleSource): ModuleSource[] => {
        const path = join(dirOf(from.file), pattern).split('/').reduce<string[]>((acc, part) => {
          if (part === '..') acc.pop();
          else if (part !== '.' && part !== '') acc.push(part);
          return acc;
        }, []).join('/');
        const re = globToRegExp(path);
        const matches = [...this.files].filter((f) => re.test(f)).sort();
        return matches
          .map((f) => this.source(f, this.moduleName(f, roots), true))
          .filter((s): s is ModuleSource => s !== null);
      },
    };
  }
}
