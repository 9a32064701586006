// The restore summary table (verify-backup): one row per backup, for the terminal and Markdown reports.
import type { Report } from '../core/types/check.js';
import type { BackupSummary } from '../facts/backup.js';
import { escapeText, inlineCode, table } from './markdown-escape.js';
import { visibleControls } from './control-chars.js';

const COLUMNS = ['Backup', 'Format', 'Engine', 'Result', 'Tables', 'Rows', 'Size', 'Age', 'Restore time (RTO)', 'sha256'];

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}

function age(hours: number): string {
  return hours >= 72 ? `${(hours / 24).toFixed(1)} d` : `${hours.toFixed(1)} h`;
}

function restoreTime(b: BackupSummary): string {
  if (b.restore_seconds === null) return '—';
  const took = b.restore_seconds >= 120 ? `${(b.restore_seconds / 60).toFixed(1)} min` : `${b.restore_seconds.toFixed(1)} s`;
  return b.rto_seconds === null ? took : `${took} / ${b.rto_seconds >= 120 ? `${(b.rto_seconds / 60).toFixed(0)} min` : `${b.rto_seconds} s`}`;
}

/** The cells of one row, as plain text. */
function cells(b: BackupSummary): string[] {
  return [
    b.path,
    b.format,
    b.engine ?? '—',
    b.result,
    b.tables === null ? '—' : String(b.tables),
    b.rows === null ? '—' : String(b.rows),
    size(b.size_bytes),
    age(b.age_hours),
    restoreTime(b),
    b.sha256 ? b.sha256.slice(0, 12) : '—',
  ];
}

/** Terminal lines (a padded table), or none when the report has no restore summary. */
export function backupSummaryLines(report: Report, paint: { bold: (s: string) => string; red: (s: string) => string; green: (s: string) => string; yellow: (s: string) => string }): string[] {
  const rows = report.backups;
  if (!rows || rows.length === 0) return [];
  const table = [COLUMNS, ...rows.map(cells)].map((r) => r.map((c) => visibleControls(c)));
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (r: string[]) => `  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  const colour = (b: BackupSummary, text: string) => (b.result === 'restored' ? paint.green(text) : b.result === 'failed' ? paint.red(text) : paint.yellow(text));
  return [
    paint.bold('Restore summary'),
    line(table[0]),
    ...rows.map((b, i) => colour(b, line(table[i + 1]))),
    ...rows.filter((b) => b.result !== 'restored').map((b) => `  ${visibleControls(b.path)}: ${visibleControls(b.detail)}`),
    '',
  ];
}

/** A Markdown section, or none when the report has no restore summary. */
export function backupSummaryMarkdown(report: Report): string[] {
  const rows = report.backups;
  if (!rows || rows.length === 0) return [];
  const body = rows.map((b) => cells(b).map((c, i) => (i === 0 || i === 9 ? (c === '—' ? c : inlineCode(c)) : escapeText(c))));
  const details = rows.filter((b) => b.result !== 'restored').map((b) => `- ${inlineCode(b.path)}: ${escapeText(b.detail)}`);
  return [
    '## Restore summary',
    'Each backup was restored into a throwaway PostgreSQL with stop-on-error; the restore time is the observed RTO.',
    table(COLUMNS, body, ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'l']),
    ...(details.length > 0 ? [details.join('\n')] : []),
  ];
}
