import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTerminal } from './terminal.js';
import { EMPTY_REPORT, SAMPLE_REPORT } from './fixtures/sample-report.js';
import { assertGolden } from './fixtures/golden.js';

const ANSI = /\u001b\[[0-9;]*m/;

describe('renderTerminal', () => {
  it('matches the golden output without colour (UPDATE_GOLDEN=1 rewrites it)', () => {
    assertGolden('terminal.txt', renderTerminal(SAMPLE_REPORT, { color: false }));
  });

  it('matches the golden empty output', () => {
    assertGolden('terminal-empty.txt', renderTerminal(EMPTY_REPORT, { color: false }));
  });

  it('emits ANSI codes with colour on and none with colour off', () => {
    assert.match(renderTerminal(SAMPLE_REPORT, { color: true }), ANSI);
    assert.doesNotMatch(renderTerminal(SAMPLE_REPORT, { color: false }), /\u001b/);
  });

  it('says the same thing with and without colour', () => {
    const stripped = renderTerminal(SAMPLE_REPORT, { color: true }).replace(/\u001b\[[0-9;]*m/g, '');
    assert.equal(stripped, renderTerminal(SAMPLE_REPORT, { color: false }));
  });

  it('never passes escape sequences from repository text to the terminal, even with colour on', () => {
    const out = renderTerminal(SAMPLE_REPORT, { color: true });
    // picocolors only emits SGR sequences; anything else would come from the report's text.
    assert.doesNotMatch(out.replace(/\u001b\[[0-9;]*m/g, ''), /\u001b/);
    assert.match(out, /printf '\\x1b\[32mdone\\x1b\[0m\\n'/);
  });

  it('names the file of a quoted line that is not in the location file', () => {
    const report = {
      ...SAMPLE_REPORT,
      findings: [
        {
          ...SAMPLE_REPORT.findings[1],
          proof: [SAMPLE_REPORT.findings[1].proof[0], { kind: 'file' as const, path: '.env.prod', line: 4, text: 'REDIS_URL=redis://redis:6379/0' }],
        },
      ],
    };
    const out = renderTerminal(report, { color: false });
    assert.match(out, /  156 \|     command: redis-server.*\n    \.env\.prod:4\n        4 \| REDIS_URL=redis:\/\/redis:6379\/0\n/);
  });
});
