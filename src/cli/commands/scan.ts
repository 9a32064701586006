// `opsaudit scan [path]`: wiring only — audit, compare with a baseline, render, write, and decide the exit code.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { auditAll, auditRepository } from '../../audit.js';
import { BaselineError, compareWithBaseline, parseBaseline } from '../../core/baseline.js';
import { CONFIG_FILES } from '../../core/config.js';
import { ExitError, UsageError } from '../../core/errors.js';
import { activeFindings } from '../../core/suppress.js';
import type { Finding, Report } from '../../core/types/check.js';
import { isSeverity, severityRank, type Severity } from '../../core/types/severity.js';
import { FORMATS, render, type Format } from '../../report/index.js';
import { RULES } from '../../rules/index.js';
import { progressLine } from '../progress.js';
import { endpointOptions, type EndpointCliOptions } from '../endpoint-options.js';
import { hostOptions, type HostCliOptions } from '../host-options.js';
import { unauditedHosts } from '../../core/health-check.js';
import { delimiter } from 'node:path';
import { VerifyInputError, type EngineChoice } from '../../collectors/backups/index.js';
import type { ScanBackupOptions } from '../../collectors/backups/for-scan.js';
import { SCRATCH_DSN_ENV } from './verify-backup.js';

export interface ScanOptions extends EndpointCliOptions, HostCliOptions {
  format: string;
  output?: string;
  failOn?: string;
  failOnNew?: string;
  baseline?: string;
  ruleDocsUrl?: string;
  quiet?: boolean;
  color?: boolean;
  verifyBackups?: boolean;
  backupEngine?: string;
  scratchDsn?: string;
  pgBin?: string;
}

/** --verify-backups and its settings; the RPO is the host threshold's (--threshold backup-rpo-hours=N). */
function backupOptions(opts: ScanOptions, rpoHours: number | undefined): ScanBackupOptions | undefined {
  if (!opts.verifyBackups) {
    const stray = (['backupEngine', 'scratchDsn', 'pgBin'] as const).find((k) => opts[k] !== undefined);
    if (stray) throw new UsageError(`--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} only applies with --verify-backups.`);
    return undefined;
  }
  const scratchDsn = opts.scratchDsn ?? (process.env[SCRATCH_DSN_ENV] || undefined);
  const engine = (opts.backupEngine ?? 'auto') as EngineChoice;
  if (engine === 'dsn' && !scratchDsn) throw new UsageError('--backup-engine dsn needs --scratch-dsn postgres://user:password@host:port/database');
  return { engine, scratchDsn, rpoHours, pgPath: opts.pgBin ? opts.pgBin.split(delimiter) : undefined };
}

function severityOption(flag: string, value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!isSeverity(value)) throw new UsageError(`${flag} ${value}: unknown severity. Use critical, high, medium, low or info.`);
  return value;
}

function readBaseline(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--baseline ${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  try {
    return parseBaseline(text);
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(`--baseline ${path}: ${err.message}.`);
    throw err;
  }
}

/** Problems in .opsaudit.yml are findings (parse-error) like any bad file; they are also worth a line on stderr. */
function configWarnings(report: Report): string[] {
  const out: string[] = [];
  for (const f of report.findings) {
    const p = f.proof[0];
    if (f.rule !== 'parse-error' || p?.kind !== 'file' || !(CONFIG_FILES as readonly string[]).includes(p.path)) continue;
    const message = f.description.replace(`${p.path} could not be parsed as opsaudit config: `, '');
    out.push(`opsaudit: warning: ${p.path}${p.line !== undefined ? `:${p.line}` : ''}: ${message} (not applied)`);
  }
  return out;
}

function gate(findings: Finding[], limit: Severity | undefined): Finding[] {
  if (!limit) return [];
  return findings.filter((f) => severityRank(f.severity) >= severityRank(limit));
}

export async function scanCommand(path: string | undefined, opts: ScanOptions): Promise<void> {
  const { urls, endpoints } = endpointOptions(opts);
  const { specs, host } = hostOptions(opts);
  // With only --url or --host, no repository is audited; otherwise the current directory is the default.
  const root = path ?? (urls.length > 0 || specs.length > 0 ? undefined : '.');
  if (root !== undefined && (!existsSync(root) || !statSync(root).isDirectory())) throw new UsageError(`${root}: no such directory. Pass the path of the repository to audit.`);
  if (!(FORMATS as readonly string[]).includes(opts.format))
    throw new UsageError(`--format ${opts.format}: unknown format. Use one of: ${FORMATS.join(', ')}.`);
  const failOn = severityOption('--fail-on', opts.failOn);
  const failOnNew = severityOption('--fail-on-new', opts.failOnNew);
  if (failOnNew && !opts.baseline) throw new UsageError('--fail-on-new needs --baseline FILE (a JSON report of the base branch) to know which findings are new.');
  if (opts.ruleDocsUrl !== undefined && !/^https?:\/\/\S+$/.test(opts.ruleDocsUrl))
    throw new UsageError(`--rule-docs-url ${opts.ruleDocsUrl}: must be an absolute http(s) URL.`);
  const baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;

  const verifyBackups = backupOptions(opts, host.thresholds?.backupRpoHours);

  const progress = opts.quiet ? undefined : progressLine(process.stderr);
  let report: Report;
  try {
    report =
      urls.length > 0 || specs.length > 0 || verifyBackups
        ? await auditAll({ repo: root, urls, endpoints, hosts: specs, host, verifyBackups, onProgress: progress?.update })
        : auditRepository(root ?? '.', { onProgress: progress?.update });
  } catch (err) {
    if (err instanceof VerifyInputError) throw new UsageError(err.message);
    throw err;
  } finally {
    progress?.done();
  }
  if (baseline) report = compareWithBaseline(report, baseline);
  if (!opts.quiet) for (const w of configWarnings(report)) process.stderr.write(`${w}\n`);

  const color = opts.color !== false && !opts.output && wantsColor(process.stdout);
  const text = render(opts.format as Format, report, { color, rules: RULES, ruleDocsBaseUrl: opts.ruleDocsUrl });
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);

  // A host that could not be audited at all makes the report incomplete: exit 3, whatever the findings.
  const unaudited = unauditedHosts(report);
  if (unaudited.length > 0) throw new ExitError(3, unaudited.map((u) => `${u.host} could not be audited: ${u.reason}`).join('\n'));

  // Suppressed findings are accepted: they stay in the report but never fail a gate.
  const active = activeFindings(report);
  const hits = gate(active, failOn);
  const newHits = gate(
    active.filter((f) => f.baseline === 'new'),
    failOnNew,
  );
  const reasons: string[] = [];
  if (hits.length > 0) reasons.push(`${hits.length} finding(s) at or above ${failOn}: ${hits.map((f) => f.id).join(', ')}`);
  if (newHits.length > 0) reasons.push(`${newHits.length} new finding(s) at or above ${failOnNew}: ${newHits.map((f) => `${f.id} ${f.rule}`).join(', ')}`);
  if (reasons.length > 0) throw new ExitError(1, opts.quiet ? '' : reasons.join('; '));
}

/** Colour on a TTY only; NO_COLOR disables and FORCE_COLOR enables (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
