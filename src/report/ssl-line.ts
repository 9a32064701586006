// health_check.ssl (certificate validity and expiry) as one line for the terminal and Markdown summaries.
import type { Report } from '../core/types/check.js';

/** health_check.ssl in words ("valid, expires 2026-04-15"), or null when the report has none. */
export function sslLine(report: Report): string | null {
  const ssl = report.health_check?.ssl as { valid?: boolean | null; expires?: string | null } | null | undefined;
  if (!ssl || typeof ssl !== 'object') return null;
  const state = ssl.valid === true ? 'valid' : ssl.valid === false ? 'NOT valid' : 'not checked';
  return ssl.expires ? `${state}, expires ${ssl.expires}` : state;
}
