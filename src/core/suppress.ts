// Marks findings accepted by .opsaudit.yml entries or inline `# opsaudit: ignore[rule-id] reason` comments.
// Suppressed findings stay in the report (JSON and SARIF show them, marked); they only stop failing the CI gates.
import ignore from 'ignore';
import type { ConfigFacts, ConfigSuppression } from '../facts/config.js';
import { isExpired } from './config.js';
import { createMasker } from './mask.js';
import type { Finding, Report, Suppression } from './types/check.js';
import type { SourceFile } from './types/located.js';

export interface SuppressionInput {
  config?: ConfigFacts;
  /** The kept sources, where inline comments are looked up (FactStore.sources). */
  sources: ReadonlyMap<string, SourceFile>;
  /** Literal secrets, masked in reasons copied from the sources. */
  secretValues?: ReadonlySet<string>;
  /** Rule ids and aliases -> rule id; when given, entries naming an unknown rule are reported in the notes. */
  ruleIds?: ReadonlyMap<string, string>;
}

/**
 * `# opsaudit: ignore[rule-a, rule-b] reason` in any `#`-comment language (YAML, Dockerfile, nginx, Python, shell,
 * env files). The comment sits on the finding's line or in the comment lines right above it.
 */
const INLINE = /#\s*opsaudit:\s*ignore\[([^\]]*)\]\s*(.*)$/;

interface InlineComment {
  rules: string[];
  reason: string;
  line: number;
}

function inlineComment(text: string | undefined, line: number): InlineComment | null {
  const m = text === undefined ? null : INLINE.exec(text);
  if (!m) return null;
  return {
    rules: m[1]
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    reason: m[2].trim(),
    line,
  };
}

/** The inline comments that apply to a quoted line: on it, then up through the comment lines directly above it. */
function commentsFor(src: SourceFile, line: number): InlineComment[] {
  const out: InlineComment[] = [];
  const own = inlineComment(src.lines[line - 1], line);
  if (own) out.push(own);
  for (let l = line - 1; l >= 1; l--) {
    const text = src.lines[l - 1];
    if (!text.trimStart().startsWith('#')) break;
    const c = inlineComment(text, l);
    if (c) out.push(c);
  }
  return out;
}

/** The file a finding is located in: its first quoted or named file, else the file part of its target. */
export function findingPath(f: Finding): string {
  const p = f.proof.find((x) => x.kind === 'file');
  if (p && p.kind === 'file') return p.path;
  return f.target.replace(/[#:].*$/, '');
}

function pathMatches(entry: ConfigSuppression, path: string): boolean {
  if (entry.paths.length === 0) return true;
  try {
    return ignore()
      .add(entry.paths.map((p) => p.value))
      .ignores(path.replace(/^\.?\/+/, ''));
  } catch {
    // `ignore` rejects paths it cannot judge (absolute, `..`): such a finding is not in the repository tree.
    return false;
  }
}

/** Applies inline comments, then .opsaudit.yml entries, to every finding. Pure: returns a new report. */
export function applySuppressions(report: Report, input: SuppressionInput): Report {
  const mask = createMasker(input.secretValues ?? new Set());
  const canonical = (id: string) => input.ruleIds?.get(id) ?? id;
  const config = input.config;
  const active = (config?.suppressions ?? []).filter((s) => !(s.expires && config && isExpired(s.expires.value, config.today)));
  const used = new Set<ConfigSuppression>();
  const notes: string[] = [];
  const noted = new Set<string>();
  const note = (key: string, text: string) => {
    if (!noted.has(key)) notes.push(text);
    noted.add(key);
  };

  const findings = report.findings.map((f): Finding => {
    if (f.suppressed) return f;
    for (const p of f.proof) {
      if (p.kind !== 'file' || p.line === undefined) continue;
      const src = input.sources.get(p.path);
      if (!src) continue;
      for (const c of commentsFor(src, p.line)) {
        if (!c.rules.some((r) => canonical(r) === f.rule)) continue;
        const source = `${p.path}:${c.line}`;
        if (!c.reason) {
          note(source, `${source}: \`# opsaudit: ignore[${c.rules.join(', ')}]\` has no reason and is not applied; write why the finding is acceptable after it.`);
          continue;
        }
        return { ...f, suppressed: { kind: 'inline', reason: mask(c.reason), source } };
      }
    }
    const path = findingPath(f);
    const entry = active.find((s) => canonical(s.rule.value) === f.rule && pathMatches(s, path));
    if (!entry) return f;
    used.add(entry);
    const suppressed: Suppression = { kind: 'config', reason: mask(entry.reason.value), source: `${entry.loc.file}:${entry.loc.line}` };
    if (entry.expires) suppressed.expires = entry.expires.value;
    return { ...f, suppressed };
  });

  for (const s of config?.suppressions ?? []) {
    const where = `${s.loc.file}:${s.loc.line}`;
    if (input.ruleIds && !input.ruleIds.has(s.rule.value)) {
      notes.push(`${where}: no rule is called \`${s.rule.value}\` (run \`opsaudit rules\`); this entry has no effect.`);
    } else if (active.includes(s) && !used.has(s)) {
      notes.push(`${where}: the entry for \`${s.rule.value}\` matched no finding; remove it if the problem is fixed.`);
    }
  }
  return { ...report, findings, notes: [...report.notes, ...notes] };
}

/** Findings that still count for the CI gates (not suppressed). */
export function activeFindings(report: Report): Finding[] {
  return report.findings.filter((f) => !f.suppressed);
}
