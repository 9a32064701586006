import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { MarkerWatch, batchScript, parseBatch, type BatchCommand } from './batch.js';

/** Runs a batch script the way sshd does: the login shell gets it as one `-c` string. */
function runWith(shell: string, commands: BatchCommand[]) {
  const nonce = randomBytes(16).toString('hex');
  const r = spawnSync(shell, ['-c', batchScript(commands, nonce)], { encoding: 'utf8', timeout: 30_000 });
  return parseBatch(commands, r.stdout, r.stderr, nonce);
}

const SHELLS = ['/bin/bash', '/bin/sh', '/bin/dash'].filter((s) => existsSync(s));

describe('command batches', () => {
  for (const shell of SHELLS) {
    it(`splits stdout, stderr and exit codes back per command (${shell})`, () => {
      const res = runWith(shell, [
        { argv: ['printf', 'no newline at the end'], timeoutMs: 5000 },
        { argv: ['sh', '-c', 'echo out; echo err >&2; exit 3'], timeoutMs: 5000 },
        { argv: ['printf', '%s\n', "it's \"quoted\" $HOME `id` ; rm -rf /"], timeoutMs: 5000 },
        { argv: ['true'], timeoutMs: 5000 },
        { argv: ['printf', '\n\nblank lines\n\n'], timeoutMs: 5000 },
      ]);
      assert.deepEqual(
        res.map((r) => [r.exitCode, r.stdout, r.stderr, r.completed]),
        [
          [0, 'no newline at the end', '', true],
          [3, 'out\n', 'err\n', true],
          [0, 'it\'s "quoted" $HOME `id` ; rm -rf /\n', '', true],
          [0, '', '', true],
          [0, '\n\nblank lines\n\n', '', true],
        ],
      );
      assert.ok(res.every((r) => r.durationMs >= 0 && r.durationMs < 5000));
    });

    it(`reports a missing command and goes on (${shell})`, () => {
      const res = runWith(shell, [
        { argv: ['opsaudit-no-such-command'], timeoutMs: 5000 },
        { argv: ['echo', 'after'], timeoutMs: 5000 },
      ]);
      assert.equal(res[0].exitCode, 127);
      assert.match(res[0].stderr, /not found|No such file/);
      assert.equal(res[1].stdout, 'after\n');
    });
  }

  it('sees each command begin and end as the output arrives, markers split across chunks included', () => {
    const nonce = 'c'.repeat(32);
    const seen: string[] = [];
    const watch = new MarkerWatch(nonce, (kind, i) => seen.push(`${kind}${i}`));
    const stream = `${nonce} b 0\nsome output ${'x'.repeat(500)}\n${nonce} e 0 0 1 2\n${nonce} b 1\n`;
    for (let i = 0; i < stream.length; i += 7) watch.feed(Buffer.from(stream.slice(i, i + 7)));
    assert.deepEqual(seen, ['b0', 'e0', 'b1']);
  });

  it('never lets output fake a marker without the nonce', () => {
    const nonce = 'a'.repeat(32);
    const commands = [{ argv: ['x'], timeoutMs: 1000 }];
    const stdout = `${nonce} b 0\nfake\nbbbb e 0 0 1 2\nreal\n${nonce} e 0 0 1.5 2.0\n`;
    const [r] = parseBatch(commands, stdout, '', nonce);
    assert.equal(r.stdout, 'fake\nbbbb e 0 0 1 2\nreal');
    assert.equal(r.durationMs, 500);
  });

  it('marks commands the batch never finished', () => {
    const nonce = 'b'.repeat(32);
    const commands = [{ argv: ['x'], timeoutMs: 1000 }, { argv: ['y'], timeoutMs: 1000 }];
    const res = parseBatch(commands, `${nonce} b 0\npartial`, '', nonce);
    assert.deepEqual(res.map((r) => r.completed), [false, false]);
    assert.equal(res[0].stdout, 'partial');
  });

  it('refuses a guessable nonce', () => {
    assert.throws(() => batchScript([{ argv: ['id'], timeoutMs: 1000 }], 'x'), /random hex/);
  });
});
