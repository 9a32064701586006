// What repository shell scripts create or copy on disk (install/setup steps, container start scripts), from the shell facts.
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';

/** Commands that create a path; the copy-like ones create only their last operand (the destination). */
const COPY_LIKE = new Set(['cp', 'mv', 'ln', 'rsync', 'install']);
const CREATE_ALL = new Set(['mkdir', 'touch']);
const WRITE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);

/** Static values the script assigns to each variable (`X=./conf/a`, `local X="..."`, `export X=...`). */
export function scriptVariables(script: ShellScript): Map<string, string> {
  const vars = new Map<string, string>();
  for (const a of script.assignments) {
    if (a.value && a.value.static && !a.commandScoped) vars.set(a.name, a.value.value);
  }
  return vars;
}

/**
 * Replaces `$NAME` / `${NAME}` by the value `lookup` gives; returns null when a variable stays unknown (the word
 * cannot be told). Only simple references are expanded: `${X:-y}` and other operators make the word unknown.
 */
export function expandWord(word: string, lookup: (name: string) => string | undefined): string | null {
  let unknown = false;
  const out = word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const v = lookup((braced ?? bare)!);
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown || /\$/.test(out) ? null : out;
}

/** A path as written, without its `.` and `..` segments and trailing slashes ("../volumes/media/" -> "volumes/media"). */
export function pathTail(path: string): string {
  return path
    .split('/')
    .filter((seg) => seg !== '' && seg !== '.' && seg !== '..')
    .join('/');
}

/** What a creating command does: the program, its source operands (copy-like programs) and the paths it creates. */
export interface CreateOperation {
  program: string;
  sources: string[];
  created: string[];
}

/**
 * The creating program of a command (cp, mv, ln, rsync, install, mkdir, touch) with its operands, or null. The
 * program may sit behind a wrapper the parser does not know (a logging helper function:
 * `display-and-exec "copying" cp "$X.example" "$X"`), so it is looked for among every word.
 */
export function createOperation(c: ShellCommand): CreateOperation | null {
  // `echo run: cp x.example x` tells the reader to create it; it creates nothing.
  if (/^(echo|printf)$/.test(c.effectiveName)) return null;
  const words = [c.name, ...c.args];
  const at = words.findIndex((w) => {
    const base = w.split('/').pop() ?? '';
    return COPY_LIKE.has(base) || CREATE_ALL.has(base);
  });
  if (at < 0) return null;
  const program = words[at].split('/').pop()!;
  const operands = words.slice(at + 1).filter((w) => !w.startsWith('-'));
  const all = CREATE_ALL.has(program) || (program === 'install' && words.slice(at + 1).some((w) => /^-[a-zA-Z]*d/.test(w)));
  if (all) return { program, sources: [], created: operands };
  if (operands.length < 2) return null;
  return { program, sources: operands.slice(0, -1), created: [operands[operands.length - 1]] };
}

/** The words of a command that name a path it creates: copy destinations, mkdir/touch operands, `>` targets. */
function createdWords(c: ShellCommand): string[] {
  const out = [...(createOperation(c)?.created ?? [])];
  for (const r of c.redirections) {
    if (!r.inherited && r.fd !== 2 && WRITE_REDIRECTS.has(r.op) && r.target) out.push(r.target.value);
  }
  return out;
}

/** Whether a path written in a script names the same place as a repository path (compared by their tails). */
function samePlace(written: string, path: string): boolean {
  const a = pathTail(written);
  const b = pathTail(path);
  if (!a || !b) return false;
  return a === b || a.endsWith(`/${b}`) || (a.includes('/') && b.endsWith(`/${a}`));
}

/**
 * The first command of a repository shell script that creates `path` (as written in compose, "./conf/app.conf"):
 * `cp x.example x`, `install -m 600 ... x`, `mkdir -p x`, `touch x`, `ln -s ... x`, `envsubst < t > x`. Script
 * variables with a static value are expanded.
 */
export function createdByScript(path: string, shell: readonly ShellScript[]): ShellCommand | null {
  for (const script of shell) {
    const vars = scriptVariables(script);
    for (const c of script.commands) {
      for (const word of createdWords(c)) {
        const value = expandWord(word, (n) => vars.get(n));
        if (value !== null && samePlace(value, path)) return c;
      }
    }
  }
  return null;
}
