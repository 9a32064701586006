// `opsaudit rules` and `opsaudit explain <rule>`: the catalogue from rule metadata.
import { UsageError } from '../../core/errors.js';
import { RULES, findRule } from '../../rules/index.js';

export function rulesCommand(): void {
  const width = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.category.padEnd(11)}  ${r.title}`);
  process.stdout.write(`${['RULE'.padEnd(width) + '  SEVERITY  CATEGORY     TITLE', ...lines].join('\n')}\n`);
}

export function explainCommand(id: string): void {
  const rule = findRule(id);
  if (!rule) throw new UsageError(`${id}: no such rule. Run \`opsaudit rules\` to list them.`);
  const out = [
    `${rule.id} — ${rule.title}`,
    `severity: ${rule.severity}   category: ${rule.category}`,
    '',
    `Why: ${rule.why}`,
    '',
    `Fix: ${rule.fix}`,
    '',
    `Verify: ${rule.verify}`,
    '',
    'References:',
    ...rule.references.map((r) => `  - ${r.title}: ${r.url}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
