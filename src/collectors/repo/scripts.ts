// Shell script and crontab collectors: parse each file once, report syntax errors, register literal secrets.
import { spawnSync } from 'node:child_process';
import type { CronEntry, ShellAssignment, ShellScript } from '../../facts/scripts.js';
import { parseCrontab } from '../../parsers/crontab.js';
import { parseShell, type ShellSyntaxProblem } from '../../parsers/shell.js';
import type { RepoCollectContext } from './context.js';

/** Names whose literal values are secrets; `_FILE`/`_DIR`/`_NAME`... name where a secret lives, not the secret. */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api_?key|private_?key|dsn)/i;
const NOT_A_SECRET_NAME = /_(file|path|dir|name|names|len|length|var|env|id|user|host|port)$/i;

/** Interpreters whose syntax bash accepts; for zsh/fish/csh scripts tree-sitter-bash errors mean nothing. */
const BASH_COMPATIBLE = new Set(['sh', 'bash', 'dash', 'ash', 'busybox', 'ksh', 'mksh']);

function registerSecret(ctx: RepoCollectContext, a: ShellAssignment): void {
  if (!a.value || !a.value.static || !SECRET_NAME.test(a.name) || NOT_A_SECRET_NAME.test(a.name)) return;
  const v = a.value.value;
  if (v.includes('/') || /^(true|false|yes|no|changeme|none|null)$/i.test(v)) return;
  ctx.secret(v);
}

/**
 * Asks `bash -n` (parse only, never executes) whether a script tree-sitter-bash rejected is really invalid: the
 * grammar misreads a few valid constructs, and a false parse error would be a false finding. Returns bash's
 * verdict, or null when bash is not available.
 */
function bashSyntaxCheck(text: string): { ok: true } | { ok: false; line: number | null; message: string } | null {
  const res = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8', timeout: 3000 });
  if (res.error || res.status === null) return null;
  if (res.status === 0) return { ok: true };
  const first = res.stderr.split('\n').find((l) => /line \d+:/.test(l)) ?? res.stderr.split('\n')[0] ?? '';
  const m = /line (\d+): (.*)$/.exec(first);
  return { ok: false, line: m ? Number(m[1]) : null, message: m ? m[2] : first.trim() };
}

function reportShellProblem(ctx: RepoCollectContext, script: ShellScript, problem: ShellSyntaxProblem, text: string): void {
  if (script.interpreter !== null && !BASH_COMPATIBLE.has(script.interpreter)) return;
  const bash = bashSyntaxCheck(text);
  if (bash?.ok) {
    ctx.notes.push(`${script.path}: line ${problem.line} uses syntax the shell parser does not understand (bash -n accepts it); commands there may be missing from the audit.`);
    return;
  }
  // bash's own line is authoritative; the column comes from tree-sitter only when both agree on the line.
  const line = bash && bash.line !== null ? bash.line : problem.line;
  const col = line === problem.line ? problem.col : 1;
  const message = bash && bash.line !== null ? bash.message : problem.message;
  ctx.parseProblem('shell', { path: script.path, line, col, message, as: 'shell' });
}

/** Parses every shell script of the repository (files of kind `shell`). */
export function collectShellScripts(ctx: RepoCollectContext): ShellScript[] {
  const out: ShellScript[] = [];
  for (const f of ctx.ofKind('shell')) {
    const src = ctx.read(f.path, 'shell');
    if (!src) continue;
    const { script, problem } = parseShell(f.path, src.text);
    if (problem) reportShellProblem(ctx, script, problem, src.text);
    for (const a of script.assignments) registerSecret(ctx, a);
    for (const c of script.commands) for (const a of c.env) registerSecret(ctx, a);
    out.push(script);
  }
  return out;
}

/** Extensions of files that sit in cron directories or carry "crontab" in their name but are not crontabs. */
const NOT_CRONTAB = /\.(md|rst|adoc|html?|py|js|mjs|ts|json|ya?ml|toml|ini|go|rb|php|j2|jinja2?|lock|service|timer|sh|bash)$/i;

/** Parses crontab files (kind `crontab`): cron.d and etc/crontab files have a user column, others are inferred. */
export function collectCrontabs(ctx: RepoCollectContext): CronEntry[] {
  const out: CronEntry[] = [];
  for (const f of ctx.ofKind('crontab')) {
    if (f.kinds.length > 1 || NOT_CRONTAB.test(f.path)) continue;
    const src = ctx.read(f.path, 'cron');
    if (!src || src.text.startsWith('#!')) continue;
    const system = /(^|\/)cron\.d\//.test(f.path) || /(^|\/)etc\/crontab$/.test(f.path);
    const { entries, problems } = parseCrontab(f.path, src.text, system ? 'system' : 'auto');
    // A file in a cron directory with no valid entry and lines that are not even attempts at one is something
    // else (a Makefile, a helper); reporting it as a broken crontab would be a false finding.
    if (entries.length === 0 && problems.some((p) => p.message.startsWith('not a cron entry'))) continue;
    for (const p of problems.slice(0, 5)) ctx.parseProblem('cron', { path: f.path, line: p.line, col: p.col, message: p.message, as: 'crontab' });
    for (const e of entries) {
      for (const [name, value] of Object.entries(e.env)) {
        if (SECRET_NAME.test(name) && !NOT_A_SECRET_NAME.test(name) && !value.value.includes('/')) ctx.secret(value.value);
      }
      for (const c of e.commands) for (const a of c.env) registerSecret(ctx, a);
    }
    out.push(...entries);
  }
  return out;
}
