// Dockerfile parser: dockerfile-ast's instruction list turned into stages with located, substituted facts.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { SourceLoc, Located } from '../core/types/located.js';
import type { DockerInstruction, DockerShellCommand, DockerStage, DockerVarDecl, DockerfileFacts } from '../facts/dockerfile.js';
import { splitShellCommands, type PositionOf } from './dockerfile-shell.js';

/** A syntax problem Docker would reject (or silently misread), at its real position. */
export interface DockerfileProblem {
  line: number;
  col: number;
  message: string;
}

export interface ParsedDockerfile {
  facts: DockerfileFacts;
  problems: DockerfileProblem[];
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const JSON_FORM_KEYWORDS = new Set(['ADD', 'COPY', 'VOLUME', 'SHELL']);
/** Instructions whose arguments Docker substitutes ARG/ENV into (RUN is the shell's job, but sees the same values). */
const SUBSTITUTED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ONBUILD', 'RUN']);
const POSIX_SHELLS = /(^|\/)(sh|bash|ash|dash|zsh|ksh)$/;
/** Leading `--flag` / `--flag=value` arguments. */
const LEADING_FLAGS = /^(?:--[A-Za-z][\w-]*(?:=(?:"[^"]*"|'[^']*'|[^\s"']+)*)?\s+)*/;

// ---------------------------------------------------------------------------------------------------------
// Variable substitution

/** A variable's value: a string, `null` when declared without a value (ARG NAME), undefined when unknown. */
export type Lookup = (name: string) => string | null | undefined;

interface ExpandOptions {
  /** Undeclared variables are empty (FROM lines: only global ARGs exist there), so `${X:-d}` gives d. */
  undeclaredIsEmpty?: boolean;
  /** Remove quotes (ENV/ARG values, which Docker unquotes); otherwise quotes are kept for the shell. */
  stripQuotes?: boolean;
}

/**
 * Substitutes `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}` the way Docker
 * does (not inside single quotes, not after the escape character). Variables that cannot be resolved are
 * kept as written and listed in `unresolved`.
 */
export function expandVariables(text: string, lookup: Lookup, escapeChar = '\\', options: ExpandOptions = {}): { text: string; unresolved: string[] } {
  const unresolved: string[] = [];
  let out = '';
  let single = false;
  let double = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === escapeChar && !single && i + 1 < text.length) {
      if (options.stripQuotes) out += text[i + 1];
      else out += c + text[i + 1];
      i += 2;
      continue;
    }
    if (c === "'" && !double) {
      single = !single;
      if (!options.stripQuotes) out += c;
      i++;
      continue;
    }
    if (c === '"' && !single) {
      double = !double;
      if (!options.stripQuotes) out += c;
      i++;
      continue;
    }
    if (c === '$' && !single) {
      const r = expandOne(text, i, lookup, escapeChar, options);
      if (r) {
        out += r.text;
        unresolved.push(...r.unresolved);
        i = r.end;
        continue;
      }
    }
    out += c;
    i++;
  }
  return { text: out, unresolved: [...new Set(unresolved)] };
}

function expandOne(text: string, i: number, lookup: Lookup, escapeChar: string, options: ExpandOptions): { text: string; unresolved: string[]; end: number } | null {
  const simple = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
  if (simple) {
    const v = lookup(simple[1]);
    const end = i + simple[0].length;
    if (typeof v === 'string') return { text: v, unresolved: [], end };
    return { text: simple[0], unresolved: [simple[1]], end };
  }
  if (text[i + 1] !== '{') return null;
  let depth = 0;
  let j = i + 1;
  for (; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) break;
  }
  if (j >= text.length) return null;
  const end = j + 1;
  const asWritten = text.slice(i, end);
  const inner = text.slice(i + 2, j);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(inner);
  if (!m) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(inner)?.[0];
    return { text: asWritten, unresolved: name ? [name] : [], end };
  }
  const [, name, op, word = ''] = m;
  const v = lookup(name);
  const sub = (): { text: string; unresolved: string[]; end: number } => {
    const r = expandVariables(word, lookup, escapeChar, { undeclaredIsEmpty: options.undeclaredIsEmpty });
    return { text: r.text, unresolved: r.unresolved, end };
  };
  const keep = { text: asWritten, unresolved: [name], end };
  if (!op) return typeof v === 'string' ? { text: v, unresolved: [], end } : keep;
  if (typeof v === 'string') {
    if (op === ':-') return v !== '' ? { text: v, unresolved: [], end } : sub();
    if (op === '-') return { text: v, unresolved: [], end };
    if (op === ':+') return v !== '' ? sub() : { text: '', unresolved: [], end };
    return sub();
  }
  // Declared without a value: empty unless a --build-arg sets it, so the build default is the word.
  if (v === null || options.undeclaredIsEmpty) {
    if (op === ':-' || op === '-') return sub();
    return v === null ? keep : { text: '', unresolved: [], end };
  }
  return keep;
}

// ---------------------------------------------------------------------------------------------------------
// Physical lines -> joined arguments, with an offset map back to the file

interface Segment {
  /** Offset of this piece in the joined text. */
  start: number;
  line: number;
  /** 1-based column of the piece's first character. */
  col: number;
}

interface JoinedArgs {
  text: string;
  segments: Segment[];
  /** Physical lines (1-based) that are here-document bodies or their terminators. */
  heredocLines: Set<number>;
}

/**
 * Joins an instruction's physical lines the way Docker reads them: the escape character ends a continued
 * line, comment and blank lines inside a continuation are dropped. Here-document lines are kept with
 * their newlines.
 */
function joinArguments(lines: string[], startLine: number, startChar: number, endLine: number, escapeChar: string, heredocLines: Set<number>): JoinedArgs {
  let text = '';
  const segments: Segment[] = [];
  let continued = false;
  for (let ln = startLine; ln <= endLine; ln++) {
    const full = lines[ln] ?? '';
    let piece = ln === startLine ? full.slice(startChar) : full;
    const inHeredoc = heredocLines.has(ln + 1);
    if (!inHeredoc && ln > startLine && continued && /^\s*(#|$)/.test(piece)) continue;
    let col = (ln === startLine ? startChar : 0) + 1;
    if (!inHeredoc) {
      const lead = piece.length - piece.trimStart().length;
      piece = piece.trim();
      col += lead;
    }
    const endsContinued = !inHeredoc && piece.endsWith(escapeChar) && !piece.endsWith(escapeChar + escapeChar);
    if (endsContinued) piece = piece.slice(0, -1).trimEnd();
    if (text.length > 0) text += continued ? (piece === '' ? '' : ' ') : '\n';
    segments.push({ start: text.length, line: ln + 1, col });
    text += piece;
    continued = endsContinued;
  }
  // A trailing separator from a dropped last piece is not part of the arguments.
  return { text: text.trimEnd(), segments, heredocLines };
}

function positionIn(segments: Segment[]): PositionOf {
  return (offset: number) => {
    let seg = segments[0];
    for (const s of segments) {
      if (s.start <= offset) seg = s;
      else break;
    }
    return { line: seg.line, col: seg.col + Math.max(0, offset - seg.start) };
  };
}

// ---------------------------------------------------------------------------------------------------------
// Instructions

interface Scope {
  env: Map<string, { value: string; at: Located<string> }>;
  args: Map<string, { value: string | null; at: Located<string> }>;
}

function lookupIn(scope: Scope, includeArgs: boolean): Lookup {
  return (name) => {
    const e = scope.env.get(name);
    if (e) return e.value;
    if (!includeArgs) return undefined;
    const a = scope.args.get(name);
    return a ? a.value : undefined;
  };
}

/** Finds top-level JSON string literals in `text` (from `from`), with their offsets. */
function jsonStringSpans(text: string, from: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let i = from;
  while (i < text.length) {
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      spans.push({ start: i, end: Math.min(j + 1, text.length) });
      i = j + 1;
    } else i++;
  }
  return spans;
}

class InstructionBuilder {
  constructor(
    private readonly path: string,
    private readonly lines: string[],
    private readonly escapeChar: string,
    private readonly problems: DockerfileProblem[],
  ) {}

  loc(startLine: number, startCol: number, endLine: number, endCol: number): SourceLoc {
    return { file: this.path, line: startLine, col: startCol, endLine, endCol };
  }

  build(node: Instruction, scope: Scope, shellIsPosix: boolean): DockerInstruction {
    const keyword = node.getKeyword().toUpperCase();
    const range = node.getRange();
    const kwRange = node.getInstructionRange();
    const heredocLines = new Set<number>();
    const heredocs = keyword === 'RUN' && 'getHeredocs' in node ? (node as unknown as { getHeredocs(): { getContentRange(): Range | null; getDelimiterRange(): Range | null }[] }).getHeredocs() : [];
    for (const h of heredocs) {
      const content = h.getContentRange();
      const delim = h.getDelimiterRange();
      if (content) for (let l = content.start.line; l <= content.end.line; l++) heredocLines.add(l + 1);
      if (delim) heredocLines.add(delim.start.line + 1);
    }
    const joined = joinArguments(this.lines, range.start.line, kwRange.end.character, range.end.line, this.escapeChar, heredocLines);
    const args = joined.text;
    const pos = positionIn(joined.segments);
    const endLine = range.end.line + 1;
    const instr: DockerInstruction = {
      keyword,
      args,
      expanded: args,
      execForm: null,
      loc: this.loc(range.start.line + 1, range.start.character + 1, endLine, range.end.character + 1),
      flags: [],
      commands: [],
      vars: [],
      heredoc: heredocs.length > 0,
    };
    if ('getFlags' in node && typeof (node as { getFlags?: unknown }).getFlags === 'function') {
      for (const f of (node as unknown as { getFlags(): { getName(): string; getValue(): string | null }[] }).getFlags())
        // Docker substitutes build arguments in flag values (`COPY --from=${UV_IMAGE}`).
        instr.flags.push({ name: f.getName(), value: f.getValue() === null ? null : expandVariables(f.getValue() as string, lookupIn(scope, true), this.escapeChar).text });
    }
    let bodyStart = FLAG_KEYWORDS.has(keyword) ? (LEADING_FLAGS.exec(args)?.[0].length ?? 0) : 0;
    if (keyword === 'HEALTHCHECK') {
      const sub = /^(\S+)\s*/.exec(args.slice(bodyStart));
      const word = sub?.[1].toUpperCase();
      if (word !== undefined && word !== 'CMD' && word !== 'NONE') {
        const p = pos(bodyStart);
        this.problems.push({ line: p.line, col: p.col, message: `HEALTHCHECK must be followed by CMD or NONE, found "${sub?.[1] ?? ''}"` });
      }
      bodyStart = word === 'CMD' && sub ? bodyStart + sub[0].length : args.length;
    }
    if (args.trim() === '') {
      this.problems.push({ line: range.start.line + 1, col: range.start.character + 1, message: `${keyword} requires at least one argument` });
    }

    // Exec form vs shell form.
    if (COMMAND_KEYWORDS.has(keyword) && bodyStart < args.length) {
      const body = args.slice(bodyStart);
      if (body.startsWith('[')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          parsed = undefined;
        }
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) {
          instr.execForm = parsed as string[];
        } else if (/^\[\s*["']/.test(body) && !/\s\](\s|;|&|\||$)/.test(body)) {
          const p = pos(bodyStart);
          this.problems.push({
            line: p.line,
            col: p.col,
            message: `${keyword} exec form is not a valid JSON array (Docker would run it as a shell command): ${body.length > 60 ? `${body.slice(0, 57)}...` : body}`,
          });
        }
      }
      instr.commands = this.commandsOf(instr, joined, bodyStart, shellIsPosix);
    }

    // JSON form of the file instructions (`COPY ["a b", "/app/"]`, `VOLUME ["/data"]`, `SHELL ["bash", "-c"]`).
    if (JSON_FORM_KEYWORDS.has(keyword) && args.slice(bodyStart).startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(args.slice(bodyStart));
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) instr.execForm = parsed as string[];
      } catch {
        // Not JSON: Docker reads it as whitespace-separated words too.
      }
    }

    // Substitution.
    if (instr.execForm === null) {
      if (SUBSTITUTED.has(keyword)) instr.expanded = expandVariables(args, lookupIn(scope, true), this.escapeChar).text;
      else if (COMMAND_KEYWORDS.has(keyword)) instr.expanded = expandVariables(args, lookupIn(scope, false), this.escapeChar).text;
    }

    if (keyword === 'ENV' || keyword === 'ARG') instr.vars = this.varsOf(node, scope, keyword);
    return instr;
  }

  private commandsOf(instr: DockerInstruction, joined: JoinedArgs, bodyStart: number, shellIsPosix: boolean): DockerShellCommand[] {
    const args = joined.text;
    const pos = positionIn(joined.segments);
    if (instr.execForm) {
      const spans = jsonStringSpans(args, bodyStart);
      const locs = spans.map((s) => {
        const a = pos(s.start);
        const b = pos(s.end);
        return this.loc(a.line, a.col, b.line, b.col);
      });
      const words = instr.execForm;
      if (words.length === 0) return [];
      return inlineShellScripts(this.path, [
        {
          words: words.map((w, k) => ({ value: w, loc: locs[k] ?? instr.loc })),
          assignments: [],
          redirects: [],
          prev: null,
          next: null,
          depth: 0,
        },
      ]);
    }
    if (!shellIsPosix) return [];
    if (!instr.heredoc) return inlineShellScripts(this.path, splitShellCommands(this.path, args, pos, { from: bodyStart }));
    // Here-documents: the first line is shell; the body is a script only for `RUN <<EOF` (or `RUN sh <<EOF`).
    const firstBody = joined.segments.find((s) => joined.heredocLines.has(s.line));
    const headEnd = firstBody ? firstBody.start : args.length;
    const head = splitShellCommands(this.path, args, pos, { from: bodyStart, to: headEnd });
    const first = head[0];
    const isScript = first && first.redirects.some((r) => r.op.startsWith('<<')) && (first.words.length === 0 || (first.words.length === 1 && POSIX_SHELLS.test(first.words[0].value)));
    if (!isScript || !firstBody) return head.filter((c) => c.words.length > 0);
    const bodySegs = joined.segments.filter((s) => joined.heredocLines.has(s.line));
    const lastBody = bodySegs[bodySegs.length - 1];
    // The terminator line is the last heredoc line; the script is everything before it.
    const bodyEnd = lastBody ? lastBody.start : args.length;
    const body = splitShellCommands(this.path, args, pos, { from: firstBody.start, to: bodyEnd });
    const rest = head.slice(1).filter((c) => c.words.length > 0);
    return inlineShellScripts(this.path, [...body, ...rest]);
  }

  private varsOf(node: Instruction, scope: Scope, keyword: string): DockerVarDecl[] {
    const props = (node as unknown as { getProperties(): Prop[] }).getProperties();
    const out: DockerVarDecl[] = [];
    for (const p of props) {
      const nameRange = p.getNameRange();
      const key: Located<string> = {
        value: p.getName(),
        loc: this.loc(nameRange.start.line + 1, nameRange.start.character + 1, nameRange.end.line + 1, nameRange.end.character + 1),
      };
      const raw = p.getUnescapedValue();
      const vr = p.getValueRange();
      if (raw === null || !vr) {
        if (keyword === 'ENV') this.problems.push({ line: key.loc.line, col: key.loc.col, message: `ENV ${key.value} has no value (ENV needs KEY=value or KEY value)` });
        out.push({ key, value: null, raw: null });
        continue;
      }
      const expanded = expandVariables(raw, lookupIn(scope, true), this.escapeChar, { stripQuotes: true }).text;
      out.push({
        key,
        value: { value: expanded, loc: this.loc(vr.start.line + 1, vr.start.character + 1, vr.end.line + 1, vr.end.character + 1) },
        raw,
      });
    }
    return out;
  }
}

/**
 * Replaces `sh -c 'script'` (and `bash -ec ...`) by the script's own commands, located at the script word:
 * `CMD ["sh", "-c", "gunicorn -w ${W:-4} app"]` is judged by what the shell runs.
 */
function inlineShellScripts(path: string, commands: DockerShellCommand[], level = 0): DockerShellCommand[] {
  if (level > 2) return commands;
  const out: DockerShellCommand[] = [];
  for (const c of commands) {
    const w = c.words;
    const cIndex = w.length > 0 && POSIX_SHELLS.test(w[0].value) ? w.findIndex((x, k) => k > 0 && /^-[a-z]*c[a-z]*$/.test(x.value)) : -1;
    const script = cIndex > 0 ? w[cIndex + 1] : undefined;
    if (!script) {
      out.push(c);
      continue;
    }
    const inner = inlineShellScripts(
      path,
      splitShellCommands(path, script.value, () => ({ line: script.loc.line, col: script.loc.col }), { fixedLoc: script.loc }),
      level + 1,
    );
    if (inner.length === 0) continue;
    inner[0].prev = c.prev;
    inner[inner.length - 1].next = c.next;
    for (const x of inner) x.depth += c.depth;
    out.push(...inner);
  }
  return out;
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

interface Prop {
  getName(): string;
  getNameRange(): Range;
  getValueRange(): Range | null;
  getUnescapedValue(): string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Stages

/** Parses a Dockerfile into stages. Never throws for bad syntax: problems are returned with their position. */
export function parseDockerfile(path: string, text: string): ParsedDockerfile {
  // A byte-order mark is replaced by a space so columns stay those of the file.
  const clean = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  const lines = clean.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const problems: DockerfileProblem[] = [];
  const doc = DockerfileParser.parse(clean);
  const escapeChar = doc.getEscapeCharacter();
  const builder = new InstructionBuilder(path, lines, escapeChar, problems);
  const lineCount = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);

  const globalArgs: Record<string, Located<string>> = {};
  const globals = new Map<string, string | null>();
  const stages: DockerStage[] = [];
  let stage: DockerStage | null = null;
  let scope: Scope = { env: new Map(), args: new Map() };
  let posixShell = true;
  let reportedOrphan = false;

  for (const node of doc.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const kwRange = node.getInstructionRange();
    if (!KEYWORDS.has(keyword)) {
      problems.push({ line: kwRange.start.line + 1, col: kwRange.start.character + 1, message: `unknown instruction "${node.getInstruction()}"` });
      continue;
    }
    if (keyword === 'FROM') {
      stage = startStage(node, stages, globals, builder, problems, path, escapeChar);
      scope = { env: new Map(), args: new Map() };
      posixShell = true;
      if (stage.parent !== null) {
        const parent = stages[stage.parent];
        for (const [k, v] of Object.entries(parent.env)) scope.env.set(k, v);
        posixShell = !parent.instructions.some((i) => i.keyword === 'SHELL' && i.execForm && !POSIX_SHELLS.test(i.execForm[0] ?? ''));
      }
      stages.push(stage);
      continue;
    }
    if (!stage) {
      if (keyword === 'ARG') {
        const instr = builder.build(node, { env: new Map(), args: new Map([...globals].map(([k, v]) => [k, { value: v, at: { value: k, loc: lineLocOf(path, node) } }])) }, true);
        for (const v of instr.vars) {
          globals.set(v.key.value, v.value ? v.value.value : null);
          globalArgs[v.key.value] = v.value ?? { value: '', loc: v.key.loc };
        }
        continue;
      }
      if (!reportedOrphan) {
        reportedOrphan = true;
        problems.push({ line: kwRange.start.line + 1, col: kwRange.start.character + 1, message: `${keyword} before the first FROM (only ARG may come before FROM)` });
      }
      continue;
    }
    const instr = builder.build(node, scope, posixShell);
    stage.instructions.push(instr);
    applyToStage(stage, instr, scope, globals);
    if (keyword === 'SHELL' && instr.execForm) posixShell = POSIX_SHELLS.test(instr.execForm[0] ?? '');
  }

  if (stages.length === 0 && !reportedOrphan) {
    const first = doc.getInstructions()[0];
    if (first) {
      const r = first.getInstructionRange();
      problems.push({ line: r.start.line + 1, col: r.start.character + 1, message: 'no FROM instruction: the file defines no build stage' });
    }
  }
  return { facts: { path, stages, args: globalArgs, escapeChar, lineCount }, problems };
}

function lineLocOf(path: string, node: Instruction): SourceLoc {
  const r = node.getRange();
  return { file: path, line: r.start.line + 1, col: r.start.character + 1, endLine: r.end.line + 1, endCol: r.end.character + 1 };
}

function startStage(
  node: Instruction,
  stages: DockerStage[],
  globals: Map<string, string | null>,
  builder: InstructionBuilder,
  problems: DockerfileProblem[],
  path: string,
  escapeChar: string,
): DockerStage {
  const from = node as unknown as {
    getImageRange(): Range | null;
    getBuildStage(): string | null;
    getBuildStageRange(): Range | null;
    getArguments(): { getValue(): string }[];
  };
  const instr = builder.build(node, { env: new Map(), args: new Map() }, true);
  const kw = node.getInstructionRange();
  const words = from.getArguments().map((a) => a.getValue());
  if (words.length !== 1 && !(words.length === 3 && words[1].toLowerCase() === 'as')) {
    problems.push({
      line: kw.start.line + 1,
      col: kw.start.character + 1,
      message: words.length === 0 ? 'FROM requires an image' : `FROM takes "image" or "image AS name", found ${words.length} arguments`,
    });
  }
  const imageRange = from.getImageRange();
  const rawImage = words[0] ?? '';
  const expanded = expandVariables(rawImage, (n) => globals.get(n), escapeChar, { undeclaredIsEmpty: true });
  instr.expanded = expandVariables(instr.args, (n) => globals.get(n), escapeChar, { undeclaredIsEmpty: true }).text;
  const imageLoc: SourceLoc = imageRange
    ? { file: path, line: imageRange.start.line + 1, col: imageRange.start.character + 1, endLine: imageRange.end.line + 1, endCol: imageRange.end.character + 1 }
    : instr.loc;
  const stageName = from.getBuildStage();
  const nameRange = from.getBuildStageRange();
  let name: Located<string> | null = null;
  if (stageName && nameRange) {
    name = {
      value: stageName,
      loc: { file: path, line: nameRange.start.line + 1, col: nameRange.start.character + 1, endLine: nameRange.end.line + 1, endCol: nameRange.end.character + 1 },
    };
    if (stages.some((s) => s.name?.value.toLowerCase() === stageName.toLowerCase()))
      problems.push({ line: name.loc.line, col: name.loc.col, message: `duplicate stage name "${stageName}"` });
  }
  const image = expanded.text;
  const parent = stages.findIndex((s) => s.name !== null && s.name.value.toLowerCase() === image.toLowerCase());
  const parentStage = parent >= 0 ? stages[parent] : null;
  return {
    index: stages.length,
    name,
    from: { value: image, loc: imageLoc },
    fromStage: parentStage !== null,
    parent: parentStage ? parent : null,
    fromUnresolved: expanded.unresolved,
    instructions: [instr],
    user: parentStage?.user ?? null,
    healthcheck: parentStage?.healthcheck ?? null,
    cmd: parentStage?.cmd ?? null,
    entrypoint: parentStage?.entrypoint ?? null,
    env: parentStage ? { ...parentStage.env } : {},
    args: {},
  };
}

/** Applies an instruction's effect on the stage (user, healthcheck, cmd, env, args) and on the scope. */
function applyToStage(stage: DockerStage, instr: DockerInstruction, scope: Scope, globals: Map<string, string | null>): void {
  switch (instr.keyword) {
    case 'USER': {
      const word = instr.expanded.trim().split(/\s+/)[0] ?? '';
      stage.user = { value: word, loc: instr.loc };
      break;
    }
    case 'HEALTHCHECK':
      stage.healthcheck = instr;
      break;
    case 'CMD':
      stage.cmd = instr;
      break;
    case 'ENTRYPOINT':
      // Docker: setting ENTRYPOINT clears a CMD inherited from the base; an own CMD set earlier stays.
      if (stage.cmd && !stage.instructions.includes(stage.cmd)) stage.cmd = null;
      stage.entrypoint = instr;
      break;
    case 'ENV':
      for (const v of instr.vars) {
        if (!v.value) continue;
        const entry = { value: v.value.value, at: { value: v.value.value, loc: spanOf(v.key.loc, v.value.loc) } };
        stage.env[v.key.value] = entry;
        scope.env.set(v.key.value, entry);
      }
      break;
    case 'ARG':
      for (const v of instr.vars) {
        // `ARG NAME` inside a stage brings in the global ARG's default.
        const value = v.value ? v.value.value : (globals.get(v.key.value) ?? null);
        const entry = { value, at: v.value ? { value: v.value.value, loc: spanOf(v.key.loc, v.value.loc) } : { value: v.key.value, loc: v.key.loc } };
        stage.args[v.key.value] = entry;
        scope.args.set(v.key.value, entry);
      }
      break;
  }
}

function spanOf(a: SourceLoc, b: SourceLoc): SourceLoc {
  return { file: a.file, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}
