// The progress line: only on a terminal, only after a short delay, truncated to the width, erased when done.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressLine } from './progress.js';

function fakeStream(isTTY: boolean, columns = 40) {
  const written: string[] = [];
  const stream = { isTTY, columns, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressLine', () => {
  it('is off when stderr is not a terminal (pipes, files, CI logs)', () => {
    assert.equal(progressLine(fakeStream(false).stream), undefined);
  });

  it('draws nothing for a scan that ends before the delay', () => {
    let t = 1000;
    const { stream, written } = fakeStream(true);
    const p = progressLine(stream, { now: () => t, delayMs: 150 });
    p?.update('discovering files');
    t += 100;
    p?.update('running rules');
    p?.done();
    assert.deepEqual(written, []);
  });

  it('redraws one line per phase on a long scan, truncated to the terminal width, and erases it', () => {
    let t = 0;
    const { stream, written } = fakeStream(true, 40);
    const p = progressLine(stream, { now: () => t, delayMs: 150 });
    p?.update('discovering files');
    t = 400;
    p?.update('reading 5123 ops files');
    p?.update('evaluating Django settings of a very long project name');
    p?.done();
    assert.deepEqual(written, [
      '\r\x1b[2Kopsaudit: reading 5123 ops files…',
      '\r\x1b[2Kopsaudit: evaluating Django settings o…',
      '\r\x1b[2K',
    ]);
  });
});
