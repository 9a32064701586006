// Markdown reporter: the audit as a document in the shape of the hand-written seed reports (score, scorecard,
// strengths, findings with proof, not-checked, prioritised actions, escalation, notes).
import type { Check, Finding, Report } from '../core/types/check.js';
import type { Proof } from '../core/types/proof.js';
import { CATEGORY_TITLES, SEVERITIES, type Category, type Severity } from '../core/types/severity.js';
import { sslLine } from './ssl-line.js';
import { codeBlock, escapeBlock, escapeHeading, escapeText, inlineCode, link, table } from './markdown-escape.js';
import { backupSummaryMarkdown } from './backup-summary.js';

const SEVERITY_MARK: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🟢', info: '⚪' };
const SEVERITY_TITLE: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
/** Worst first. */
const BY_SEVERITY: readonly Severity[] = [...SEVERITIES].reverse();

/** Action groups of seed 002, worst first; low and info share the last group. */
const ACTION_GROUPS: { title: string; mark: string; severities: Severity[] }[] = [
  { title: 'Must fix before production', mark: SEVERITY_MARK.critical, severities: ['critical'] },
  { title: 'Should fix', mark: SEVERITY_MARK.high, severities: ['high'] },
  { title: 'Recommended', mark: SEVERITY_MARK.medium, severities: ['medium'] },
  { title: 'Nice to have', mark: SEVERITY_MARK.low, severities: ['low', 'info'] },
];

const BAR_CELLS = 10;

/** Code-point order: the output must not depend on the machine's locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renders the report as GitHub-flavoured Markdown. Pure: the same report gives the same text. */
export function renderMarkdown(report: Report): string {
  const blocks: string[] = [
    ...header(report),
    ...overall(report),
    ...backupSummaryMarkdown(report),
    ...scorecard(report),
    ...strengths(report),
    ...findings(report),
    ...notChecked(report),
    ...actions(report),
    ...escalation(report),
    ...notes(report),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function header(report: Report): string[] {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(report.generated_at)?.[0] ?? report.generated_at;
  const meta = [
    `- **Date**: ${escapeText(date)} (${inlineCode(report.generated_at)})`,
    `- **Auditor**: opsaudit ${escapeText(report.version)}`,
    `- **Scope**: ${inlineCode(report.scope)}`,
    `- **Server**: ${report.server === null ? 'none (repository only)' : inlineCode(report.server)}`,
  ];
  const out = [`# Production readiness audit: ${escapeHeading(`${report.scope} — ${date}`)}`, meta.join('\n')];
  if (report.escalation_request)
    out.push('> **Escalation requested**: this audit asks for a review by a stronger auditor; see [Escalation request](#escalation-request).');
  return out;
}

function countChecks(report: Report, status: Check['status']): number {
  return report.checks.filter((c) => c.status === status).length;
}

function overall(report: Report): string[] {
  const bySeverity = BY_SEVERITY.map((s) => `${report.findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
  const n = report.findings.length;
  const decided = report.checks.some((c) => c.status !== 'not-applicable');
  return [
    `## Overall score: ${report.score.overall.toFixed(1)}/10${decided ? '' : ' (no applicable checks)'}`,
    escapeBlock(report.score.formula),
    [
      `- **Findings**: ${n} (${bySeverity})`,
      `- **Checks**: ${countChecks(report, 'pass')} passed, ${countChecks(report, 'fail')} failed, ` +
        `${countChecks(report, 'unknown')} not checked (unknown), ${countChecks(report, 'not-applicable')} not applicable`,
      ...(sslLine(report) ? [`- **TLS certificate**: ${escapeText(sslLine(report) ?? '')}`] : []),
    ].join('\n'),
  ];
}

/** A ten-cell text bar, completion rounded to the nearest ten percent. */
function bar(completion: number): string {
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round(completion / (100 / BAR_CELLS))));
  return '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

function scorecard(report: Report): string[] {
  const rows = report.score.categories.map((c) => [
    escapeText(c.title),
    c.completion === null ? 'n/a' : `${c.completion}%`,
    c.completion === null ? '' : bar(c.completion),
    String(c.passed),
    String(c.failed),
    String(c.unknown),
  ]);
  return [
    '## Scorecard',
    table(['Category', 'Completion', 'Progress', 'Passed', 'Failed', 'Not checked'], rows, ['l', 'r', 'l', 'r', 'r', 'r']),
  ];
}

/** Category order of the scorecard, then any category the score does not list. */
function categoryOrder(report: Report): Category[] {
  const order = report.score.categories.map((c) => c.category);
  for (const c of report.checks) if (!order.includes(c.category)) order.push(c.category);
  return order;
}

function categoryTitle(report: Report, category: Category): string {
  return report.score.categories.find((c) => c.category === category)?.title ?? CATEGORY_TITLES[category] ?? category;
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort(byCodePoint);
}

function strengths(report: Report): string[] {
  const passed = report.checks.filter((c) => c.status === 'pass');
  const out = ['## Strengths'];
  if (passed.length === 0) return [...out, 'No check passed.'];
  out.push('Checks that passed, by category: each line names a problem that was looked for and not found, and where.');
  for (const category of categoryOrder(report)) {
    const mine = passed.filter((c) => c.category === category);
    if (mine.length === 0) continue;
    const lines = uniqueSorted(mine.map((c) => c.rule)).map((rule) => {
      const ofRule = mine.filter((c) => c.rule === rule);
      const targets = uniqueSorted(ofRule.map((c) => c.target));
      return `- ${escapeText(ofRule[0].title)} — not found (${inlineCode(rule)}): ${targets.map((t) => escapeText(t)).join(', ')}`;
    });
    out.push(`### ${escapeHeading(categoryTitle(report, category))}`, lines.join('\n'));
  }
  return out;
}

function findings(report: Report): string[] {
  if (report.findings.length === 0) return ['## Findings', 'No findings.'];
  const out: string[] = [];
  for (const severity of BY_SEVERITY) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`## ${SEVERITY_MARK[severity]} ${SEVERITY_TITLE[severity]} findings (${group.length})`);
    for (const f of group) out.push(...finding(report, f));
  }
  return out;
}

function finding(report: Report, f: Finding): string[] {
  const meta = [
    `**Severity**: ${f.severity}`,
    `**Category**: ${escapeText(categoryTitle(report, f.category))}`,
    `**Rule**: ${inlineCode(f.rule)}`,
  ];
  // The target adds something (a service, a setting, a host) unless it is just the located file again.
  const first = f.proof[0];
  if (!(first?.kind === 'file' && first.path === f.target)) meta.push(`**Target**: ${inlineCode(f.target)}`);
  const out = [`### ${escapeHeading(`${f.id} — ${f.title}`)}`, meta.join(' · ')];
  if (f.proof.length === 0) out.push(`**Location**: ${inlineCode(f.target)}`);
  f.proof.forEach((p, i) => out.push(...proof(p, i === 0 ? 'Location' : 'Also')));
  const reference =
    f.references.length > 0 ? f.references.map((r) => link(r.title, r.url)).join('; ') : escapeText(f.sota_source);
  out.push(
    `**Problem**: ${escapeText(f.description)}`,
    `**Impact**: ${escapeText(f.impact)}`,
    `**Solution**: ${escapeText(f.recommendation)}`,
    `**Reference**: ${reference}`,
    `**Verify**: ${inlineCode(f.verification)}`,
  );
  return out;
}

/** Info string for a quoted file, so renderers highlight it; empty when the kind is not obvious from the name. */
function language(path: string): string {
  const name = path.split('/').pop() ?? path;
  if (/^(Dockerfile|Containerfile)(\..*)?$/i.test(name) || /\.dockerfile$/i.test(name)) return 'dockerfile';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.py$/i.test(name)) return 'python';
  if (/\.(sh|bash)$/i.test(name)) return 'sh';
  if (/^\.env(\..*)?$/i.test(name) || /\.env$/i.test(name)) return 'dotenv';
  if (/nginx/i.test(path) && /\.conf$/i.test(name)) return 'nginx';
  if (/\.(ini|cfg|conf)$/i.test(name)) return 'ini';
  if (/\.toml$/i.test(name)) return 'toml';
  if (/\.json$/i.test(name)) return 'json';
  return '';
}

function proof(p: Proof, label: string): string[] {
  switch (p.kind) {
    case 'file': {
      const where = inlineCode(p.line !== undefined ? `${p.path}:${p.line}` : p.path);
      const head = `**${label}**: ${where}${p.note ? ` — ${escapeText(p.note)}` : ''}`;
      return p.text !== undefined ? [head, codeBlock(p.text, language(p.path))] : [head];
    }
    case 'command': {
      const exit = p.exit_code === null ? 'no exit code' : `exit ${p.exit_code}`;
      return [`**${label}**: command on ${inlineCode(p.host)} (${exit})`, codeBlock(`$ ${p.command}\n${p.output}`, 'console')];
    }
    case 'http': {
      const status = p.status === null ? 'no response' : String(p.status);
      const headers = Object.entries(p.headers)
        .sort(([a], [b]) => byCodePoint(a, b))
        .map(([k, v]) => `${k}: ${v}`);
      const body = [`HTTP ${status}`, ...headers, ...(p.excerpt ? ['', p.excerpt] : [])].join('\n');
      return [`**${label}**: ${inlineCode(`${p.method} ${p.url}`)} → ${status}`, codeBlock(body, 'http')];
    }
    case 'tls': {
      const body = [
        `subject: ${p.subject}`,
        `issuer: ${p.issuer}`,
        `san: ${p.san.join(', ')}`,
        `valid: ${p.not_before} → ${p.not_after}`,
        `protocol: ${p.protocol} ${p.cipher}`,
        `sha256: ${p.fingerprint256}`,
      ].join('\n');
      return [`**${label}**: TLS certificate of ${inlineCode(`${p.host}:${p.port}`)}`, codeBlock(body)];
    }
  }
}

function notChecked(report: Report): string[] {
  const unknown = report.checks
    .filter((c) => c.status === 'unknown')
    .sort((a, b) => byCodePoint(a.rule, b.rule) || byCodePoint(a.target, b.target));
  const out = [`## Not checked (${unknown.length})`];
  if (unknown.length === 0) return [...out, 'Every applicable check was decided.'];
  out.push('These checks could not be decided. Unknown is not pass: they are not counted as passed; resolve the reason to get a verdict.');
  out.push(unknown.map((c) => `- ${inlineCode(c.rule)} on ${inlineCode(c.target)}: ${escapeText(c.reason ?? 'no reason given')}`).join('\n'));
  return out;
}

function actions(report: Report): string[] {
  if (report.findings.length === 0) return ['## Prioritised actions', 'Nothing to fix.'];
  const out = ['## Prioritised actions'];
  let n = 0;
  for (const group of ACTION_GROUPS) {
    const mine = report.findings.filter((f) => group.severities.includes(f.severity));
    if (mine.length === 0) continue;
    // One action per rule: the same fix resolves every finding of that rule in this group.
    const byRule = new Map<string, Finding[]>();
    for (const f of mine) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    const items = [...byRule.values()].map((fs) => {
      n += 1;
      return `${n}. **${escapeText(fs[0].title)}** (${inlineCode(fs[0].rule)}): ${fs.map((f) => f.id).join(', ')}`;
    });
    out.push(`### ${group.mark} ${group.title}`, items.join('\n'));
  }
  return out;
}

function escalation(report: Report): string[] {
  const req = report.escalation_request;
  if (!req) return [];
  return [
    '## Escalation request',
    `This audit recommends a review by the **${escapeText(req.recommended_tier)}** tier because:`,
    req.reasons.map((r) => `- ${escapeBlock(r)}`).join('\n'),
  ];
}

function notes(report: Report): string[] {
  if (report.notes.length === 0) return [];
  return ['## Notes', report.notes.map((n) => `- ${escapeBlock(n)}`).join('\n')];
}
