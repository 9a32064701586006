// `opsaudit scan [path]`: wiring only — audit, render, write, and decide the exit code.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { auditRepository } from '../../audit.js';
import { ExitError, UsageError } from '../../core/errors.js';
import { isSeverity, severityRank, type Severity } from '../../core/types/severity.js';
import { FORMATS, render, type Format } from '../../report/index.js';
import { progressLine } from '../progress.js';

export interface ScanOptions {
  format: string;
  output?: string;
  failOn?: string;
  quiet?: boolean;
  color?: boolean;
}

export function scanCommand(path: string | undefined, opts: ScanOptions): void {
  const root = path ?? '.';
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${root}: no such directory. Pass the path of the repository to audit.`);
  if (!(FORMATS as readonly string[]).includes(opts.format))
    throw new UsageError(`--format ${opts.format}: unknown format. Use one of: ${FORMATS.join(', ')}.`);
  let failOn: Severity | undefined;
  if (opts.failOn !== undefined) {
    if (!isSeverity(opts.failOn)) throw new UsageError(`--fail-on ${opts.failOn}: unknown severity. Use critical, high, medium, low or info.`);
    failOn = opts.failOn;
  }
  const progress = opts.quiet ? undefined : progressLine(process.stderr);
  const report = auditRepository(root, { onProgress: progress?.update });
  progress?.done();
  const color = opts.color !== false && !opts.output && wantsColor(process.stdout);
  const text = render(opts.format as Format, report, { color });
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
  if (failOn) {
    const limit = severityRank(failOn);
    const hits = report.findings.filter((f) => severityRank(f.severity) >= limit);
    if (hits.length > 0) throw new ExitError(1, opts.quiet ? '' : `${hits.length} finding(s) at or above ${failOn}`);
  }
}

/** Colour on a TTY only; NO_COLOR disables and FORCE_COLOR enables (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
