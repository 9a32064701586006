// .opsaudit.yml validation: every problem with its line, invalid entries never applied, the published schema in sync.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { parse as parseYamlLib } from 'yaml';
import { CONFIG_SCHEMA } from './config-schema.js';
import { isExpired, isoDay, parseConfig } from './config.js';

const SCHEMA_FILE = 'schema/opsaudit.schema.json';

describe('parseConfig', () => {
  it('reads valid entries with their locations', () => {
    const text = [
      '# yaml-language-server: $schema=./schema/opsaudit.schema.json',
      'version: 1',
      'ignore:',
      '  - rule: compose/redis-without-password',
      '    reason: Redis only listens on the internal compose network',
      '    paths: [docker-compose.dev.yml, "deploy/local/**"]',
      '    expires: 2026-06-30',
      '  - rule: dockerfile/no-healthcheck',
      '    reason: >-',
      '      the orchestrator probes',
      '      the port itself',
      '',
    ].join('\n');
    const { suppressions, problems } = parseConfig('.opsaudit.yml', text);
    assert.deepEqual(problems, []);
    assert.equal(suppressions.length, 2);
    const [a, b] = suppressions;
    assert.equal(a.rule.value, 'compose/redis-without-password');
    assert.equal(a.rule.loc.line, 4);
    assert.deepEqual(
      a.paths.map((p) => [p.value, p.loc.line]),
      [
        ['docker-compose.dev.yml', 6],
        ['deploy/local/**', 6],
      ],
    );
    assert.equal(a.expires?.value, '2026-06-30');
    assert.equal(a.expires?.loc.line, 7);
    assert.equal(a.loc.line, 4);
    assert.equal(b.reason.value, 'the orchestrator probes the port itself');
    assert.equal(b.expires, null);
    assert.deepEqual(b.paths, []);
  });

  it('reports every problem with its line and applies only the valid entries', () => {
    const text = [
      'version: 1',
      'ignore:',
      '  - rule: compose/redis-without-password', // 3: no reason
      '    expires: 2026-02-30', //                   4: not a date
      '  - rule: Not A Rule', //                      5
      '    reason: x',
      '    colour: red', //                           7: unknown key
      '  - rule: dockerfile/no-healthcheck',
      '    reason: "   "', //                         9: empty reason
      '  - rule: parse-error', //                     10: valid
      '    reason: generated files',
      '    paths: []', //                             12: empty list
      '  - rule: nginx/server-tokens', //             13: valid
      '    reason: behind a CDN that strips Server',
      'extra: true', //                               15: unknown top-level key
      '',
    ].join('\n');
    const { suppressions, problems } = parseConfig('.opsaudit.yml', text);
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.col} ${p.message}`),
      [
        '3:5 ignore[0]: "reason" is required: say why this finding is acceptable',
        '4:14 ignore[0].expires: "2026-02-30" is not a date in the form YYYY-MM-DD',
        '5:11 ignore[1].rule: "Not A Rule" is not a rule id (see `opsaudit rules`)',
        '7:5 ignore[1]: unknown key "colour" (allowed: rule, reason, paths, expires)',
        '9:13 ignore[2].reason: the reason must not be empty',
        '12:12 ignore[3].paths: list at least one path, or remove "paths" to ignore the rule everywhere',
        '15:1 unknown key "extra" (allowed: version, ignore)',
      ],
    );
    assert.deepEqual(
      suppressions.map((s) => s.rule.value),
      ['nginx/server-tokens'],
    );
  });

  it('applies nothing when the version or the list itself is wrong', () => {
    const wrongVersion = parseConfig('.opsaudit.yml', 'version: 2\nignore:\n  - rule: parse-error\n    reason: ok\n');
    assert.deepEqual(
      wrongVersion.problems.map((p) => `${p.line} ${p.message}`),
      ['1 version: must be 1, not 2'],
    );
    assert.deepEqual(wrongVersion.suppressions, []);
    const notAList = parseConfig('.opsaudit.yml', 'ignore:\n  rule: parse-error\n  reason: ok\n');
    assert.deepEqual(
      notAList.problems.map((p) => `${p.line} ${p.message}`),
      ['2 ignore: must be a list, not a mapping'],
    );
    const list = parseConfig('.opsaudit.yml', '- rule: parse-error\n');
    assert.deepEqual(
      list.problems.map((p) => `${p.line} ${p.message}`),
      ['1 the file: must be a mapping, not a list'],
    );
  });

  it('reports a YAML syntax error at its line and never throws', () => {
    const { suppressions, problems } = parseConfig('.opsaudit.yml', 'ignore:\n  - rule: parse-error\n    reason: "unterminated\n');
    assert.deepEqual(suppressions, []);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^YAML syntax error: /);
    assert.ok(problems[0].line >= 3, `line ${problems[0].line}`);
    for (const junk of ['', '\n', '# only a comment\n', '[', '{{{', '\u0000\u0001', 'ignore: 5']) assert.doesNotThrow(() => parseConfig('x.yml', junk));
    assert.deepEqual(parseConfig('.opsaudit.yml', '# nothing yet\n'), { suppressions: [], problems: [] });
  });
});

describe('expiry dates', () => {
  it('expires the day after the date written (inclusive)', () => {
    assert.equal(isoDay(new Date('2026-03-01T23:59:59Z')), '2026-03-01');
    assert.equal(isExpired('2026-03-01', '2026-03-01'), false);
    assert.equal(isExpired('2026-03-01', '2026-03-02'), true);
    assert.equal(isExpired('2026-12-31', '2026-03-02'), false);
  });
});

describe('schema/opsaudit.schema.json', () => {
  const expected = `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;

  it('is the schema the validator uses (UPDATE_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, expected);
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), expected, `${SCHEMA_FILE} is stale; run UPDATE_SCHEMA=1 node scripts/run-tests.mjs src/core/config`);
  });

  it('is a valid draft-07 schema that accepts the documented example and rejects a missing reason', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormatsPlugin.default(ajv, ['date']);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const example = parseYamlLib(readFileSync('docs/ci.md', 'utf8').split('```yaml\n# .opsaudit.yml\n')[1].split('```')[0]);
    assert.ok(validate(example), JSON.stringify(validate.errors));
    assert.ok(!validate({ ignore: [{ rule: 'parse-error' }] }));
  });
});
