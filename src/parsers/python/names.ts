// Syntactic facts about Python statements the evaluator needs: which names a statement may bind, which module
// globals a function may change, which `except` clause catches an exception, comprehension target binding.
import { codeChildren, type Node } from './tree.js';
import { type V, isList } from './value.js';

/** Methods that change a list / dict / set in place. */
export const LIST_MUTATORS = new Set(['append', 'extend', 'insert', 'remove', 'pop', 'clear', 'sort', 'reverse', 'add', 'discard', 'update', 'setdefault']);

/** Builtin exception hierarchy, for matching `except` clauses. */
const EXC_PARENTS: Record<string, string[]> = {
  ModuleNotFoundError: ['ImportError'],
  KeyError: ['LookupError'],
  IndexError: ['LookupError'],
  FileNotFoundError: ['OSError', 'IOError', 'EnvironmentError'],
  PermissionError: ['OSError', 'IOError', 'EnvironmentError'],
  IsADirectoryError: ['OSError', 'IOError', 'EnvironmentError'],
  JSONDecodeError: ['ValueError'],
  UnicodeDecodeError: ['ValueError', 'UnicodeError'],
};

/** Binds a comprehension target (name or tuple of names) to a concrete item. */
export function bindPattern(target: Node, v: V, locals: Map<string, V>): boolean {
  if (target.type === 'identifier') {
    locals.set(target.text, v);
    return true;
  }
  if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression'].includes(target.type)) {
    const parts = codeChildren(target);
    if (target.type === 'parenthesized_expression') return parts[0] ? bindPattern(parts[0], v, locals) : false;
    if (!isList(v) || v.items.length !== parts.length) return false;
    return parts.every((p, i) => bindPattern(p, v.items[i], locals));
  }
  return false;
}

/** Whether an `except` clause catches an exception class (by name, with the builtin hierarchy). */
export function handlerMatches(h: Node, exc: string): boolean {
  if (exc === 'Unknown') return false;
  const typeNode = h.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
  if (!typeNode) return true; // bare except
  const target = typeNode.type === 'as_pattern' ? typeNode.namedChildren[0] : typeNode;
  const names = (target.type === 'tuple' || target.type === 'parenthesized_expression' ? codeChildren(target) : [target]).map((t) => t.text.split('.').pop() ?? t.text);
  const family = [exc, ...(EXC_PARENTS[exc] ?? [])];
  return names.some((nm) => nm === 'Exception' || nm === 'BaseException' || family.includes(nm));
}

/** Module-level names a function body may change: `global` declarations, and containers it mutates in place. */
export function globalsChangedBy(fn: Node): string[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  const out = new Set<string>();
  for (const g of body.descendantsOfType('global_statement')) for (const id of g.namedChildren) if (id.type === 'identifier') out.add(id.text);
  const locals = new Set<string>();
  const params = fn.childForFieldName('parameters');
  for (const p of params ? params.descendantsOfType('identifier') : []) locals.add(p.text);
  for (const a of body.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement'])) {
    const left = a.childForFieldName('left');
    if (left?.type === 'identifier' && !out.has(left.text)) locals.add(left.text);
  }
  for (const call of body.descendantsOfType('call')) {
    const f = call.childForFieldName('function');
    if (f?.type !== 'attribute' || !LIST_MUTATORS.has(f.childForFieldName('attribute')?.text ?? '')) continue;
    let root: Node | null = f.childForFieldName('object');
    while (root && (root.type === 'subscript' || root.type === 'attribute')) root = root.childForFieldName(root.type === 'subscript' ? 'value' : 'object');
    if (root?.type === 'identifier' && !locals.has(root.text)) out.add(root.text);
  }
  for (const a of body.descendantsOfType(['assignment', 'augmented_assignment'])) {
    let root: Node | null = a.childForFieldName('left');
    if (root?.type !== 'subscript') continue;
    while (root && root.type === 'subscript') root = root.childForFieldName('value');
    if (root?.type === 'identifier' && !locals.has(root.text)) out.add(root.text);
  }
  return [...out];
}

/** Names a statement may bind at module level (assignment targets, mutated containers, defs, imports). */
export function namesAssignedIn(n: Node): string[] {
  const out = new Set<string>();
  const rootName = (t: Node): string | null => {
    let cur: Node | null = t;
    while (cur && (cur.type === 'subscript' || cur.type === 'attribute')) cur = cur.childForFieldName(cur.type === 'subscript' ? 'value' : 'object');
    return cur && cur.type === 'identifier' ? cur.text : null;
  };
  const addTargets = (t: Node | null): void => {
    if (!t) return;
    if (t.type === 'identifier') out.add(t.text);
    else if (t.type === 'subscript') {
      const r = rootName(t);
      if (r) out.add(r);
    } else if (t.type !== 'attribute') for (const c of codeChildren(t)) addTargets(c);
  };
  const visit = (x: Node): void => {
    switch (x.type) {
      case 'assignment':
      case 'augmented_assignment':
        addTargets(x.childForFieldName('left'));
        break;
      case 'for_statement':
        addTargets(x.childForFieldName('left'));
        break;
      case 'function_definition':
      case 'class_definition': {
        const name = x.childForFieldName('name');
        if (name) out.add(name.text);
        return;
      }
      case 'call': {
        const fn = x.childForFieldName('function');
        if (fn?.type === 'attribute' && LIST_MUTATORS.has(fn.childForFieldName('attribute')?.text ?? '')) {
          const r = rootName(fn.childForFieldName('object')!);
          if (r) out.add(r);
        }
        break;
      }
      case 'aliased_import': {
        const alias = x.childForFieldName('alias');
        if (alias) out.add(alias.text);
        return;
      }
      case 'import_statement':
        for (const c of x.childrenForFieldName('name')) {
          if (c.type === 'dotted_name') out.add(c.text.split('.')[0]);
          else visit(c);
        }
        return;
      case 'import_from_statement':
        for (const c of x.childrenForFieldName('name')) {
          if (c.type === 'dotted_name') out.add(c.text);
          else visit(c);
        }
        return;
      default:
        break;
    }
    for (const c of x.namedChildren) visit(c);
  };
  visit(n);
  return [...out];
}
