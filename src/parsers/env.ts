// .env parser: KEY=value lines with positions (docker compose / python-dotenv syntax, the common subset).
import type { EnvEntry } from '../facts/repo.js';

const LINE = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/;

/** Parses env-file text; lines that are not assignments or comments are skipped (dotenv does the same). */
export function parseEnvFile(path: string, text: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^\s*(#|$)/.test(line)) return;
    const m = LINE.exec(line);
    if (!m) return;
    const [, indent, exp = '', key, eq, rest] = m;
    const keyCol = indent.length + exp.length + 1;
    const valueCol = keyCol + key.length + eq.length;
    const { value, length } = unquote(rest);
    entries.push({
      key: { value: key, loc: { file: path, line: i + 1, col: keyCol, endLine: i + 1, endCol: keyCol + key.length } },
      value: { value, loc: { file: path, line: i + 1, col: valueCol, endLine: i + 1, endCol: valueCol + length } },
    });
  });
  return entries;
}

function unquote(rest: string): { value: string; length: number } {
  const q = rest[0];
  if (q === '"' || q === "'") {
    const end = rest.indexOf(q, 1);
    if (end > 0) {
      const inner = rest.slice(1, end);
      return { value: q === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner, length: end + 1 };
    }
  }
  // Unquoted: an inline comment starts at " #".
  const hash = rest.search(/\s#/);
  const value = (hash >= 0 ? rest.slice(0, hash) : rest).trimEnd();
  return { value, length: value.length };
}
