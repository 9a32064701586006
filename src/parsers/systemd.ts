// systemd unit parser: [Section] Key=Value lines with positions (continuations joined), Exec*= lines parsed as commands.
// Written by hand: the INI parsers on npm drop positions and do not know systemd's continuation and prefix rules.
import type { SourceLoc } from '../core/types/located.js';
import type { ShellCommand, SystemdSetting, SystemdUnit } from '../facts/scripts.js';
import { offsetMapper, parseShellSnippet, type SpanMapper } from './shell.js';

export interface SystemdProblem {
  line: number;
  col: number;
  message: string;
}

export interface SystemdParse {
  unit: SystemdUnit;
  problems: SystemdProblem[];
}

const EXEC_KEYS = new Set(['ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecStop', 'ExecStopPost', 'ExecReload', 'ExecCondition']);

/** Parses a unit file. Lines systemd would ignore with a warning come back as problems. */
export function parseSystemdUnit(path: string, text: string): SystemdParse {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const type = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const settings: SystemdSetting[] = [];
  const commands: ShellCommand[] = [];
  const problems: SystemdProblem[] = [];
  let section: string | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const n = i + 1;
    if (/^\s*([#;]|$)/.test(line)) continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    // Keys start with a letter: `--schedule=x` is the continuation line of a command whose `\` was forgotten.
    const m = /^(\s*)([A-Za-z][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/.exec(line);
    if (!m) {
      problems.push({ line: n, col: (/\S/.exec(line)?.index ?? 0) + 1, message: `expected Key=Value, found "${line.trim().slice(0, 40)}"` });
      continue;
    }
    const [, indent, key, eq] = m;
    const valueCol = indent.length + key.length + eq.length + 1;
    // A trailing backslash continues the value on the next line (joined with a space).
    let value = m[4];
    let endLine = n;
    let endCol = line.length + 1;
    // Where each physical line's text starts in the joined value, so a command's words keep their own lines.
    const segments: Segment[] = [{ offset: 0, line: n, col: valueCol }];
    while (value.endsWith('\\') && endLine < lines.length) {
      const next = lines[endLine];
      endLine++;
      endCol = next.length + 1;
      if (/^\s*[#;]/.test(next)) continue;
      value = `${value.slice(0, -1)} `;
      segments.push({ offset: value.length, line: endLine, col: (/\S/.exec(next)?.index ?? 0) + 1 });
      value += next.trim();
    }
    i = endLine - 1;
    if (section === null) {
      problems.push({ line: n, col: indent.length + 1, message: `"${key}" is outside of any [Section]` });
      continue;
    }
    const loc: SourceLoc = { file: path, line: n, col: valueCol, endLine, endCol };
    settings.push({ section, key, value: { value, loc } });
    if (section === 'Service' && EXEC_KEYS.has(key)) {
      const prefix = /^[-@:+!]*/.exec(value)?.[0] ?? '';
      const cmd = value.slice(prefix.length);
      const map: SpanMapper = endLine === n ? offsetMapper(path, n, valueCol + prefix.length) : segmentMapper(path, segments, prefix.length);
      commands.push(...parseShellSnippet(cmd, map).commands);
    }
  }

  let activates: string | null = null;
  if (type === 'timer') {
    activates = settings.find((s) => s.section === 'Timer' && s.key === 'Unit')?.value.value ?? name.replace(/\.timer$/, '.service');
  }
  return { unit: { path, name, type, settings, commands, activates }, problems };
}

interface Segment {
  offset: number;
  line: number;
  col: number;
}

/** Positions in a value joined from continued lines, mapped back to the physical lines. */
function segmentMapper(path: string, segments: readonly Segment[], shift: number): SpanMapper {
  const at = (column: number) => {
    const offset = column + shift;
    const seg = [...segments].reverse().find((s) => s.offset <= offset) ?? segments[0];
    return { line: seg.line, col: seg.col + (offset - seg.offset) };
  };
  return (s, e) => {
    const a = at(s.column);
    const b = at(e.column);
    return { file: path, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  };
}
