// `opsaudit rules` and `opsaudit explain <rule>`: the catalogue from rule metadata.
import { UsageError } from '../../core/errors.js';
import { RULES, findRule } from '../../rules/index.js';

export function rulesCommand(): void {
  const width = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.category.padEnd(11)}  ${r.title}`);
  process.stdout.write(`${['RULE'.padEnd(width) + '  SEVERITY  CATEGORY     TITLE', ...lines].join('\n')}\n`);
}

/** Rule ids sharing a word with what was typed, for a "did you mean". */
function similar(id: string): string[] {
  const words = id.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  return RULES.map((r) => r.id).filter((rid) => words.some((w) => rid.includes(w))).slice(0, 5);
}

export function explainCommand(id: string): void {
  const rule = findRule(id);
  if (!rule) {
    const near = similar(id);
    throw new UsageError(`${id}: no such rule.${near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : ''} Run \`opsaudit rules\` to list them.`);
  }
  const messages = Object.entries(rule.messages as Record<string, string>);
  const out = [
    `${rule.id} — ${rule.title}`,
    `severity: ${rule.severity}   category: ${rule.category}${rule.aliases?.length ? `   aliases: ${rule.aliases.join(', ')}` : ''}`,
    '',
    `Why: ${rule.why}`,
    '',
    `Fix: ${rule.fix}`,
    '',
    `Verify: ${rule.verify}`,
    '',
    'Example findings ({placeholders} are filled from what was found):',
    ...messages.map(([mid, text]) => `  [${mid}] ${text}`),
    '',
    'To accept a finding of this rule (it stays in JSON and SARIF, marked suppressed):',
    `  # opsaudit: ignore[${rule.id}] <why it is acceptable>     (on the finding's line or the line above)`,
    `  or in .opsaudit.yml:  ignore: [{ rule: ${rule.id}, reason: "...", paths: ["..."], expires: YYYY-MM-DD }]`,
    '',
    'References:',
    ...rule.references.map((r) => `  - ${r.title}: ${r.url}`),
    '',
    `Documentation: docs/rules/${rule.id}.md`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
