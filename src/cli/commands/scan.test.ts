// Colour decisions of `opsaudit scan`: a terminal gets colour, a pipe does not; NO_COLOR and FORCE_COLOR win.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { wantsColor } from './scan.js';

const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

function setEnv(name: 'NO_COLOR' | 'FORCE_COLOR', value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe('wantsColor', () => {
  afterEach(() => {
    setEnv('NO_COLOR', saved.NO_COLOR);
    setEnv('FORCE_COLOR', saved.FORCE_COLOR);
  });

  it('colours a terminal and not a pipe', () => {
    setEnv('NO_COLOR', undefined);
    setEnv('FORCE_COLOR', undefined);
    assert.equal(wantsColor(tty), true);
    assert.equal(wantsColor(pipe), false);
  });

  it('NO_COLOR (non-empty) turns colour off, even with FORCE_COLOR', () => {
    setEnv('NO_COLOR', '1');
    setEnv('FORCE_COLOR', '1');
    assert.equal(wantsColor(tty), false);
    setEnv('NO_COLOR', '');
    assert.equal(wantsColor(pipe), true, 'an empty NO_COLOR does not count (no-color.org)');
  });

  it('FORCE_COLOR turns colour on for a pipe, except FORCE_COLOR=0', () => {
    setEnv('NO_COLOR', undefined);
    setEnv('FORCE_COLOR', '1');
    assert.equal(wantsColor(pipe), true);
    setEnv('FORCE_COLOR', '0');
    assert.equal(wantsColor(pipe), false);
  });
});
