// Crontab parser: user crontabs (5 fields + command), system crontabs / cron.d (5 fields + user + command),
// @special schedules, environment lines, with positions; each command is parsed as shell.
// Written by hand: the npm cron libraries (cron-parser...) validate expressions with a wider syntax than cron's
// (seconds, L, W), keep no columns and know no user column.
import type { Located, SourceLoc } from '../core/types/located.js';
import type { CronEntry } from '../facts/scripts.js';
import { offsetMapper, parseShellSnippet } from './shell.js';

export interface CrontabProblem {
  line: number;
  col: number;
  message: string;
}

export interface CrontabParse {
  entries: CronEntry[];
  problems: CrontabProblem[];
  /** The format used (given, or inferred for 'auto'). */
  format: 'user' | 'system';
}

const SPECIALS = new Set(['@reboot', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Accounts that commonly appear in the user column of system crontabs; used only to infer the format. */
const SYSTEM_USERS = new Set([
  'root', 'www-data', 'postgres', 'nobody', 'daemon', 'nginx', 'django', 'app', 'appuser', 'ubuntu', 'debian', 'deploy',
  'deployer', 'admin', 'web', 'webapp', 'celery', 'redis', 'www', 'apache', 'httpd', 'odoo', 'mail', 'syslog', 'user',
  'ec2-user', 'centos', 'gunicorn', 'uwsgi', 'wagtail', 'certbot',
]);

const FIELDS = [
  { name: 'minute', min: 0, max: 59, names: null },
  { name: 'hour', min: 0, max: 23, names: null },
  { name: 'day of month', min: 1, max: 31, names: null },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
] as const;

interface Tok {
  text: string;
  /** 0-based offset in the line. */
  at: number;
}

/** Splits a line into whitespace-separated tokens with offsets. */
function tokens(line: string, limit: number): Tok[] {
  const out: Tok[] = [];
  const re = /[^ \t]+/g;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(line))) out.push({ text: m[0], at: m.index });
  return out;
}

/** Why a time field is invalid, or null when it is valid (vixie cron / cronie syntax). */
export function fieldError(value: string, index: number): string | null {
  const spec = FIELDS[index];
  const num = (s: string): number | null => {
    if (/^\d+$/.test(s)) return Number(s);
    const k = spec.names ? (spec.names as readonly string[]).indexOf(s.toLowerCase()) : -1;
    return k < 0 ? null : spec.name === 'month' ? k + 1 : k;
  };
  for (const item of value.split(',')) {
    const m = /^([^/]+)(?:\/(\d+))?$/.exec(item);
    if (!m) return `invalid ${spec.name} "${item}"`;
    const [, range, step] = m;
    if (step !== undefined && Number(step) === 0) return `step 0 in ${spec.name} "${item}"`;
    if (range === '*') continue;
    const parts = range.split('-');
    if (parts.length > 2) return `invalid ${spec.name} "${item}"`;
    const values = parts.map(num);
    if (values.some((v) => v === null)) return `invalid ${spec.name} "${item}"`;
    for (const v of values as number[]) if (v < spec.min || v > spec.max) return `${spec.name} ${v} out of range ${spec.min}-${spec.max}`;
    if (values.length === 2 && (values[0] as number) > (values[1] as number)) return `reversed range "${range}" in ${spec.name}`;
  }
  return null;
}

/** Guesses whether a crontab without a telling path has a user column. */
function guessFormat(lines: string[]): 'user' | 'system' {
  let entries = 0;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(line) || /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)) continue;
    const toks = tokens(line, 8);
    if (toks.length === 0) continue;
    const userAt = toks[0].text.startsWith('@') ? (toks[0].text === '@every' ? 2 : 1) : 5;
    const user = toks[userAt];
    if (!user || !toks[userAt + 1]) return 'user';
    if (!SYSTEM_USERS.has(user.text)) return 'user';
    entries++;
  }
  return entries > 0 ? 'system' : 'user';
}

/**
 * Parses a crontab. `format` is `system` for /etc/crontab and /etc/cron.d files (a user column), `user` for
 * `crontab -e` files, `auto` to infer it from the entries.
 */
export function parseCrontab(path: string, text: string, format: 'user' | 'system' | 'auto'): CrontabParse {
  const lines = text.split('\n');
  const fmt = format === 'auto' ? guessFormat(lines) : format;
  const guessed = format === 'auto';
  const entries: CronEntry[] = [];
  const problems: CrontabProblem[] = [];
  const env: Record<string, Located<string>> = {};
  const span = (n: number, a: number, b: number): SourceLoc => ({ file: path, line: n, col: a + 1, endLine: n, endCol: b + 1 });

  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^\s*(#|$)/.test(line)) return;

    const assign = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*=\s*)(.*?)\s*$/.exec(line);
    if (assign) {
      const [, indent, name, eq, rawValue] = assign;
      const start = indent.length + name.length + eq.length;
      const q = rawValue[0];
      const value = (q === '"' || q === "'") && rawValue.length >= 2 && rawValue.endsWith(q) ? rawValue.slice(1, -1) : rawValue;
      env[name] = { value, loc: span(n, start, start + rawValue.length) };
      return;
    }

    const toks = tokens(line, 8);
    const first = toks[0];
    let schedule: string;
    let fields: string[] | null = null;
    let special: string | null = null;
    let next: number;
    if (first.text.startsWith('@')) {
      if (first.text === '@every' && toks[1]) {
        special = `@every ${toks[1].text}`;
        next = 2;
      } else if (SPECIALS.has(first.text)) {
        special = first.text;
        next = 1;
      } else {
        problems.push({ line: n, col: first.at + 1, message: `unknown schedule "${first.text}"` });
        return;
      }
      schedule = special;
    } else {
      if (!/^[\d*]/.test(first.text)) {
        problems.push({ line: n, col: first.at + 1, message: `not a cron entry or environment setting: "${first.text}"` });
        return;
      }
      if (toks.length < 5) {
        problems.push({ line: n, col: first.at + 1, message: `expected 5 time fields, found ${toks.length}` });
        return;
      }
      for (let k = 0; k < 5; k++) {
        const err = fieldError(toks[k].text, k);
        if (err) {
          problems.push({ line: n, col: toks[k].at + 1, message: err });
          return;
        }
      }
      fields = toks.slice(0, 5).map((t) => t.text);
      schedule = fields.join(' ');
      next = 5;
    }

    let user: string | null = null;
    if (fmt === 'system') {
      const u = toks[next];
      if (!u) {
        problems.push({ line: n, col: line.length + 1, message: 'missing user and command' });
        return;
      }
      user = u.text;
      next++;
    }
    const cmdTok = toks[next];
    if (!cmdTok) {
      problems.push({ line: n, col: line.length + 1, message: 'missing command' });
      return;
    }
    // An unescaped % ends the command; the rest is sent to its standard input.
    const rest = line.slice(cmdTok.at);
    const pct = /(^|[^\\])%/.exec(rest);
    const cut = pct ? pct.index + pct[1].length : rest.length;
    const commandText = rest.slice(0, cut).trimEnd();
    const stdin = pct ? rest.slice(cut + 1) : null;
    const snippet = parseShellSnippet(commandText, offsetMapper(path, n, cmdTok.at + 1));
    if (snippet.problem) problems.push({ line: snippet.problem.line, col: snippet.problem.col, message: `command: ${snippet.problem.message}` });
    entries.push({
      path,
      schedule,
      user,
      command: { value: commandText, loc: span(n, cmdTok.at, cmdTok.at + commandText.length) },
      line: { value: line, loc: span(n, first.at, line.trimEnd().length) },
      format: fmt,
      formatGuessed: guessed,
      fields,
      special,
      stdin,
      env: { ...env },
      commands: snippet.commands,
    });
  });
  return { entries, problems, format: fmt };
}
