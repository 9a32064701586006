// `opsaudit verify-backup <file|dir>...`: wiring only — parse options, restore each backup into a throwaway engine,
// run the backup-verify rules, render the report with its restore summary, and decide the exit code.
import { writeFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { summarize, verifyBackups, VerifyInputError, type EngineChoice, type VerifyBackupsOptions } from '../../collectors/backups/index.js';
import { emptyFacts } from '../../collectors/endpoints/index.js';
import { runRules } from '../../core/engine.js';
import { ExitError, UsageError } from '../../core/errors.js';
import { buildReport } from '../../core/report.js';
import { activeFindings } from '../../core/suppress.js';
import type { Report } from '../../core/types/check.js';
import { isSeverity, severityRank, type Severity } from '../../core/types/severity.js';
import type { FactStore } from '../../facts/index.js';
import { FORMATS, render, type Format } from '../../report/index.js';
import { backupVerifyRules } from '../../rules/backup-verify/index.js';
import { RULES } from '../../rules/index.js';
import { progressLine } from '../progress.js';
import { wantsColor } from './scan.js';

export const ENGINES = ['auto', 'postgres', 'dsn', 'embedded'] as const;
/** The scratch server can come from the environment, so its password stays out of shell history and `ps`. */
export const SCRATCH_DSN_ENV = 'OPSAUDIT_SCRATCH_DSN';

export interface VerifyBackupOptions {
  all?: boolean;
  engine: string;
  scratchDsn?: string;
  expectTables?: string;
  minRows?: string[];
  rpo: string;
  rto?: string;
  pgBin?: string;
  format: string;
  output?: string;
  failOn?: string;
  quiet?: boolean;
  color?: boolean;
}

/** "90s", "15m", "24h", "7d", or a bare number of hours for --rpo / seconds for --rto. */
export function parseDuration(flag: string, text: string, bareUnitSeconds: number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$/i.exec(text);
  if (!m) throw new UsageError(`${flag} ${text}: not a duration. Use e.g. 90s, 15m, 24h or 7d.`);
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit === '' ? bareUnitSeconds : unit.startsWith('s') ? 1 : unit.startsWith('m') ? 60 : unit === 'h' ? 3600 : 86400;
  return Number(m[1]) * factor;
}

/** --min-rows auth_user=100 --min-rows orders=1000,items=10 */
export function parseMinRows(values: readonly string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of (values ?? []).flatMap((v) => v.split(','))) {
    const m = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(item);
    if (!m) throw new UsageError(`--min-rows ${item}: expected TABLE=N, e.g. --min-rows auth_user=1`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}

function severityOption(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!isSeverity(value)) throw new UsageError(`--fail-on ${value}: unknown severity. Use critical, high, medium, low or info.`);
  return value;
}

/** The report of a verification run: only the backup-verify rules, with the restore summary table attached. */
export async function verifyBackupReport(
  paths: readonly string[],
  opts: VerifyBackupOptions,
  onProgress?: (m: string) => void,
  /** For tests and embedding: where clusters live, how paths are shown. */
  extra: Pick<VerifyBackupsOptions, 'tempRoot' | 'display' | 'now'> = {},
): Promise<Report> {
  const engine = opts.engine as EngineChoice;
  if (!(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`--engine ${opts.engine}: use one of ${ENGINES.join(', ')}.`);
  const scratchDsn = opts.scratchDsn ?? (process.env[SCRATCH_DSN_ENV] || undefined);
  let result;
  try {
    result = await verifyBackups(paths, {
      all: opts.all,
      engine,
      scratchDsn,
      expectTables: (opts.expectTables ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      minRows: parseMinRows(opts.minRows),
      rpoHours: parseDuration('--rpo', opts.rpo, 3600) / 3600,
      rtoSeconds: opts.rto !== undefined ? parseDuration('--rto', opts.rto, 1) : null,
      pgPath: opts.pgBin ? opts.pgBin.split(delimiter) : undefined,
      onProgress,
      ...extra,
    });
  } catch (err) {
    if (err instanceof VerifyInputError) throw new UsageError(err.message);
    throw err;
  }
  const store: FactStore = {
    facts: { ...emptyFacts(), backups: result.verifications },
    sources: new Map(),
    issues: [],
    secretValues: new Set(result.secrets),
    notes: result.notes,
  };
  const raw = runRules(backupVerifyRules, store);
  const names = result.verifications.map((v) => v.path);
  const report = buildReport(raw, store, {
    scope: `backup${names.length === 1 ? '' : 's'} ${names.join(', ')}`,
    server: null,
    now: new Date(),
  });
  // The summary holds paths, sizes and counts, never the scratch server's password; buildReport already masked the rest.
  return { ...report, backups: result.verifications.map(summarize) };
}

export async function verifyBackupCommand(paths: string[], opts: VerifyBackupOptions): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(opts.format))
    throw new UsageError(`--format ${opts.format}: unknown format. Use one of: ${FORMATS.join(', ')}.`);
  const failOn = severityOption(opts.failOn);
  const progress = opts.quiet ? undefined : progressLine(process.stderr);
  let report: Report;
  try {
    report = await verifyBackupReport(paths, opts, progress?.update);
  } finally {
    progress?.done();
  }
  const color = opts.color !== false && !opts.output && wantsColor(process.stdout);
  const text = render(opts.format as Format, report, { color, rules: RULES });
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
  if (failOn) {
    const hits = activeFindings(report).filter((f) => severityRank(f.severity) >= severityRank(failOn));
    if (hits.length > 0) throw new ExitError(1, opts.quiet ? '' : `${hits.length} finding(s) at or above ${failOn}: ${hits.map((f) => `${f.id} ${f.rule}`).join(', ')}`);
  }
}
