// Builds the Report from raw checks: proof, findings in stable order, score, escalation, masking.
import { createHash } from 'node:crypto';
import type { FactStore } from '../facts/index.js';
import type { RawCheck } from './engine.js';
import type { Check, EscalationRequest, Finding, Report } from './types/check.js';
import type { Proof } from './types/proof.js';
import { severityRank, type Severity } from './types/severity.js';
import { fillTemplate } from './template.js';
import { summarizeProof, toProof } from './proof.js';
import { computeScore } from './score.js';
import { maskDeep } from './mask.js';
import { VERSION } from './version.js';
import { buildHealthCheck } from './health-check.js';
import { withEndpointSsl } from './endpoint-health.js';

export interface ReportContext {
  scope: string;
  server: string | null;
  /** Injected so tests and golden files can pin it. */
  now: Date;
}

function proofSortKey(p: Proof | undefined): string {
  if (!p) return '';
  if (p.kind === 'file') return `${p.path}\u0000${String(p.line ?? 0).padStart(7, '0')}`;
  return JSON.stringify(p);
}

/**
 * Line numbers and line counts written into targets, messages and notes ("setup-prod.sh:161", "(line 70)", "among 75
 * lines") move when unrelated lines are added or removed, so the fingerprint leaves them out.
 */
function withoutLineNumbers(text: string): string {
  return text
    .replace(/\blines? \d+(\s*(?:-|–|to|and)\s*\d+)?/gi, 'line #')
    .replace(/\b\d+ lines\b/gi, '# lines')
    .replace(/([\w./-]):\d+(?::\d+)?\b/g, '$1:#');
}

/** A fingerprint that survives unrelated line moves: rule, target, message and quoted text, not line numbers. */
function fingerprint(rule: string, target: string, description: string, proof: Proof[]): string {
  const quoted = proof
    .map((p) => (p.kind === 'file' ? `${p.path}|${p.text !== undefined ? p.text.trim() : withoutLineNumbers(p.note ?? '')}` : p.kind))
    .join('\n');
  const key = `${rule}\n${withoutLineNumbers(target)}\n${withoutLineNumbers(description)}\n${quoted}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

interface DraftFinding extends Omit<Finding, 'id'> {
  raw: RawCheck;
}

function draftFinding(raw: RawCheck, store: FactStore): DraftFinding {
  const rule = raw.rule;
  const data = raw.data ?? {};
  const proof = [raw.at, ...(raw.also ?? [])].filter((e) => e !== undefined).map((e) => toProof(e, store.sources));
  const description = fillTemplate(rule.messages[raw.messageId ?? ''] ?? rule.title, data);
  const severity: Severity = raw.severity ?? rule.severity;
  const ref = rule.references[0];
  return {
    raw,
    rule: rule.id,
    message_id: raw.messageId ?? '',
    title: rule.title,
    severity,
    category: rule.category,
    description,
    evidence: proof.length > 0 ? summarizeProof(proof[0]) : description,
    impact: rule.why,
    recommendation: rule.fix,
    sota_source: ref ? `${ref.title} — ${ref.url}` : 'opsaudit rule documentation',
    verification: fillTemplate(rule.verify, data),
    references: rule.references,
    target: raw.target,
    proof,
    fingerprint: fingerprint(rule.id, raw.target, description, proof),
  };
}

function escalation(findings: readonly Finding[], raws: Map<Finding, RawCheck>): EscalationRequest | null {
  const reasons: string[] = [];
  for (const f of findings) {
    const raw = raws.get(f);
    // A finding reported below its rule's severity (a documented but manual backup, a latent fallback) is not the
    // situation the rule's escalation names.
    if (raw?.rule.escalation && severityRank(f.severity) >= severityRank(raw.rule.severity)) reasons.push(`${f.id} (${f.rule}): ${raw.rule.escalation}`);
    else if (f.severity === 'critical' && f.category === 'security')
      reasons.push(`${f.id} (${f.rule}): critical security finding — ${f.description}`);
  }
  return reasons.length > 0 ? { recommended_tier: 'strong', reasons } : null;
}

/** Assembles and masks the report. Finding ids (OPS-001...) follow severity, then rule, then location. */
export function buildReport(rawChecks: readonly RawCheck[], store: FactStore, ctx: ReportContext): Report {
  const drafts = rawChecks.filter((c) => c.status === 'fail').map((c) => draftFinding(c, store));
  drafts.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.rule.localeCompare(b.rule) ||
      proofSortKey(a.proof[0]).localeCompare(proofSortKey(b.proof[0])) ||
      a.target.localeCompare(b.target),
  );
  const raws = new Map<Finding, RawCheck>();
  const findingOf = new Map<RawCheck, Finding>();
  const findings: Finding[] = drafts.map(({ raw, ...rest }, i) => {
    const f: Finding = { id: `OPS-${String(i + 1).padStart(3, '0')}`, ...rest };
    raws.set(f, raw);
    findingOf.set(raw, f);
    return f;
  });
  const checks: Check[] = rawChecks.map((c) => {
    const check: Check = { rule: c.rule.id, title: c.rule.title, status: c.status, target: c.target, category: c.rule.category };
    if (c.reason) check.reason = c.reason;
    const f = findingOf.get(c);
    if (f) check.finding = f.id;
    return check;
  });
  const severityByCheck = new Map<Check, Severity>();
  checks.forEach((c, i) => severityByCheck.set(c, rawChecks[i].severity ?? rawChecks[i].rule.severity));
  const report: Report = {
    auditor: 'opsaudit',
    version: VERSION,
    generated_at: ctx.now.toISOString(),
    scope: ctx.scope,
    server: ctx.server,
    findings,
    checks,
    score: computeScore(checks, (c) => severityByCheck.get(c) ?? 'info'),
    escalation_request: escalation(findings, raws),
    notes: store.notes,
  };
  const health = withEndpointSsl(buildHealthCheck(store.facts.host ?? []), store.facts.endpoints ?? []);
  if (health) report.health_check = health;
  return maskDeep(report, store.secretValues);
}
