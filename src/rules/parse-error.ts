// Built-in rule: a file that could not be parsed is a finding with its location, never a silent skip.
import { defineRule } from '../core/define-rule.js';

export default defineRule({
  id: 'parse-error',
  title: 'An ops file could not be parsed',
  category: 'deployment',
  severity: 'medium',
  requires: ['repo'],
  why: 'The tool that reads this file in production (Docker, Compose, nginx, Python) will reject it too, and every check that needs it could not run.',
  fix: 'Fix the syntax error at the reported line; validate with the tool that consumes the file (docker compose config, nginx -t, python -m py_compile).',
  references: [{ title: 'YAML 1.2 specification', url: 'https://yaml.org/spec/1.2.2/' }],
  verify: 'opsaudit scan . --format json   # the parse-error finding for {file} is gone',
  messages: { unparsable: '{file} could not be parsed as {as}: {message}' },
  check({ repo }, ctx) {
    for (const p of repo.parseProblems) {
      ctx.fail('unparsable', {
        at: { file: p.path, line: p.line, col: p.col, endLine: p.line, endCol: p.col },
        target: p.path,
        data: { file: p.path, as: p.as, message: p.message },
      });
    }
    if (repo.parseProblems.length === 0) ctx.pass('all ops files');
  },
});

