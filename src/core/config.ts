// Validates .opsaudit.yml against its JSON Schema and returns the located suppressions plus every problem with its line.
// Pure: the caller reads the file (src/collectors/config.ts).
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ConfigProblem, ConfigSuppression } from '../facts/config.js';
import { parseYaml, yamlToJS, type YamlNode, type YamlScalar } from '../parsers/yaml.js';
import type { Located, SourceLoc } from './types/located.js';
import { CONFIG_SCHEMA } from './config-schema.js';

/** The file names looked for at the repository root, in order. */
export const CONFIG_FILES = ['.opsaudit.yml', '.opsaudit.yaml'] as const;

export interface ParsedConfig {
  /** The entries without problems, in file order. */
  suppressions: ConfigSuppression[];
  /** Every problem found (a syntax error stops at the first one, as YAML parsing cannot go on). */
  problems: ConfigProblem[];
}

// ajv is loaded on first use (only repositories with an .opsaudit.yml need it), keeping start-up short.
const requireCjs = createRequire(import.meta.url);

let validator: ValidateFunction | undefined;

/** Compiled once: ajv builds the validator code from the schema on first use. */
function validate(): ValidateFunction {
  if (!validator) {
    const { Ajv } = requireCjs('ajv') as typeof import('ajv');
    const addFormats = requireCjs('ajv-formats') as typeof import('ajv-formats').default;
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv, ['date']);
    validator = ajv.compile(CONFIG_SCHEMA);
  }
  return validator;
}

/** Parses and validates the text of a config file. Never throws for bad input. */
export function parseConfig(path: string, text: string): ParsedConfig {
  const parsed = parseYaml(path, text);
  if (!parsed.ok) return { suppressions: [], problems: [{ ...parsed.error, message: `YAML syntax error: ${parsed.error.message}` }] };
  const root = parsed.root;
  if (root === null) return { suppressions: [], problems: [] };
  const check = validate();
  const valid = check(yamlToJS(root));
  const errors = valid ? [] : (check.errors ?? []);
  const problems = dedupe(errors.map((e) => problem(e, root)));
  // An entry with any problem is not applied: a half-understood suppression must not hide findings.
  const badEntries = new Set(errors.map((e) => /^\/ignore\/(\d+)/.exec(e.instancePath)?.[1]).filter((i) => i !== undefined));
  // An unknown top-level key is reported but does not void the entries; a wrong version or a broken list does.
  const rootBroken = errors.some((e) => e.instancePath === '/version' || e.instancePath === '/ignore' || (e.instancePath === '' && e.keyword === 'type'));
  const suppressions: ConfigSuppression[] = [];
  const list = pairValue(root, 'ignore');
  if (!rootBroken && list?.kind === 'seq') {
    list.items.forEach((item, i) => {
      if (!badEntries.has(String(i)) && item.kind === 'map') suppressions.push(entry(item));
    });
  }
  return { suppressions, problems };
}

function pairValue(node: YamlNode, key: string): YamlNode | undefined {
  return node.kind === 'map' ? node.pairs.find((p) => p.key === key)?.value : undefined;
}

function scalarAt(node: YamlNode, key: string): Located<string> | null {
  const v = pairValue(node, key);
  if (!v || v.kind !== 'scalar' || v.value === null) return null;
  return { value: typeof v.value === 'string' ? v.value : (v as YamlScalar).source, loc: v.loc };
}

/** Builds a suppression from a schema-valid entry. */
function entry(item: YamlNode): ConfigSuppression {
  const paths = pairValue(item, 'paths');
  const reason = scalarAt(item, 'reason') as Located<string>;
  return {
    rule: scalarAt(item, 'rule') as Located<string>,
    reason: { value: reason.value.trim(), loc: reason.loc },
    paths:
      paths?.kind === 'seq'
        ? paths.items.flatMap((p) => (p.kind === 'scalar' && p.value !== null ? [{ value: String(p.value), loc: p.loc }] : []))
        : [],
    expires: scalarAt(item, 'expires'),
    loc: item.loc,
  };
}

/** The node a JSON pointer names, and (for a missing or unknown key) the enclosing node. */
function nodeAt(root: YamlNode, pointer: string): YamlNode {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next = node.kind === 'map' ? node.pairs.find((p) => p.key === key)?.value : node.kind === 'seq' ? node.items[Number(key)] : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** `/ignore/0/reason` -> `ignore[0].reason`, the way a reader names it. */
function readablePath(pointer: string): string {
  const parts = pointer.split('/').slice(1);
  if (parts.length === 0) return 'the file';
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function at(loc: SourceLoc, message: string): ConfigProblem {
  return { line: loc.line, col: loc.col, message };
}

/** Turns an ajv error into a located, readable problem. */
function problem(e: ErrorObject, root: YamlNode): ConfigProblem {
  const node = nodeAt(root, e.instancePath);
  const where = readablePath(e.instancePath);
  const value = node.kind === 'scalar' ? JSON.stringify(node.value) : node.kind === 'seq' ? 'a list' : 'a mapping';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return at(
        node.loc,
        p.missingProperty === 'reason'
          ? `${where}: "reason" is required: say why this finding is acceptable`
          : `${where}: "${String(p.missingProperty)}" is required`,
      );
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const pair = node.kind === 'map' ? node.pairs.find((q) => q.key === key) : undefined;
      const allowed = where === 'the file' ? 'version, ignore' : 'rule, reason, paths, expires';
      return at(pair?.keyLoc ?? node.loc, `${where === 'the file' ? '' : `${where}: `}unknown key "${key}" (allowed: ${allowed})`);
    }
    case 'type':
      return at(node.loc, `${where}: must be ${p.type === 'array' ? 'a list' : p.type === 'object' ? 'a mapping' : `a ${String(p.type)}`}, not ${value}`);
    case 'format':
      return at(node.loc, `${where}: ${value} is not a date in the form YYYY-MM-DD`);
    case 'pattern':
    case 'minLength':
      if (where.endsWith('.rule')) return at(node.loc, `${where}: ${value} is not a rule id (see \`opsaudit rules\`)`);
      if (where.endsWith('.reason')) return at(node.loc, `${where}: the reason must not be empty`);
      return at(node.loc, `${where}: must not be empty`);
    case 'minItems':
      return at(node.loc, `${where}: list at least one path, or remove "paths" to ignore the rule everywhere`);
    case 'const':
      return at(node.loc, `${where}: must be ${JSON.stringify(p.allowedValue)}, not ${value}`);
    default:
      return at(node.loc, `${where}: ${e.message ?? 'is invalid'}`);
  }
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const k = `${p.line}:${p.col}:${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Today's date as YYYY-MM-DD in UTC (expiry dates name whole days). */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True when an entry expiring on `expires` (inclusive) no longer applies on `today`. */
export function isExpired(expires: string, today: string): boolean {
  return expires < today;
}
