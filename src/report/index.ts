// Output formats: format name -> pure renderer.
import type { Report } from '../core/types/check.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, type SarifRuleMeta } from './sarif.js';
import { renderTerminal } from './terminal.js';

export const FORMATS = ['terminal', 'json', 'markdown', 'html', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** The rule catalogue, for SARIF rule descriptions. */
  rules?: readonly SarifRuleMeta[];
  /** Absolute URL of the published docs/rules/ directory, for SARIF helpUri. */
  ruleDocsBaseUrl?: string;
}

/**
 * The terminal and Markdown reports are read to decide what to fix: accepted (suppressed) findings leave the findings
 * list there and are named in the notes instead. JSON, SARIF and HTML keep them, marked.
 */
export function withoutSuppressed(report: Report): Report {
  const suppressed = report.findings.filter((f) => f.suppressed);
  if (suppressed.length === 0) return report;
  const notes = suppressed.map(
    (f) => `Accepted, not listed: ${f.id} ${f.rule} (${f.evidence}) — ${f.suppressed?.reason} [${f.suppressed?.source}]`,
  );
  return { ...report, findings: report.findings.filter((f) => !f.suppressed), notes: [...report.notes, ...notes] };
}

export function render(format: Format, report: Report, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'terminal':
      return renderTerminal(withoutSuppressed(report), options);
    case 'markdown':
      return renderMarkdown(withoutSuppressed(report));
    case 'html':
      return renderHtml(report);
    case 'sarif':
      return renderSarif(report, { rules: options.rules, ruleDocsBaseUrl: options.ruleDocsBaseUrl });
  }
}
