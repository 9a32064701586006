// JSON reporter: the results contract, a superset of the seed-000 output format.
import type { Report } from '../core/types/check.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
