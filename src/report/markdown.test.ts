import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from './markdown.js';
import { codeBlock, escapeBlock, escapeHeading, escapeText, inlineCode, link, table, tableCell } from './markdown-escape.js';
import { EMPTY_REPORT, SAMPLE_REPORT } from './fixtures/sample-report.js';
import { assertGolden } from './fixtures/golden.js';
import type { Report } from '../core/types/check.js';

describe('renderMarkdown', () => {
  it('matches the golden report (UPDATE_GOLDEN=1 rewrites it)', () => {
    assertGolden('markdown.md', renderMarkdown(SAMPLE_REPORT));
  });

  it('matches the golden empty report', () => {
    assertGolden('markdown-empty.md', renderMarkdown(EMPTY_REPORT));
  });

  it('is deterministic and does not mutate the report', () => {
    const before = JSON.stringify(SAMPLE_REPORT);
    assert.equal(renderMarkdown(SAMPLE_REPORT), renderMarkdown(SAMPLE_REPORT));
    assert.equal(JSON.stringify(SAMPLE_REPORT), before);
  });

  it('renders every finding once, worst severity first, with its location and quoted line', () => {
    const md = renderMarkdown(SAMPLE_REPORT);
    const headings = [...md.matchAll(/^### (OPS-\d{3}) — /gm)].map((m) => m[1]);
    assert.deepEqual(headings, SAMPLE_REPORT.findings.map((f) => f.id));
    assert.match(md, /\*\*Location\*\*: `docker-compose\.prod\.yaml:156`\n\n```yaml\n    command: redis-server --appendonly yes/);
    assert.match(md, /\*\*Location\*\*: `Dockerfile\.prod` — no HEALTHCHECK among 75 lines\n/);
    assert.match(md, /\*\*Location\*\*: command on `web-1` \(exit 3\)\n\n```console\n\$ systemctl is-active node_exporter\ninactive\n```/);
    assert.ok(md.indexOf('Critical findings') < md.indexOf('High findings'));
    assert.ok(md.indexOf('High findings') < md.indexOf('Info findings'));
  });

  it('uses a longer fence when the quoted line holds a backtick fence, and never prints control characters', () => {
    const md = renderMarkdown(SAMPLE_REPORT);
    assert.match(md, /````sh\n    echo '```' >> backups\/README\.md; printf '\\x1b\[32mdone\\x1b\[0m\\n'\n````/);
    assert.doesNotMatch(md, /\u001b/);
  });

  it('lists unknown checks with their reasons under "Not checked"', () => {
    const md = renderMarkdown(SAMPLE_REPORT);
    const section = md.slice(md.indexOf('## Not checked (2)'), md.indexOf('## Prioritised actions'));
    assert.match(section, /`compose\/postgres-exposed` on `docker-compose\.override\.yml`: docker-compose\.override\.yml could not be parsed/);
    assert.match(section, /`django\/allowed-hosts` on `onespirit_project\/settings\/prod\.py`: ALLOWED_HOSTS comes from/);
  });

  it('groups prioritised actions as in seed 002, one action per rule, numbering across groups', () => {
    const md = renderMarkdown(SAMPLE_REPORT);
    const section = md.slice(md.indexOf('## Prioritised actions'), md.indexOf('## Escalation request'));
    assert.match(section, /### 🔴 Must fix before production\n\n1\. \*\*SECRET_KEY is written in the settings file\*\* \(`django\/secret-key-literal`\): OPS-001\n/);
    assert.match(section, /### 🟠 Should fix\n\n2\. \*\*Redis accepts connections without a password\*\* \(`compose\/redis-without-password`\): OPS-002, OPS-003\n/);
    assert.match(section, /### 🟡 Recommended\n\n3\. .*OPS-004\n4\. .*OPS-005\n/);
    assert.match(section, /### 🟢 Nice to have\n\n5\. .*OPS-006\n6\. .*OPS-007\n7\. .*OPS-008/);
  });

  it('shows the escalation request only when there is one', () => {
    assert.match(renderMarkdown(SAMPLE_REPORT), /## Escalation request\n\nThis audit recommends a review by the \*\*strong\*\* tier because:\n\n- OPS-001/);
    assert.doesNotMatch(renderMarkdown(EMPTY_REPORT), /Escalation/);
  });

  it('keeps table rows intact when user text holds pipes', () => {
    const report: Report = {
      ...SAMPLE_REPORT,
      score: { ...SAMPLE_REPORT.score, categories: [{ ...SAMPLE_REPORT.score.categories[0], title: 'Back|ups' }] },
    };
    const row = renderMarkdown(report).split('\n').find((l) => l.startsWith('| Back'));
    assert.equal(row, '| Back\\|ups | 0% | ░░░░░░░░░░ | 0 | 1 | 0 |');
  });
});

describe('markdown escaping', () => {
  it('escapes emphasis, links, html and entities but keeps identifiers readable', () => {
    assert.equal(escapeText('SECURE_SSL_REDIRECT is _off_ for *all* [hosts](x) <b> &amp; a & b'), 'SECURE_SSL_REDIRECT is \\_off\\_ for \\*all\\* \\[hosts](x) \\<b> \\&amp; a & b');
  });

  it('keeps balanced code spans and escapes stray backticks', () => {
    assert.equal(escapeText('set `DEBUG = False` (not `*`)'), 'set `DEBUG = False` (not `*`)');
    assert.equal(escapeText('a ` lone backtick *'), 'a \\` lone backtick \\*');
    assert.equal(escapeText('``a ` b`` then `c'), '``a ` b`` then \\`c');
  });

  it('escapes backslashes only where CommonMark would eat them', () => {
    assert.equal(escapeText('C:\\path \\* end\\'), 'C:\\path \\\\\\* end\\\\');
  });

  it('puts everything on one line and makes control characters visible', () => {
    assert.equal(escapeText('one\n  two\r\nthree'), 'one two three');
    assert.equal(escapeText('red \u001b[31m'), 'red \\x1b\\[31m');
  });

  it('escapes block starts only where text begins a block', () => {
    assert.equal(escapeBlock('# not a heading'), '\\# not a heading');
    assert.equal(escapeBlock('1. not a list'), '1\\. not a list');
    assert.equal(escapeBlock('- not a list'), '\\- not a list');
    assert.equal(escapeText('1.0 is a version'), '1.0 is a version');
    assert.equal(escapeHeading('use C #'), 'use C \\#');
  });

  it('builds inline code with a delimiter longer than any backtick run', () => {
    assert.equal(inlineCode('plain'), '`plain`');
    assert.equal(inlineCode('echo `date`'), '`` echo `date` ``');
    assert.equal(inlineCode('a ``b`` c'), '```a ``b`` c```');
    assert.equal(inlineCode(''), '` `');
  });

  it('builds fenced blocks longer than any backtick run inside', () => {
    assert.equal(codeBlock('x = 1', 'python'), '```python\nx = 1\n```');
    assert.equal(codeBlock('````\n', ''), '`````\n````\n`````');
  });

  it('escapes pipes in table cells, also inside code spans', () => {
    assert.equal(tableCell('`a|b` c|d'), '`a\\|b` c\\|d');
    assert.equal(table(['A', 'B'], [['1', 'x|y']], ['r', 'l']), '| A | B |\n|---:|---|\n| 1 | x\\|y |');
  });

  it('builds links with escaped text and safe targets', () => {
    assert.equal(link('Docs [v2]', 'https://example.org/a'), '[Docs \\[v2]](https://example.org/a)');
    assert.equal(link('x', 'https://example.org/a (b)'), '[x](<https://example.org/a (b)>)');
  });
});
