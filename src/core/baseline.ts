// Compares a scan with an earlier JSON report by finding fingerprint: each finding new or unchanged, plus the fixed ones.
import type { FixedFinding, Report } from './types/check.js';
import { isSeverity } from './types/severity.js';

/** What a baseline needs from an earlier `opsaudit scan --format json` report. */
export interface Baseline {
  generated_at: string | null;
  findings: FixedFinding[];
}

/** The baseline file is not an opsaudit JSON report. */
export class BaselineError extends Error {
  override name = 'BaselineError';
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Reads the text of a JSON report written by `opsaudit scan --format json`. Throws BaselineError when it is not one. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`not JSON (${(err as Error).message}); pass a report written by \`opsaudit scan --format json\``);
  }
  const o = data as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new BaselineError('not an opsaudit JSON report (expected an object)');
  if (Array.isArray(o.runs)) throw new BaselineError('this is a SARIF file; pass the JSON report (`opsaudit scan --format json`)');
  if (o.auditor !== 'opsaudit' || !Array.isArray(o.findings)) throw new BaselineError('not an opsaudit JSON report (no "auditor": "opsaudit" and "findings")');
  const findings = o.findings.map((raw, i): FixedFinding => {
    const f = (raw ?? {}) as Record<string, unknown>;
    if (typeof f.fingerprint !== 'string' || f.fingerprint === '')
      throw new BaselineError(`finding ${i + 1} has no fingerprint (reports before opsaudit 0.1.0 cannot be baselines)`);
    return {
      id: str(f.id),
      rule: str(f.rule),
      title: str(f.title),
      severity: isSeverity(str(f.severity)) ? (f.severity as FixedFinding['severity']) : 'info',
      description: str(f.description),
      evidence: str(f.evidence),
      fingerprint: f.fingerprint,
    };
  });
  return { generated_at: typeof o.generated_at === 'string' ? o.generated_at : null, findings };
}

/**
 * Marks each finding `new` or `unchanged` and lists the baseline's findings that are gone as `fixed`. Fingerprints are
 * matched as a multiset: two identical findings before and one now means one unchanged and one fixed.
 */
export function compareWithBaseline(report: Report, baseline: Baseline): Report {
  const remaining = new Map<string, number>();
  for (const f of baseline.findings) remaining.set(f.fingerprint, (remaining.get(f.fingerprint) ?? 0) + 1);
  const findings = report.findings.map((f) => {
    const n = remaining.get(f.fingerprint) ?? 0;
    if (n > 0) remaining.set(f.fingerprint, n - 1);
    return { ...f, baseline: n > 0 ? ('unchanged' as const) : ('new' as const) };
  });
  const fixed: FixedFinding[] = [];
  for (const f of baseline.findings) {
    const n = remaining.get(f.fingerprint) ?? 0;
    if (n > 0) {
      fixed.push(f);
      remaining.set(f.fingerprint, n - 1);
    }
  }
  const count = (s: 'new' | 'unchanged') => findings.filter((f) => f.baseline === s).length;
  const when = baseline.generated_at ? ` of ${baseline.generated_at}` : '';
  const note = `Compared with the baseline${when}: ${count('new')} new, ${count('unchanged')} unchanged, ${fixed.length} fixed.`;
  return { ...report, findings, fixed, notes: [...report.notes, note] };
}
