// Shell parser: tree-sitter-bash syntax tree -> commands (with wrappers looked through), pipelines, redirects,
// assignments, heredocs and `set` options, every one with its position in the repository file.
import type { Located, SourceLoc } from '../core/types/located.js';
import type {
  ShellAssignment,
  ShellCommand,
  ShellHeredoc,
  ShellOption,
  ShellRedirect,
  ShellScript,
  ShellWord,
  ShellWrapper,
} from '../facts/scripts.js';
import { STATEMENT_TYPES, firstProblem, fileMapper, offsetMapper, parseTree, type Node, type ShellSyntaxProblem, type SpanMapper } from './shell-tree.js';
import { unquote } from './shell-words.js';
import { unwrap } from './shell-wrappers.js';

export { fileMapper, offsetMapper, type ShellSyntaxProblem, type SpanMapper };

export interface ShellParse {
  script: ShellScript;
  /** The first syntax error tree-sitter found, or null. The script keeps whatever did parse. */
  problem: ShellSyntaxProblem | null;
}

/** Parses a shell script. Never throws for bad input: syntax errors come back as `problem`. */
export function parseShell(path: string, text: string): ShellParse {
  const crlf = text.includes('\r\n');
  // A `\r` before a newline would end up inside the last word of each line; a space keeps every index in place.
  const clean = crlf ? text.replace(/\r\n/g, ' \n') : text;
  const root = parseTree(clean);
  const walk = new Walk(clean, fileMapper(path), 0);
  walk.visit(root, rootCtx());
  const shebang = parseShebang(path, text);
  const options = [...(shebang?.options ?? []), ...walk.options];
  const topFirst = (name: string) => options.find((o) => o.name === name && o.enabled && o.topLevel)?.at ?? null;
  const script: ShellScript = {
    path,
    errexit: topFirst('errexit'),
    pipefail: topFirst('pipefail'),
    nounset: topFirst('nounset'),
    commands: walk.finish(),
    functions: walk.functions,
    shebang: shebang?.at ?? null,
    interpreter: shebang?.interpreter ?? null,
    options,
    assignments: walk.assignments,
    heredocs: walk.heredocs,
    crlf,
  };
  return { script, problem: firstProblem(root) };
}

/**
 * Parses a one-line shell command embedded in another file (a crontab entry), positions mapped through `map`.
 * Returns its commands and the first syntax error, if any.
 */
export function parseShellSnippet(text: string, map: SpanMapper): { commands: ShellCommand[]; problem: ShellSyntaxProblem | null } {
  const root = parseTree(text);
  const walk = new Walk(text, map, 0);
  walk.visit(root, rootCtx());
  const p = firstProblem(root);
  const problem = p ? (() => {
    const loc = map({ row: p.line - 1, column: p.col - 1 }, { row: p.line - 1, column: p.col - 1 });
    return { line: loc.line, col: loc.col, message: p.message };
  })() : null;
  return { commands: walk.finish(), problem };
}

// ---------------------------------------------------------------------------------------------------------------
// Shebang

const SHELL_OPTION_LETTERS: Record<string, string> = {
  e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob', v: 'verbose', n: 'noexec', a: 'allexport', E: 'errtrace',
  T: 'functrace', C: 'noclobber', b: 'notify', h: 'hashall', k: 'keyword', m: 'monitor', p: 'privileged',
  t: 'onecmd', H: 'histexpand', B: 'braceexpand', P: 'physical',
};

function parseShebang(path: string, text: string): { at: Located<string>; interpreter: string | null; options: ShellOption[] } | null {
  if (!text.startsWith('#!')) return null;
  const nl = text.indexOf('\n');
  const line = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  const at: Located<string> = { value: line, loc: { file: path, line: 1, col: 1, endLine: 1, endCol: line.length + 1 } };
  const words = line.slice(2).trim().split(/\s+/).filter(Boolean);
  let i = 0;
  let interpreter = words[i] ? words[i].slice(words[i].lastIndexOf('/') + 1) : null;
  if (interpreter === 'env') {
    i++;
    while (words[i]?.startsWith('-')) i++; // env -S
    interpreter = words[i] ? words[i].slice(words[i].lastIndexOf('/') + 1) : null;
  }
  const options = setFlags(words.slice(i + 1)).map((o) => ({ ...o, at, inFunction: null, topLevel: true }));
  return { at, interpreter, options };
}

/** Option changes made by `set` arguments (or shebang flags): `-euo pipefail`, `+e`, `-o errexit`. */
function setFlags(args: string[]): { name: string; enabled: boolean }[] {
  const out: { name: string; enabled: boolean }[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--' || a === '-') break;
    if (!/^[-+][A-Za-z]+$/.test(a)) continue;
    const enabled = a[0] === '-';
    for (const letter of a.slice(1)) {
      if (letter === 'o') {
        const name = args[i + 1];
        if (name && /^[a-z]+$/.test(name)) {
          out.push({ name, enabled });
          i++;
        }
      } else if (SHELL_OPTION_LETTERS[letter]) out.push({ name: SHELL_OPTION_LETTERS[letter], enabled });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Walking the tree

interface Ctx {
  fn: string | null;
  inSubst: boolean;
  inCond: boolean;
  ignored: boolean;
  orElse: string | null;
  /** Redirections of enclosing compound commands, innermost first. */
  redirs: ShellRedirect[];
  /** In the main shell: not in a function, subshell, substitution, pipeline or background job. */
  topLevel: boolean;
  background: boolean;
  pipeline: { index: number; length: number; loc: SourceLoc } | null;
}

function rootCtx(): Ctx {
  return { fn: null, inSubst: false, inCond: false, ignored: false, orElse: null, redirs: [], topLevel: true, background: false, pipeline: null };
}

/** A statement with its redirections (tree-sitter hangs some of them inside the heredoc node). */
interface Stmt {
  kind: 'stmt';
  node: Node;
  body: Node;
  redirects: Node[];
}
interface Pipe {
  kind: 'pipe';
  stages: Unit[];
  start: Node;
  end: Node;
}
interface Chain {
  kind: 'chain';
  items: Unit[];
  ops: string[];
}
type Unit = Node | Stmt | Pipe | Chain;

/** Units built here carry a `kind`; tree-sitter nodes do not. */
const isNode = (u: Unit): u is Node => (u as { kind?: unknown }).kind === undefined;

/** A command as walked, before wrappers are looked through. */
interface RawCommand {
  nameWord: ShellWord;
  argWords: ShellWord[];
  text: string;
  loc: SourceLoc;
  direct: ShellRedirect[];
  prefixEnv: ShellAssignment[];
  ctx: Ctx;
}

const NOOP_NAMES = new Set(['true', ':', '/bin/true', '/usr/bin/true']);
const MAX_NESTING = 3;

class Walk {
  readonly raw: RawCommand[] = [];
  readonly assignments: ShellAssignment[] = [];
  readonly heredocs: ShellHeredoc[] = [];
  readonly options: ShellOption[] = [];
  readonly functions: Located<string>[] = [];

  constructor(
    readonly src: string,
    readonly map: SpanMapper,
    readonly depth: number,
  ) {}

  loc(n: Node): SourceLoc {
    return this.map(n.startPosition, n.endPosition);
  }

  word(n: Node): ShellWord {
    const { value, static: isStatic } = unquote(n, this.src);
    return { value, raw: n.text, static: isStatic, loc: this.loc(n) };
  }

  visit(n: Node, c: Ctx): void {
    switch (n.type) {
      case 'comment':
        return;
      case 'command':
        this.command(n, [], c);
        return;
      case 'redirected_statement':
        this.unit(this.redirected(n), c);
        return;
      case 'pipeline':
      case 'list':
        this.unit(n, c);
        return;
      case 'negated_command':
        for (const ch of n.namedChildren) this.visit(ch, { ...c, inCond: true });
        return;
      case 'subshell':
        this.children(n, { ...c, topLevel: false });
        return;
      case 'function_definition':
        this.functionDef(n, c);
        return;
      case 'if_statement':
      case 'elif_clause': {
        let inCondition = n.type === 'elif_clause';
        n.children.forEach((ch, i) => {
          if (ch.type === 'then') inCondition = false;
          if (!ch.isNamed) return;
          const cond = n.children[i].field === 'condition' || inCondition;
          this.visitStatement(n, ch, cond ? { ...c, inCond: true } : c);
        });
        return;
      }
      case 'while_statement':
      case 'until_statement':
        n.children.forEach((ch, i) => {
          if (!ch.isNamed) return;
          this.visitStatement(n, ch, n.children[i].field === 'condition' ? { ...c, inCond: true } : c);
        });
        return;
      case 'for_statement':
      case 'c_style_for_statement':
      case 'case_statement':
      case 'case_item':
        n.children.forEach((ch, i) => {
          if (!ch.isNamed) return;
          const field = n.children[i].field;
          if (field === 'body' || (field === null && STATEMENT_TYPES.has(ch.type)) || ch.type === 'case_item') this.visitStatement(n, ch, c);
          else this.subs(ch, c);
        });
        return;
      case 'variable_assignment':
        this.assignment(n, null, false, c);
        return;
      case 'declaration_command':
        this.declaration(n, c);
        return;
      case 'command_substitution':
      case 'process_substitution':
        this.subs(n, c);
        return;
      case 'program':
      case 'compound_statement':
      case 'do_group':
      case 'else_clause':
      case 'variable_assignments':
      case 'ERROR':
        this.children(n, c);
        return;
      default:
        if (STATEMENT_TYPES.has(n.type)) this.children(n, c);
        else this.subs(n, c);
    }
  }

  /** Visits the statements of a block; a `&` after a statement sends it to the background. */
  children(n: Node, c: Ctx): void {
    for (const ch of n.namedChildren) this.visitStatement(n, ch, c);
  }

  visitStatement(_parent: Node, ch: Node, c: Ctx): void {
    if (ch.nextSibling?.type === '&') this.visit(ch, { ...c, background: true, topLevel: false });
    else this.visit(ch, c);
  }

  functionDef(n: Node, c: Ctx): void {
    const nameNode = n.childForFieldName('name');
    const name = nameNode ? unquote(nameNode, this.src).value : '';
    if (nameNode) this.functions.push({ value: name, loc: this.loc(nameNode) });
    const redirs = n.childrenForFieldName('redirect').map((r) => this.redirect(r, true));
    const inner: Ctx = { ...c, fn: name, topLevel: false, inCond: false, ignored: false, orElse: null, pipeline: null, background: false, redirs: [...redirs, ...c.redirs] };
    const body = n.childForFieldName('body');
    if (body) this.visit(body, inner);
  }

  /** Gathers a redirected statement's redirections, including the pipeline or list tree-sitter puts inside a heredoc. */
  redirected(n: Node): Unit {
    const body = n.childForFieldName('body');
    const redirects: Node[] = [];
    let pipe: Node | null = null;
    let op: string | null = null;
    let right: Node | null = null;
    n.children.forEach((ch, i) => {
      if (n.children[i].field !== 'redirect' && !/_redirect$/.test(ch.type)) return;
      redirects.push(ch);
      if (ch.type !== 'heredoc_redirect') return;
      ch.children.forEach((h, k) => {
        const f = ch.children[k].field;
        if (f === 'redirect' || (/_redirect$/.test(h.type) && f === null)) redirects.push(h);
        else if (h.type === 'pipeline') pipe = h;
        else if (f === 'operator') op = h.text;
        else if (f === 'right') right = h;
      });
    });
    if (!body) return { kind: 'chain', items: redirects, ops: [] };
    let unit: Unit = { kind: 'stmt', node: n, body, redirects };
    const p = pipe as Node | null;
    if (p) unit = { kind: 'pipe', stages: [unit, ...p.namedChildren.filter((s) => s.type !== 'comment')], start: n, end: p };
    const r = right as Node | null;
    if (op && r) {
      const tail = this.flatten(r);
      unit = { kind: 'chain', items: [unit, ...tail.items], ops: [op, ...tail.ops] };
    }
    return unit;
  }

  /** `a && b || c` as a flat, left-to-right sequence (bash gives && and || equal precedence). */
  flatten(n: Node): { items: Unit[]; ops: string[] } {
    if (n.type !== 'list') return { items: [n], ops: [] };
    const items: Unit[] = [];
    const ops: string[] = [];
    for (const ch of n.children) {
      if (ch.type === '&&' || ch.type === '||') ops.push(ch.type);
      else if (ch.isNamed && ch.type !== 'comment') {
        const sub = this.flatten(ch);
        items.push(...sub.items);
        ops.push(...sub.ops);
      }
    }
    return { items, ops };
  }

  unit(u: Unit, c: Ctx): void {
    if (isNode(u)) {
      if (u.type === 'list') {
        const { items, ops } = this.flatten(u);
        this.chain(items, ops, c);
      } else if (u.type === 'pipeline') {
        const stages = u.namedChildren.filter((s) => s.type !== 'comment');
        this.pipe(stages, u, u, c);
      } else if (u.type === 'redirected_statement') this.unit(this.redirected(u), c);
      else this.visit(u, c);
      return;
    }
    if (u.kind === 'chain') this.chain(u.items, u.ops, c);
    else if (u.kind === 'pipe') this.pipe(u.stages, u.start, u.end, c);
    else this.stmt(u, c);
  }

  chain(items: Unit[], ops: string[], c: Ctx): void {
    if (ops.length === 0) {
      for (const it of items) this.unit(it, c);
      return;
    }
    items.forEach((it, i) => {
      // After item i fails, bash skips `&&` operands up to the next `||` and runs the one after it.
      const k = ops.findIndex((op, j) => j >= i && op === '||');
      const handler = k >= 0 ? items[k + 1] : undefined;
      const last = i === items.length - 1;
      const noop = handler !== undefined && this.isNoop(handler);
      const ignored = noop || c.ignored;
      // The fallback is the handler and whatever is chained after it (`|| echo "failed" && exit 1`).
      const orElse = handler && !noop ? this.unitText({ kind: 'chain', items: items.slice(k + 1), ops: [] }) : c.orElse;
      this.unit(it, { ...c, inCond: c.inCond || !last, ignored, orElse });
    });
  }

  pipe(stages: Unit[], start: Node, end: Node, c: Ctx): void {
    if (stages.length < 2) {
      for (const s of stages) this.unit(s, c);
      return;
    }
    const loc = this.map(start.startPosition, end.endPosition);
    stages.forEach((s, index) => this.unit(s, { ...c, topLevel: false, pipeline: { index, length: stages.length, loc } }));
  }

  stmt(s: Stmt, c: Ctx): void {
    const body = s.body;
    if (body.type === 'command') return this.command(body, s.redirects, c);
    // `! cmd 2>/dev/null`: the redirection is the command's own.
    const negated = body.type === 'negated_command' ? body.namedChildren.find((x) => x.type !== 'comment') : undefined;
    if (negated) return this.stmt({ ...s, body: negated }, { ...c, inCond: true });
    if (body.type === 'pipeline') {
      // `a | b > f`: tree-sitter wraps the pipeline, but the redirection belongs to the last stage.
      const stages: Unit[] = body.namedChildren.filter((x) => x.type !== 'comment');
      const lastStage = stages[stages.length - 1] as Node;
      stages[stages.length - 1] = { kind: 'stmt', node: s.node, body: lastStage, redirects: s.redirects };
      return this.pipe(stages, body, s.node, c);
    }
    if (body.type === 'list') {
      // `a || b 2>/dev/null`: likewise the redirection belongs to the last command of the list.
      const { items, ops } = this.flatten(body);
      const last = items[items.length - 1];
      if (isNode(last)) items[items.length - 1] = { kind: 'stmt', node: s.node, body: last, redirects: s.redirects };
      return this.chain(items, ops, c);
    }
    if (body.type === 'redirected_statement') {
      const inner = this.redirected(body);
      if (!isNode(inner) && inner.kind === 'stmt') return this.stmt({ ...inner, redirects: [...inner.redirects, ...s.redirects] }, c);
    }
    const redirs = s.redirects.map((r) => this.redirect(r, true));
    for (const r of s.redirects) this.heredoc(r, this.loc(s.node), c);
    for (const r of s.redirects) this.subs(r, c, true);
    this.unit(body, { ...c, redirs: [...redirs, ...c.redirs] });
  }

  isNoop(u: Unit): boolean {
    let n: Node | null = null;
    if (isNode(u)) n = u;
    else if (u.kind === 'stmt') n = u.body;
    if (!n || n.type !== 'command') return false;
    const name = n.childForFieldName('name');
    if (!name) return false;
    const value = unquote(name, this.src).value;
    if (NOOP_NAMES.has(value)) return true;
    const args = n.childrenForFieldName('argument');
    return (value === 'exit' || value === 'return') && args.length === 1 && args[0].text === '0';
  }

  unitText(u: Unit): string {
    const [a, b] = this.unitSpan(u);
    const text = this.src.slice(a, b).trim();
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }

  unitSpan(u: Unit): [number, number] {
    if (isNode(u)) return [u.startIndex, u.endIndex];
    if (u.kind === 'stmt') {
      const ends = u.redirects.map((r) => (r.type === 'heredoc_redirect' ? (r.children.find((h) => h.type === 'heredoc_start') ?? r) : r).endIndex);
      return [Math.min(u.body.startIndex, ...u.redirects.map((r) => r.startIndex)), Math.max(u.body.endIndex, ...ends)];
    }
    if (u.kind === 'pipe') return [u.start.startIndex, u.end.endIndex];
    const first = this.unitSpan(u.items[0]);
    const last = this.unitSpan(u.items[u.items.length - 1]);
    return [first[0], last[1]];
  }

  redirect(r: Node, inherited: boolean): ShellRedirect {
    let op = '';
    let fd: number | null = null;
    let target: ShellWord | null = null;
    let headEnd: Node = r;
    if (r.type === 'heredoc_redirect') {
      for (const ch of r.children) {
        if (ch.type === '<<' || ch.type === '<<-') op = ch.type;
        else if (ch.type === 'heredoc_start') {
          target = { ...this.word(ch), value: ch.text.replace(/["'\\]/g, '') };
          headEnd = ch;
          break;
        } else if (ch.type === 'file_descriptor') fd = Number(ch.text);
      }
    } else {
      r.children.forEach((ch, i) => {
        const field = r.children[i].field;
        if (ch.type === 'file_descriptor' || field === 'descriptor') fd = Number(ch.text);
        else if (!ch.isNamed) op += ch.type;
        else if (!target && (field === 'destination' || r.type === 'herestring_redirect')) target = this.word(ch);
      });
    }
    const text = r.type === 'heredoc_redirect' ? this.src.slice(r.startIndex, headEnd.endIndex) : r.text;
    return { op, fd, target, text, loc: this.map(r.startPosition, headEnd.endPosition), inherited };
  }

  heredoc(r: Node, commandLoc: SourceLoc, c: Ctx): void {
    if (r.type !== 'heredoc_redirect') return;
    const start = r.children.find((ch) => ch.type === 'heredoc_start');
    const body = r.children.find((ch) => ch.type === 'heredoc_body');
    const end = r.children.find((ch) => ch.type === 'heredoc_end');
    if (!start) return;
    const stripTabs = r.children.some((ch) => ch.type === '<<-');
    const bodyLoc = body ? this.loc(body) : end ? this.map(end.startPosition, end.startPosition) : this.loc(start);
    this.heredocs.push({
      delimiter: start.text.replace(/["'\\]/g, ''),
      quoted: /["'\\]/.test(start.text),
      stripTabs,
      body: { value: body ? body.text : '', loc: bodyLoc },
      command: commandLoc,
      inFunction: c.fn,
    });
  }

  command(n: Node, outerRedirects: Node[], c: Ctx): void {
    const nameNode = n.childForFieldName('name');
    const redirectNodes = [...outerRedirects];
    const argNodes: Node[] = [];
    const prefix: Node[] = [];
    n.children.forEach((ch, i) => {
      const field = n.children[i].field;
      if (field === 'argument') argNodes.push(ch);
      else if (field === 'redirect' || /_redirect$/.test(ch.type)) redirectNodes.push(ch);
      else if (ch.type === 'variable_assignment') prefix.push(ch);
    });
    redirectNodes.sort((a, b) => a.startIndex - b.startIndex);
    const prefixEnv = prefix.map((p) => this.assignment(p, null, true, c));
    if (!nameNode) return;

    const direct = redirectNodes.map((r) => this.redirect(r, false));
    // `echo a > f b`: words after a redirection target are still arguments of the command.
    for (const r of redirectNodes) {
      if (r.type !== 'file_redirect') continue;
      const dests = r.childrenForFieldName('destination');
      for (const extra of dests.slice(1)) argNodes.push(extra);
    }
    argNodes.sort((a, b) => a.startIndex - b.startIndex);

    let startNode: Node = n;
    let endNode: Node = n;
    let endIndex = n.endIndex;
    for (const r of redirectNodes) {
      if (r.startIndex < startNode.startIndex) startNode = r;
      const head = r.type === 'heredoc_redirect' ? (r.children.find((ch) => ch.type === 'heredoc_start') ?? r) : r;
      if (head.endIndex > endIndex) {
        endIndex = head.endIndex;
        endNode = head;
      }
    }
    const loc = this.map(startNode.startPosition, endNode.endPosition);
    const text = this.src.slice(startNode.startIndex, endIndex);
    const nameWord = this.word(nameNode.namedChildCount === 1 && nameNode.firstNamedChild ? nameNode.firstNamedChild : nameNode);
    const argWords = argNodes.map((a) => this.word(a));

    this.raw.push({ nameWord, argWords, text, loc, direct, prefixEnv, ctx: c });
    for (const r of redirectNodes) this.heredoc(r, loc, c);

    if (nameWord.value === 'set') {
      const topLevel = c.topLevel && !c.inSubst && !c.background && c.pipeline === null && c.fn === null;
      for (const f of setFlags(argWords.map((w) => w.value))) {
        this.options.push({ ...f, at: { value: text, loc }, inFunction: c.fn, topLevel });
      }
    }
    this.subs(nameNode, c);
    for (const a of argNodes) this.subs(a, c);
    for (const r of redirectNodes) this.subs(r, c, true);
  }

  /** Records an assignment; for `declaration_command`s the keyword is given. */
  assignment(n: Node, keyword: string | null, commandScoped: boolean, c: Ctx, exported = false): ShellAssignment {
    const nameNode = n.childForFieldName('name');
    const valueNode = n.childForFieldName('value');
    let name = nameNode ? nameNode.text : n.text.split('=')[0];
    name = name.replace(/\[.*$/, '');
    const value = valueNode ? this.word(valueNode) : n.text.endsWith('=') ? { value: '', raw: '', static: true, loc: this.map(n.endPosition, n.endPosition) } : null;
    const a: ShellAssignment = {
      name,
      value,
      loc: this.loc(n),
      keyword,
      exported: exported || keyword === 'export' || commandScoped,
      commandScoped,
      inFunction: c.fn,
    };
    this.assignments.push(a);
    if (valueNode) this.subs(valueNode, c);
    return a;
  }

  declaration(n: Node, c: Ctx): void {
    const keyword = n.children.find((ch) => !ch.isNamed)?.type ?? null;
    const flags = n.namedChildren.filter((ch) => ch.type === 'word' && ch.text.startsWith('-')).map((ch) => ch.text);
    const exported = keyword === 'export' || flags.some((f) => /^-[a-zA-Z]*x/.test(f));
    for (const ch of n.namedChildren) {
      if (ch.type === 'variable_assignment') this.assignment(ch, keyword, false, c, exported);
      else if (ch.type === 'variable_name') {
        this.assignments.push({ name: ch.text, value: null, loc: this.loc(ch), keyword, exported, commandScoped: false, inFunction: c.fn });
      } else this.subs(ch, c);
    }
  }

  /** Finds command and process substitutions under a word and walks their statements. */
  subs(n: Node, c: Ctx, inRedirect = false): void {
    if (n.type === 'command_substitution' || n.type === 'process_substitution') {
      const inner: Ctx = { ...c, inSubst: true, topLevel: false, inCond: false, ignored: false, orElse: null, pipeline: null, background: false, redirs: [] };
      for (const ch of n.namedChildren) this.visitStatement(n, ch, inner);
      return;
    }
    for (const ch of n.namedChildren) {
      // A heredoc's trailing pipeline or list is walked as statements, not as words.
      // Redirections nested in it are walked on their own.
      if (inRedirect && n.type === 'heredoc_redirect' && (ch.type === 'pipeline' || STATEMENT_TYPES.has(ch.type) || /_redirect$/.test(ch.type))) continue;
      this.subs(ch, c, inRedirect);
    }
  }

  /** Looks through wrappers, parses `sh -c` strings, and returns the commands in source order. */
  finish(): ShellCommand[] {
    const vars = this.staticVariables();
    const out: ShellCommand[] = [];
    for (const r of this.raw) out.push(...this.complete(r, vars, [], null));
    return out.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  }

  /** Variables with a single static value in the whole script, for commands named `$COMPOSE` / `${DC}`. */
  staticVariables(): Map<string, string> {
    const values = new Map<string, string | null>();
    for (const a of this.assignments) {
      if (a.commandScoped || (a.value === null && a.keyword !== null)) continue;
      const v = a.value && a.value.static ? a.value.value : null;
      // null marks a variable with a dynamic value or several different values.
      values.set(a.name, values.has(a.name) && values.get(a.name) !== v ? null : v);
    }
    const out = new Map<string, string>();
    for (const [k, v] of values) if (v !== null) out.set(k, v);
    return out;
  }

  complete(r: RawCommand, vars: Map<string, string>, outerWrappers: ShellWrapper[], outer: ShellCommand | null): ShellCommand[] {
    let words = [r.nameWord, ...r.argWords];
    const ref = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(r.nameWord.raw);
    const expansion = ref ? vars.get(ref[1]) : undefined;
    if (expansion !== undefined) {
      const pieces = expansion.split(/\s+/).filter(Boolean);
      if (pieces.length > 0) words = [...pieces.map((p) => ({ value: p.replace(/^(['"])(.*)\1$/, '$2'), raw: p, static: true, loc: r.nameWord.loc })), ...r.argWords];
    }
    const u = unwrap(words);
    const all = [...outerWrappers, ...u.wrappers];
    const own = u.shellString ? all.slice(0, -1) : all;
    const eff = words[u.index] ?? words[0];
    const c = r.ctx;
    const inheritedRedirs = c.redirs;
    const env: ShellAssignment[] = [
      ...r.prefixEnv,
      ...u.env.map((w) => ({
        name: w.value.slice(0, w.value.indexOf('=')),
        value: { ...w, value: w.value.slice(w.value.indexOf('=') + 1) },
        loc: w.loc,
        keyword: null,
        exported: true,
        commandScoped: true,
        inFunction: c.fn,
      })),
    ];
    const containerOf = (ws: ShellWrapper[]) => [...ws].reverse().find((w) => w.target !== null)?.target ?? null;
    const cmd: ShellCommand = {
      name: r.nameWord.value,
      args: r.argWords.map((w) => w.value),
      text: r.text,
      loc: r.loc,
      pipeline: c.pipeline ?? outer?.pipeline ?? null,
      redirects: r.direct.map((d) => d.text),
      inFunction: c.fn ?? outer?.inFunction ?? null,
      failureIgnored: c.ignored || (outer?.failureIgnored ?? false),
      nameWord: r.nameWord,
      argWords: r.argWords,
      effectiveName: baseName(eff.value),
      effectiveArgs: words.slice(u.index + 1).map((w) => w.value),
      wrappers: own,
      container: containerOf(own),
      env: outer ? [...outer.env, ...env] : env,
      redirections: [...r.direct, ...inheritedRedirs, ...(outer ? outer.redirections.map((x) => ({ ...x, inherited: true })) : [])],
      orElse: c.orElse ?? outer?.orElse ?? null,
      inCondition: c.inCond || (outer?.inCondition ?? false),
      inSubstitution: c.inSubst || (outer?.inSubstitution ?? false),
      background: c.background || (outer?.background ?? false),
      shellString: outer?.shellString ?? null,
    };
    const out = [cmd];
    if (u.shellString && this.depth < MAX_NESTING) out.push(...this.nested(u.shellString, all, cmd));
    return out;
  }

  /** Parses the string of `sh -c '...'`; the nested commands carry the outer wrappers, redirections and flags. */
  nested(str: ShellWord, wrappers: ShellWrapper[], outer: ShellCommand): ShellCommand[] {
    const q = str.raw[0];
    const quoted = (q === "'" || q === '"') && str.raw.length >= 2 && str.raw.endsWith(q);
    const inner = quoted ? str.raw.slice(1, -1) : str.raw;
    // Exact positions when the string is written as parsed; otherwise every nested command points at the string.
    const exact = inner === str.value;
    const map: SpanMapper = exact ? offsetMapper(str.loc.file, str.loc.line, str.loc.col + (quoted ? 1 : 0)) : () => str.loc;
    const walk = new Walk(str.value, map, this.depth + 1);
    walk.visit(parseTree(str.value), { ...rootCtx(), fn: outer.inFunction });
    const vars = walk.staticVariables();
    const shellOuter: ShellCommand = { ...outer, shellString: str.loc };
    const out: ShellCommand[] = [];
    for (const r of walk.raw) out.push(...walk.complete(r, vars, wrappers, shellOuter));
    // Assignments and heredocs inside the string are written in this file too (`sh -c 'export PGPASSWORD=...'`).
    this.heredocs.push(...walk.heredocs);
    this.assignments.push(...walk.assignments);
    return out;
  }
}

function baseName(v: string): string {
  return v.slice(v.lastIndexOf('/') + 1);
}
