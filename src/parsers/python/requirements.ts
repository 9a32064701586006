// Declared Python dependencies: requirements*.txt lines, pyproject.toml (PEP 621 and Poetry) and Pipfile.
// The TOML reading is a small hand-written subset (tables, `key = "string"`, string arrays, inline tables):
// no TOML library is installed, and these dependency tables are all the audit needs.
import type { Located } from '../../core/types/located.js';

export interface Requirement {
  /** PEP 503 normalised name ("django-redis"). */
  name: string;
  /** The requirement as written ("django-redis>=5.4.0"), located on its line. */
  spec: Located<string>;
}

export interface RequirementsFile {
  requirements: Requirement[];
  /** Files named by `-r` / `-c` lines, as written. */
  includes: string[];
}

/** PEP 503 name normalisation, so "Django_Redis" and "django-redis" are one key. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/;

function located(file: string, line: number, col: number, text: string): Located<string> {
  return { value: text, loc: { file, line, col, endLine: line, endCol: col + text.length } };
}

/** Parses a pip requirements file. */
export function parseRequirements(file: string, text: string): RequirementsFile {
  const requirements: Requirement[] = [];
  const includes: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const hash = line.search(/(^|\s)#/);
    const body = (hash >= 0 ? line.slice(0, hash) : line).replace(/\\$/, '');
    const trimmed = body.trim();
    if (!trimmed) return;
    const col = body.indexOf(trimmed) + 1;
    const inc = /^(-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(trimmed);
    if (inc) {
      includes.push(inc[2]);
      return;
    }
    if (trimmed.startsWith('-')) {
      // -e git+https://...#egg=name
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(line);
      if (egg) requirements.push({ name: normalizeName(egg[1]), spec: located(file, i + 1, col, trimmed) });
      return;
    }
    const at = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*@/.exec(trimmed);
    if (at) {
      requirements.push({ name: normalizeName(at[1]), spec: located(file, i + 1, col, trimmed) });
      return;
    }
    if (/^(https?|git\+|file:|\.{0,2}\/)/.test(trimmed)) {
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(trimmed);
      if (egg) requirements.push({ name: normalizeName(egg[1]), spec: located(file, i + 1, col, trimmed) });
      return;
    }
    const m = NAME.exec(trimmed);
    if (m) requirements.push({ name: normalizeName(m[1]), spec: located(file, i + 1, col, trimmed) });
  });
  return { requirements, includes };
}

interface TomlString {
  value: string;
  line: number;
  col: number;
  text: string;
}

/** Reads `"..."` / `'...'` strings of a TOML array that may span lines, from a position. */
function readArray(lines: string[], startLine: number, startCol: number): { items: TomlString[]; endLine: number } {
  const items: TomlString[] = [];
  let depth = 0;
  for (let li = startLine; li < lines.length; li++) {
    const line = lines[li];
    let ci = li === startLine ? startCol : 0;
    while (ci < line.length) {
      const ch = line[ci];
      if (ch === '#') break;
      if (ch === '[') depth++;
      else if (ch === ']') {
        depth--;
        if (depth === 0) return { items, endLine: li };
      } else if (ch === '"' || ch === "'") {
        const triple = line.startsWith(ch.repeat(3), ci);
        const q = triple ? ch.repeat(3) : ch;
        const end = line.indexOf(q, ci + q.length);
        if (end < 0) return { items, endLine: li };
        const inner = line.slice(ci + q.length, end);
        items.push({ value: ch === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner, line: li + 1, col: ci + 1, text: line.slice(ci, end + q.length) });
        ci = end + q.length;
        continue;
      }
      ci++;
    }
  }
  return { items, endLine: lines.length - 1 };
}

/**
 * Runtime dependencies of a pyproject.toml: PEP 621 `[project] dependencies` and
 * `[tool.poetry.dependencies]` (python itself excluded). Development groups are not runtime dependencies.
 */
export function parsePyproject(file: string, text: string): Requirement[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: Requirement[] = [];
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$/.exec(line);
    if (header && !line.trim().startsWith('[[')) {
      table = header[1].replace(/\s+/g, '');
      continue;
    }
    if (table === 'project') {
      const m = /^\s*dependencies\s*=\s*\[/.exec(line);
      if (m) {
        const { items, endLine } = readArray(lines, i, line.indexOf('['));
        for (const it of items) {
          const n = NAME.exec(it.value.trim());
          if (n) out.push({ name: normalizeName(n[1]), spec: located(file, it.line, it.col, it.text) });
        }
        i = endLine;
      }
    } else if (table === 'tool.poetry.dependencies') {
      const m = /^\s*("?)([A-Za-z0-9][A-Za-z0-9._-]*)\1\s*=/.exec(line);
      if (m && m[2].toLowerCase() !== 'python') {
        const col = line.indexOf(m[2]) + 1 - (m[1] ? 1 : 0);
        out.push({ name: normalizeName(m[2]), spec: located(file, i + 1, col, line.trim()) });
      }
    }
  }
  return out;
}

/** Runtime packages of a Pipfile (`[packages]`, not `[dev-packages]`). */
export function parsePipfile(file: string, text: string): Requirement[] {
  const out: Requirement[] = [];
  let table = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
    if (header) {
      table = header[1];
      return;
    }
    if (table !== 'packages') return;
    const m = /^\s*("?)([A-Za-z0-9][A-Za-z0-9._-]*)\1\s*=/.exec(line);
    if (m) out.push({ name: normalizeName(m[2]), spec: located(file, i + 1, line.indexOf(m[2]) + 1 - (m[1] ? 1 : 0), line.trim()) });
  });
  return out;
}
