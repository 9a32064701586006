// Terminal reporter: findings grouped by severity with file:line and the quoted line, then a summary.
import pc from 'picocolors';
import type { Finding, Report } from '../core/types/check.js';
import type { Proof } from '../core/types/proof.js';
import { SEVERITIES, type Severity } from '../core/types/severity.js';
import { visibleControls } from './control-chars.js';
import { sslLine } from './ssl-line.js';
import { backupSummaryLines } from './backup-summary.js';

export interface TerminalOptions {
  color: boolean;
}

type Paint = (s: string) => string;

/** Lines of command output shown under a finding; the JSON report carries the rest. */
const MAX_OUTPUT_LINES = 5;

function painter(color: boolean) {
  const c = pc.createColors(color);
  const bySeverity: Record<Severity, Paint> = {
    critical: (s) => c.bold(c.red(s)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
  return { c, bySeverity };
}

/** Repository text and command output may hold escape sequences; printed raw they would drive the terminal. */
const safe = visibleControls;

function excerpt(text: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.length > MAX_OUTPUT_LINES ? [...lines.slice(0, MAX_OUTPUT_LINES), `… ${lines.length - MAX_OUTPUT_LINES} more line(s)`] : lines;
}

/**
 * The proof items under a finding, each headed by where it comes from (file:line, file, command, URL, host:port);
 * consecutive quoted lines of one file share their heading.
 */
function proofLines(f: Finding, c: ReturnType<typeof painter>['c']): string[] {
  const lines: string[] = [];
  const head = (where: string, detail = '') => lines.push(`    ${c.underline(safe(where))}${detail ? c.dim(safe(detail)) : ''}`);
  const quote = (gutter: string | number, text: string) => lines.push(`    ${c.dim(`${String(gutter).padStart(5)} |`)} ${safe(text)}`);
  let lastPath: string | undefined;
  for (const p of f.proof as Proof[]) {
    switch (p.kind) {
      case 'file':
        if (p.text !== undefined) {
          if (p.path !== lastPath) head(p.line !== undefined ? `${p.path}:${p.line}` : p.path);
          quote(p.line ?? '', p.text);
        } else head(p.line !== undefined ? `${p.path}:${p.line}` : p.path, p.note ? ` — ${p.note}` : '');
        lastPath = p.text !== undefined ? p.path : undefined;
        continue;
      case 'command':
        head(`${p.host}$ ${p.command}`, `  (exit ${p.exit_code ?? 'none'})`);
        for (const l of excerpt(p.output)) quote('', l);
        break;
      case 'http':
        head(`${p.method} ${p.url}`, ` -> ${p.status ?? 'no response'}`);
        for (const [k, v] of Object.entries(p.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) quote('', `${k}: ${v}`);
        if (p.excerpt) for (const l of excerpt(p.excerpt)) quote('', l);
        break;
      case 'tls':
        head(`${p.host}:${p.port}`, ` TLS certificate ${p.subject}, issuer ${p.issuer}, valid until ${p.not_after}`);
        quote('', `${p.protocol} ${p.cipher}; names: ${p.san.join(', ') || 'none'}; sha256 ${p.fingerprint256}`);
        break;
    }
    lastPath = undefined;
  }
  if (f.proof.length === 0) head(f.target);
  return lines;
}

function renderFinding(f: Finding, paint: ReturnType<typeof painter>): string[] {
  const { c } = paint;
  return [
    `  ${c.bold(f.id)} ${safe(f.description)}  ${c.dim(`[${f.rule}]`)}`,
    ...proofLines(f, c),
    `    ${c.green('fix:')} ${safe(f.recommendation)}`,
  ];
}

/** Renders the report for a terminal; with `color: false` the text carries no ANSI codes at all. */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const paint = painter(options.color);
  const { c, bySeverity } = paint;
  const out: string[] = [c.bold(safe(`opsaudit ${report.version} — ${report.scope}`)), ''];
  for (const note of report.notes) out.push(c.dim(safe(`note: ${note}`)));
  if (report.notes.length > 0) out.push('');
  for (const sev of [...SEVERITIES].reverse()) {
    const group = report.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out.push(bySeverity[sev](`${sev.toUpperCase()} (${group.length})`));
    for (const f of group) out.push(...renderFinding(f, paint), '');
  }
  const unknown = report.checks.filter((ch) => ch.status === 'unknown');
  if (unknown.length > 0) {
    out.push(c.yellow(`NOT CHECKED (${unknown.length})`));
    for (const u of unknown) out.push(`  ${u.rule} ${c.dim(safe(u.target))}: ${safe(u.reason ?? 'no reason given')}`);
    out.push('');
  }
  const counts = [...SEVERITIES].reverse().map((s) => `${report.findings.filter((f) => f.severity === s).length} ${s}`);
  const status = (s: string) => report.checks.filter((ch) => ch.status === s).length;
  out.push(...backupSummaryLines(report, c));
  out.push(c.bold('Summary'));
  out.push(`  findings: ${counts.join(', ')}`);
  out.push(`  checks: ${status('pass')} passed, ${status('fail')} failed, ${status('unknown')} unknown, ${status('not-applicable')} not applicable`);
  out.push(`  score: ${c.bold(`${report.score.overall}/10`)}`);
  const ssl = sslLine(report);
  if (ssl) out.push(`  TLS certificate: ${safe(ssl)}`);
  if (report.escalation_request) {
    out.push(c.red(`  escalation requested (${report.escalation_request.recommended_tier} review):`));
    for (const r of report.escalation_request.reasons) out.push(c.red(`    - ${safe(r)}`));
  }
  return `${out.join('\n')}\n`;
}
