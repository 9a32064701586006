import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locatedLines, parseOutline, textLines } from './doc-outline.js';

describe('parseOutline', () => {
  it('reads Markdown ATX and setext headings with their sections, ignoring fenced code', () => {
    const lines = textLines(['# Shop', '', 'Intro', '', 'Backups', '-------', '', '```bash', '# not a heading', '```', '', '## Restore', 'pg_restore ...', '', '# Other'].join('\n'));
    const h = parseOutline('README.md', lines);
    assert.deepEqual(
      h.map((x) => [x.level, x.title.value, x.title.loc.line, x.endLine]),
      [
        [1, 'Shop', 1, 14],
        [2, 'Backups', 5, 11],
        [2, 'Restore', 12, 14],
        [1, 'Other', 15, 15],
      ],
    );
    assert.equal(h[0].title.loc.col, 3);
  });

  it('reads reStructuredText titles, levels in order of first use', () => {
    const lines = textLines(['Operations', '==========', '', 'Disaster recovery', '-----------------', 'text'].join('\n'));
    assert.deepEqual(parseOutline('docs/ops.rst', lines).map((x) => [x.level, x.title.value]), [[1, 'Operations'], [2, 'Disaster recovery']]);
  });

  it('locates non-blank lines on their whole line', () => {
    const l = locatedLines('a.md', ['x', '', 'RPO: 24 h']);
    assert.deepEqual(l.map((x) => [x.value, x.loc.line, x.loc.endCol]), [['x', 1, 2], ['RPO: 24 h', 3, 10]]);
  });
});
