import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { MarkerSplitter, SHELL_PRELUDE, batchScript, type BatchCommand } from './batch.js';

interface Split {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  completed: boolean;
}

/** Splits a shell's stdout and stderr back into one result per command, feeding them in chunks of `chunk` bytes. */
function split(count: number, stdout: Buffer, stderr: Buffer, nonce: string, chunk = 1 << 20): Split[] {
  const res: Split[] = Array.from({ length: count }, () => ({ exitCode: null, stdout: '', stderr: '', completed: false }));
  const bytes = res.map(() => ({ out: [] as Buffer[], err: [] as Buffer[] }));
  const feed = (which: 'out' | 'err', data: Buffer) => {
    const s = new MarkerSplitter(nonce, {
      begin: () => {},
      data: (i, b) => bytes[i][which].push(b),
      end: (i, code) => {
        if (which === 'out') {
          res[i].exitCode = code;
          res[i].completed = true;
        }
      },
    });
    for (let k = 0; k < data.length; k += chunk) s.feed(data.subarray(k, k + chunk));
    s.flush();
  };
  feed('out', stdout);
  feed('err', stderr);
  bytes.forEach((b, i) => {
    res[i].stdout = Buffer.concat(b.out).toString('utf8');
    res[i].stderr = Buffer.concat(b.err).toString('utf8');
  });
  return res;
}

/** Runs batches the way an SSH session does: the shell reads the prelude and two batches from its stdin. */
function runWith(shell: string, commands: BatchCommand[], chunk?: number): Split[] {
  const nonce = randomBytes(16).toString('hex');
  const half = Math.ceil(commands.length / 2);
  const input = SHELL_PRELUDE + batchScript(commands.slice(0, half), nonce, 0) + batchScript(commands.slice(half), nonce, half);
  const r = spawnSync(shell, [], { input, timeout: 30_000 });
  return split(commands.length, r.stdout, r.stderr, nonce, chunk);
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
      assert.ok(res.every((r) => r.completed));
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

  it('splits the same way when the output arrives a few bytes at a time (markers and characters cut)', () => {
    const commands = [
      { argv: ['printf', 'h\u00e9llo w\u00f6rld \u2014 %s', 'x'.repeat(300)], timeoutMs: 5000 },
      { argv: ['sh', '-c', 'echo err >&2; printf "no newline"'], timeoutMs: 5000 },
      { argv: ['echo', 'last'], timeoutMs: 5000 },
    ];
    for (const chunk of [1, 3, 7, 33]) {
      const res = runWith('/bin/sh', commands, chunk);
      assert.deepEqual(
        res.map((r) => [r.exitCode, r.stdout, r.stderr]),
        [
          [0, `h\u00e9llo w\u00f6rld \u2014 ${'x'.repeat(300)}`, ''],
          [0, 'no newline', 'err\n'],
          [0, 'last\n', ''],
        ],
        `chunks of ${chunk} bytes`,
      );
    }
  });

  it('never lets output fake a marker without the nonce, and drops text before the first command', () => {
    const nonce = 'a'.repeat(32);
    const stdout = Buffer.from(`login banner\n${nonce} b 0\nfake\nbbbb e 0 0\nreal\n${nonce} e 0 0\n`);
    const [r] = split(1, stdout, Buffer.alloc(0), nonce);
    assert.equal(r.stdout, 'fake\nbbbb e 0 0\nreal');
    assert.equal(r.exitCode, 0);
  });

  it('marks commands the shell never finished', () => {
    const nonce = 'b'.repeat(32);
    const res = split(2, Buffer.from(`${nonce} b 0\npartial`), Buffer.alloc(0), nonce);
    assert.deepEqual(res.map((r) => r.completed), [false, false]);
    assert.equal(res[0].stdout, 'partial');
  });

  it('refuses a guessable nonce', () => {
    assert.throws(() => batchScript([{ argv: ['id'], timeoutMs: 1000 }], 'x'), /random hex/);
  });
});
