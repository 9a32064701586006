// Test helper: an in-memory import host over a map of files, for evaluator and settings tests.
import { Evaluator, type EvaluatorOptions, type ImportHost, type ModuleResult, type ModuleSource } from './evaluator.js';
import { extractSettings } from './settings.js';
import { parsePython } from './tree.js';
import type { EnvSource, Setting } from '../../facts/django.js';

/** Builds sources for files keyed by path; module names come from the paths. */
export function memoryHost(files: Record<string, string>): { host: ImportHost; source: (path: string) => ModuleSource } {
  const cache = new Map<string, ModuleSource>();
  const moduleOf = (p: string) => p.replace(/\.py$/, '').replace(/\/__init__$/, '').replace(/\//g, '.');
  const source = (path: string): ModuleSource => {
    let s = cache.get(path);
    if (!s) {
      s = { file: path, module: moduleOf(path), isPackage: path.endsWith('__init__.py'), tree: parsePython(path, files[path] ?? '') };
      cache.set(path, s);
    }
    return s;
  };
  const find = (rel: string): ModuleSource | null => {
    if (`${rel}.py` in files) return source(`${rel}.py`);
    if (`${rel}/__init__.py` in files) return source(`${rel}/__init__.py`);
    // A directory without __init__.py is a namespace package.
    if (Object.keys(files).some((f) => f.startsWith(`${rel}/`))) return source(`${rel}/__init__.py`);
    return null;
  };
  const host: ImportHost = {
    resolve(name, level, from) {
      if (level > 0) {
        let dir = from.file.includes('/') ? from.file.slice(0, from.file.lastIndexOf('/')) : '';
        for (let i = 1; i < level; i++) dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
        const rel = [dir, name.replace(/\./g, '/')].filter(Boolean).join('/');
        return find(rel) ?? 'missing';
      }
      const hit = find(name.replace(/\./g, '/'));
      if (hit) return hit;
      const top = name.split('.')[0];
      return Object.keys(files).some((f) => f.startsWith(`${top}/`) || f === `${top}.py`) ? 'missing' : 'external';
    },
    include(pattern, from) {
      const dir = from.file.includes('/') ? from.file.slice(0, from.file.lastIndexOf('/') + 1) : '';
      const re = new RegExp(`^${(dir + pattern).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      return Object.keys(files).filter((f) => re.test(f)).sort().map(source);
    },
  };
  return { host, source };
}

/** Evaluates `entry` among `files` and extracts its settings. */
export function settingsOf(
  files: Record<string, string>,
  entry: string,
  production: Record<string, string> = {},
  options: EvaluatorOptions = {},
): { settings: Record<string, Setting>; result: ModuleResult } {
  const { host, source } = memoryHost(files);
  const result = new Evaluator(host, options).evaluate(source(entry));
  const prod = (name: string): EnvSource | undefined =>
    name in production
      ? { value: production[name], origin: 'test', at: { value: production[name], loc: { file: '.env.prod', line: 1, col: 1, endLine: 1, endCol: 1 } } }
      : undefined;
  return { settings: extractSettings(result, { projectRoot: '', production: prod }), result };
}
