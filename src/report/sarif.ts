// SARIF 2.1.0 reporter: findings as code-scanning results (GitHub, GitLab, IDEs), with rule help, physical locations,
// stable partial fingerprints, suppressions and baseline states.
import type * as Sarif from 'sarif';
import type { Finding, Reference, Report } from '../core/types/check.js';
import type { FileProof } from '../core/types/proof.js';
import type { RuleMeta } from '../core/types/rule.js';
import { CATEGORY_TITLES, type Category, type Severity } from '../core/types/severity.js';
import { codeBlock, escapeBlock, escapeText, inlineCode, link } from './markdown-escape.js';

/** The rule metadata SARIF describes rules with (the catalogue's, without the check function). */
export type SarifRuleMeta = Pick<RuleMeta, 'id' | 'aliases' | 'title' | 'category' | 'severity' | 'why' | 'fix' | 'references' | 'verify'>;

export interface SarifOptions {
  /** The rule catalogue; a rule with findings but missing here is described from its findings. */
  rules?: readonly SarifRuleMeta[];
  /**
   * Absolute URL of the rule documentation directory (docs/rules/ of the opsaudit repository as published), so that
   * helpUri is `<base><rule-id>.md`. Without it, helpUri is the rule's first reference (SARIF needs an absolute URI).
   */
  ruleDocsBaseUrl?: string;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key opsaudit's own fingerprint is published under; bump the suffix if the recipe ever changes. */
export const FINGERPRINT_KEY = 'opsauditFingerprint/v1';

/** Paths in results are relative to the audited repository's root. */
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** GitHub code scanning reads `security-severity` (0-10) to rank alerts: >= 9 critical, >= 7 high, >= 4 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', info: '0.0' };

/** Renders the report as a SARIF 2.1.0 log with one run. Pure and deterministic. */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

/** The SARIF log object (exported for tests). */
export function toSarif(report: Report, options: SarifOptions = {}): Sarif.Log {
  const catalogue = new Map((options.rules ?? []).map((r) => [r.id, r]));
  const ruleIds = [...new Set(report.findings.map((f) => f.rule))].sort(byCodePoint);
  const rules = ruleIds.map((id) => descriptor(catalogue.get(id) ?? fromFindings(id, report.findings), options.ruleDocsBaseUrl));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'opsaudit',
        version: report.version,
        semanticVersion: report.version,
        ...(options.ruleDocsBaseUrl ? { informationUri: options.ruleDocsBaseUrl } : {}),
        rules,
      },
    },
    invocations: [
      {
        executionSuccessful: true,
        endTimeUtc: report.generated_at,
        toolExecutionNotifications: notChecked(report),
      },
    ],
    originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the audited repository.' } } },
    columnKind: 'utf16CodeUnits',
    results: report.findings.map((f) => result(f, index.get(f.rule) ?? 0)),
    properties: {
      scope: report.scope,
      score: report.score.overall,
      scoreFormula: report.score.formula,
      ...(report.fixed ? { fixed: report.fixed.map((f) => ({ rule: f.rule, fingerprint: f.fingerprint, description: f.description })) } : {}),
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A rule no longer in the catalogue (an older baseline, a plugin): described from what its findings carry. */
function fromFindings(id: string, findings: readonly Finding[]): SarifRuleMeta {
  const f = findings.find((x) => x.rule === id) as Finding;
  return {
    id,
    title: f.title,
    category: f.category,
    severity: f.severity,
    why: f.impact,
    fix: f.recommendation,
    references: f.references,
    verify: f.verification,
  };
}

function helpUri(rule: SarifRuleMeta, base: string | undefined): string | undefined {
  if (base) return `${base.endsWith('/') ? base : `${base}/`}${rule.id.split('/').map(encodeURIComponent).join('/')}.md`;
  return rule.references.find((r) => /^https?:\/\//.test(r.url))?.url;
}

function referencesText(refs: readonly Reference[]): string {
  return refs.map((r) => `- ${r.title}: ${r.url}`).join('\n');
}

function descriptor(rule: SarifRuleMeta, base: string | undefined): Sarif.ReportingDescriptor {
  const category = CATEGORY_TITLES[rule.category as Category] ?? rule.category;
  const text = [
    rule.title,
    '',
    `Why it matters: ${rule.why}`,
    '',
    `How to fix: ${rule.fix}`,
    '',
    `How to verify: ${rule.verify}`,
    '',
    'References:',
    referencesText(rule.references),
  ].join('\n');
  const markdown = [
    `**${escapeText(rule.title)}** (${inlineCode(rule.id)}, ${rule.severity}, ${escapeText(category)})`,
    '## Why it matters',
    escapeBlock(rule.why),
    '## How to fix',
    escapeBlock(rule.fix),
    '## How to verify',
    codeBlock(rule.verify, 'sh'),
    '## References',
    rule.references.map((r) => `- ${link(r.title, r.url)}`).join('\n'),
  ].join('\n\n');
  const uri = helpUri(rule, base);
  const d: Sarif.ReportingDescriptor = {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: [...new Set(['opsaudit', rule.category, ...(rule.category === 'security' ? ['security'] : [])])],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      severity: rule.severity,
      category: rule.category,
    },
  };
  if (uri) d.helpUri = uri;
  if (rule.aliases && rule.aliases.length > 0) d.deprecatedIds = [...rule.aliases];
  return d;
}

/** A repository path as a relative URI reference (each segment percent-encoded). */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The region of a quoted line: the line, from its first non-blank character to its end, with the line as snippet. */
function physical(p: FileProof): Sarif.PhysicalLocation {
  const artifactLocation: Sarif.ArtifactLocation = { uri: uriOf(p.path), uriBaseId: SRCROOT };
  if (p.line === undefined) return { artifactLocation };
  const region: Sarif.Region = { startLine: p.line };
  if (p.text !== undefined) {
    const start = p.text.length - p.text.trimStart().length;
    region.startColumn = start + 1;
    region.endColumn = Math.max(p.text.length + 1, start + 1);
    region.snippet = { text: p.text };
  }
  return { artifactLocation, region };
}

function locationMessage(p: FileProof): Sarif.Message | undefined {
  return p.note ? { text: p.note } : undefined;
}

function result(f: Finding, ruleIndex: number): Sarif.Result {
  const files = f.proof.filter((p): p is FileProof => p.kind === 'file');
  const [primary, ...others] = files;
  const r: Sarif.Result = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.description },
    locations: primary ? [{ physicalLocation: physical(primary), ...(primary.note ? { message: locationMessage(primary) } : {}) }] : [],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      id: f.id,
      severity: f.severity,
      category: f.category,
      target: f.target,
      evidence: f.evidence,
      recommendation: f.recommendation,
      verification: f.verification,
    },
  };
  if (others.length > 0) {
    r.relatedLocations = others.map((p, i) => ({
      id: i + 1,
      physicalLocation: physical(p),
      ...(p.note ? { message: locationMessage(p) } : {}),
    }));
  }
  if (f.suppressed) {
    const s = f.suppressed;
    const m = /^(.*):(\d+)$/.exec(s.source);
    const suppression: Sarif.Suppression = {
      kind: s.kind === 'inline' ? 'inSource' : 'external',
      status: 'accepted',
      justification: s.reason,
      ...(s.expires ? { properties: { expires: s.expires } } : {}),
    };
    if (m) {
      suppression.location = { physicalLocation: { artifactLocation: { uri: uriOf(m[1]), uriBaseId: SRCROOT }, region: { startLine: Number(m[2]) } } };
    }
    r.suppressions = [suppression];
  }
  if (f.baseline) r.baselineState = f.baseline;
  return r;
}

/** Checks that could not be decided become notifications: unknown is not pass, and the log says so. */
function notChecked(report: Report): Sarif.Notification[] {
  return report.checks
    .filter((c) => c.status === 'unknown')
    .map((c) => ({
      level: 'note' as const,
      message: { text: `Not checked: ${c.rule} on ${c.target}: ${c.reason ?? 'no reason given'}` },
      associatedRule: { id: c.rule },
    }));
}
