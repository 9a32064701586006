// Terminal reporter: findings grouped by severity with file:line and the quoted line, then a summary.
import pc from 'picocolors';
import type { Finding, Report } from '../core/types/check.js';
import { SEVERITIES, type Severity } from '../core/types/severity.js';

export interface TerminalOptions {
  color: boolean;
}

type Paint = (s: string) => string;

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

function location(f: Finding): string {
  const p = f.proof[0];
  if (!p) return f.target;
  if (p.kind === 'file') return p.line !== undefined ? `${p.path}:${p.line}` : p.path;
  if (p.kind === 'command') return `${p.host}: ${p.command}`;
  if (p.kind === 'http') return p.url;
  return `${p.host}:${p.port}`;
}

function renderFinding(f: Finding, paint: ReturnType<typeof painter>): string[] {
  const { c } = paint;
  const lines = [`  ${c.bold(f.id)} ${f.description}  ${c.dim(`[${f.rule}]`)}`, `    ${c.underline(location(f))}`];
  for (const p of f.proof) {
    if (p.kind === 'file' && p.text !== undefined) lines.push(`    ${c.dim(`${String(p.line).padStart(5)} |`)} ${p.text}`);
    else if (p.kind === 'file' && p.note) lines.push(`    ${c.dim(`${p.path}: ${p.note}`)}`);
    else if (p.kind === 'command') lines.push(`    ${c.dim(`$ ${p.command}  (exit ${p.exit_code})`)}`);
  }
  lines.push(`    ${c.green('fix:')} ${f.recommendation}`);
  return lines;
}

export function renderTerminal(report: Report, options: TerminalOptions): string {
  const paint = painter(options.color);
  const { c, bySeverity } = paint;
  const out: string[] = [c.bold(`opsaudit ${report.version} — ${report.scope}`), ''];
  for (const note of report.notes) out.push(c.dim(`note: ${note}`));
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
    for (const u of unknown) out.push(`  ${u.rule} ${c.dim(u.target)}: ${u.reason}`);
    out.push('');
  }
  const counts = [...SEVERITIES].reverse().map((s) => `${report.findings.filter((f) => f.severity === s).length} ${s}`);
  const status = (s: string) => report.checks.filter((ch) => ch.status === s).length;
  out.push(c.bold('Summary'));
  out.push(`  findings: ${counts.join(', ')}`);
  out.push(`  checks: ${status('pass')} passed, ${status('fail')} failed, ${status('unknown')} unknown, ${status('not-applicable')} not applicable`);
  out.push(`  score: ${c.bold(`${report.score.overall}/10`)}`);
  if (report.escalation_request) out.push(c.red(`  escalation requested: ${report.escalation_request.reasons.length} reason(s)`));
  return `${out.join('\n')}\n`;
}
