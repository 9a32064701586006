// Helpers for checking a report against the shared results contract (../shared/tools/check-report.py).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the shared contract checker lives: beside the repository (CI layout) or named by OPSAUDIT_CHECK_REPORT. */
export function contractChecker(): string | null {
  const candidates = [process.env.OPSAUDIT_CHECK_REPORT, resolve('..', 'shared', 'tools', 'check-report.py')];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string)) ?? null;
}

/** Runs check-report.py on a JSON report; returns its exit code and output. */
export function checkReport(reportPath: string, root: string, extra: string[] = []): { code: number | null; output: string } {
  const checker = contractChecker();
  if (!checker) throw new Error('check-report.py not found');
  const r = spawnSync('python3', [checker, reportPath, root, ...extra], { encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}
