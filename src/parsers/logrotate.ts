// logrotate config parser: global directives and `patterns { ... }` stanzas with positions, scripts kept raw.
// Written by hand: no JavaScript library reads logrotate configs.
import type { Located, SourceLoc } from '../core/types/located.js';
import type { LogrotateConfig, LogrotateDirective, LogrotateStanza } from '../facts/scripts.js';

export interface LogrotateProblem {
  line: number;
  col: number;
  message: string;
}

const SCRIPTS = new Set(['prerotate', 'postrotate', 'firstaction', 'lastaction', 'preremove']);

interface Word {
  text: string;
  col: number;
}

/** Splits a line into words (double- or single-quoted words keep their spaces), with 1-based columns. */
function words(line: string): Word[] {
  const out: Word[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[1] ?? m[2] ?? m[3], col: m.index + 1 });
  return out;
}

/** Parses a logrotate config. Never throws; an unclosed block or script comes back as a problem. */
export function parseLogrotate(path: string, text: string): { config: LogrotateConfig; problems: LogrotateProblem[] } {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const globals: LogrotateDirective[] = [];
  const stanzas: LogrotateStanza[] = [];
  const problems: LogrotateProblem[] = [];
  let current: LogrotateStanza | null = null;
  let pending: Located<string>[] = [];
  const loc = (line: number, col: number, endLine: number, endCol: number): SourceLoc => ({ file: path, line, col, endLine, endCol });

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    const ws = words(line);
    const first = ws[0];

    if (first.text === '}') {
      if (!current) problems.push({ line: n, col: first.col, message: 'unexpected "}"' });
      else {
        current.loc = { ...current.loc, endLine: n, endCol: first.col + 1 };
        stanzas.push(current);
        current = null;
      }
      continue;
    }

    const opens = ws.length > 0 && ws[ws.length - 1].text.endsWith('{');
    if (opens || (!current && /^["'/~*]/.test(first.text))) {
      // File patterns: `"/var/log/app/*.log" /var/log/x.log {`, possibly over several lines before the `{`.
      for (const w of ws) {
        const t = w.text.replace(/\{$/, '');
        if (t) pending.push({ value: t, loc: loc(n, w.col, n, w.col + t.length) });
      }
      if (!opens) continue;
      if (current) problems.push({ line: n, col: first.col, message: 'nested block (missing "}")' });
      current = { files: pending, directives: [], loc: loc(pending[0]?.loc.line ?? n, pending[0]?.loc.col ?? first.col, n, line.length + 1) };
      pending = [];
      continue;
    }

    const directive: LogrotateDirective = { name: first.text, args: ws.slice(1).map((w) => w.text), loc: loc(n, first.col, n, line.length + 1), script: null };
    if (SCRIPTS.has(first.text)) {
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j].trim() !== 'endscript') body.push(lines[j++]);
      if (j >= lines.length) problems.push({ line: n, col: first.col, message: `"${first.text}" without "endscript"` });
      directive.script = body.join('\n');
      directive.loc = { ...directive.loc, endLine: Math.min(j + 1, lines.length), endCol: (lines[j]?.length ?? 0) + 1 };
      i = j;
    }
    (current ? current.directives : globals).push(directive);
  }
  if (current) {
    problems.push({ line: current.loc.line, col: current.loc.col, message: 'block is not closed with "}"' });
    stanzas.push(current);
  }
  return { config: { path, globals, stanzas }, problems };
}
