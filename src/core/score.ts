// Scorecard: completion per category and an overall score whose formula the report states.
import type { Check, CategoryScore, Score } from './types/check.js';
import { CATEGORIES, CATEGORY_TITLES, type Severity } from './types/severity.js';

/** Weight of a check in the overall score, by the severity its failure would have. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

export const SCORE_FORMULA =
  'score = 10 × Σ weight(passed checks) / Σ weight(passed + failed + unknown checks), ' +
  'weights by severity: critical 10, high 5, medium 3, low 1, info 0; not-applicable checks are left out. ' +
  'Category completion = passed / (passed + failed + unknown).';

/** Computes the scorecard; `severityOf` gives each check's weight class (the rule's or the finding's severity). */
export function computeScore(checks: readonly Check[], severityOf: (c: Check) => Severity): Score {
  const categories: CategoryScore[] = CATEGORIES.map((category) => {
    const mine = checks.filter((c) => c.category === category);
    const passed = mine.filter((c) => c.status === 'pass').length;
    const failed = mine.filter((c) => c.status === 'fail').length;
    const unknown = mine.filter((c) => c.status === 'unknown').length;
    const applicable = passed + failed + unknown;
    return {
      category,
      title: CATEGORY_TITLES[category],
      passed,
      failed,
      unknown,
      applicable,
      completion: applicable === 0 ? null : Math.round((passed / applicable) * 100),
    };
  });
  let earned = 0;
  let possible = 0;
  for (const c of checks) {
    if (c.status === 'not-applicable') continue;
    const w = SEVERITY_WEIGHT[severityOf(c)];
    possible += w;
    if (c.status === 'pass') earned += w;
  }
  const overall = possible === 0 ? 0 : Math.round((earned / possible) * 100) / 10;
  return { overall, formula: SCORE_FORMULA, categories };
}
