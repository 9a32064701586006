// Makefile / justfile parser: targets, prerequisites and recipe lines, with the file's own variables expanded.
// Written by hand: no maintained JavaScript library parses Makefiles; the rules only need targets and recipe text.
import type { Located } from '../core/types/located.js';
import type { MakeTarget } from '../facts/texts.js';

const VARIABLE = /^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}=|\?=|\+=|!=|=)\s*(.*?)\s*$/;
const TARGET = /^([^\s:#=][^:=#]*?)\s*:(?!=)(?::)?\s*([^=#]*?)\s*(?:#.*)?$/;
/** justfile recipe line: `name arg1 arg2='x': deps` (parameters after the name). */
const JUST_TARGET = /^@?([A-Za-z_][A-Za-z0-9_-]*)(?:\s+[^:]*?)?\s*:(?!=)\s*([^#]*?)\s*(?:#.*)?$/;

/** Expands `$(VAR)` / `${VAR}` (make) and `{{VAR}}` (just) from `vars`, a few levels deep; `$$` becomes `$`. */
function expand(text: string, vars: Map<string, string>, depth = 0): string {
  if (depth > 5) return text;
  const replaced = text
    .replace(/(?<!\$)\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]/g, (m, name: string) => (vars.has(name) ? expand(vars.get(name) as string, vars, depth + 1) : m))
    .replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (m, name: string) => (vars.has(name) ? expand(vars.get(name) as string, vars, depth + 1) : m));
  return depth === 0 ? replaced.replace(/\$\$/g, '$') : replaced;
}

/**
 * Parses a Makefile (recipes start with a tab) or a justfile (`just: true`, recipes indented by any whitespace).
 * Special targets (`.PHONY`, `.DEFAULT_GOAL`...) and pattern rules (`%.o: %.c`) are skipped. Never throws.
 */
export function parseMakefile(path: string, lines: readonly string[], just = false): MakeTarget[] {
  const vars = new Map<string, string>();
  for (const line of lines) {
    if (/^\s/.test(line)) continue;
    const m = VARIABLE.exec(line);
    if (m) vars.set(m[1], m[2].replace(/^"(.*)"$|^'(.*)'$/, '$1$2'));
  }
  const targets: MakeTarget[] = [];
  let current: MakeTarget[] = [];
  const recipeStart = just ? /^[ \t]+\S/ : /^\t/;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (current.length > 0 && recipeStart.test(line)) {
      const body = line.replace(/^\s+/, '');
      if (body.startsWith('#')) return;
      const stripped = body.replace(/^[@+-]+/, '');
      const value = expand(stripped, vars);
      for (const t of current) t.recipe.push({ value, loc: { file: path, line: n, col: 1, endLine: n, endCol: line.length + 1 } });
      return;
    }
    if (line.trim() === '' || /^\s*#/.test(line)) return;
    if (/^\s/.test(line)) return;
    current = [];
    if (VARIABLE.test(line)) return;
    const m = (just ? JUST_TARGET : TARGET).exec(line);
    if (!m) return;
    const names = just ? [m[1]] : m[1].split(/\s+/);
    const prerequisites = (m[2] ?? '').split(/\s+/).filter(Boolean);
    let col = 1;
    for (const name of names) {
      const at = line.indexOf(name, col - 1);
      col = at + 1 + name.length;
      if (name.startsWith('.') || name.includes('%') || name.includes('$')) continue;
      const target: MakeTarget = { name: { value: name, loc: { file: path, line: n, col: at + 1, endLine: n, endCol: at + 1 + name.length } }, prerequisites, recipe: [] };
      targets.push(target);
      current.push(target);
    }
  });
  return targets;
}
