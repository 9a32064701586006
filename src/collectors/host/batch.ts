// Several allowlisted commands through one long-lived shell per SSH session. Every session costs the server a
// login shell and sshd's session set-up (on Debian, bash reads ~/.bashrc even for `ssh host cmd`), which on real
// servers often costs more than the probe itself; a host audit therefore opens at most two sessions and writes
// its commands, batch after batch, to the standard input of a POSIX sh started there.
//
// The script is made only of fixed framing and the allowlisted argument vectors, each word quoted (shellJoin):
// no value from the audited host or the user reaches it unquoted. Each command runs with stdin from /dev/null
// (it must not read the script) between marker lines carrying a random nonce on stdout and on stderr, so both
// streams and the exit status split back exactly per command. Nothing is written on the host: no temporary file,
// no change of directory. Time limits and durations are kept on our side, from the markers' arrival, so no
// `timeout` or `date` process is started per command.
import { shellJoin } from './shell-quote.js';

export interface BatchCommand {
  argv: readonly string[];
  timeoutMs: number;
}

/** What the shell runs first: sbin on PATH and the C locale, as for a single command. */
export const SHELL_PRELUDE = 'PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; LC_ALL=C; LANG=C; export PATH LC_ALL LANG\n';

function checkNonce(nonce: string): void {
  if (!/^[0-9a-f]{16,}$/.test(nonce)) throw new Error('the batch nonce must be random hex');
}

/**
 * The script lines for commands numbered from `first`. `nonce` must be unguessable (random hex) so that output
 * cannot fake a marker.
 */
export function batchScript(commands: readonly BatchCommand[], nonce: string, first = 0): string {
  checkNonce(nonce);
  return commands
    .map((c, k) => {
      const i = first + k;
      return [
        `echo "${nonce} b ${i}"; echo "${nonce} b ${i}" >&2`,
        `${shellJoin(c.argv)} </dev/null`,
        `printf '\\n%s\\n' "${nonce} e ${i} $?"; printf '\\n%s\\n' "${nonce} e ${i}" >&2\n`,
      ].join('\n');
    })
    .join('');
}

/** What a MarkerSplitter reports while a stream arrives. */
export interface SplitEvents {
  begin(index: number): void;
  /** Output of command `index` (raw bytes: decoded once the command is complete). */
  data(index: number, bytes: Buffer): void;
  /** `exitCode` is read from the stdout end marker; the stderr one carries none (null). */
  end(index: number, exitCode: number | null): void;
}

/**
 * Splits one stream (stdout or stderr of the shell) into per-command output as it arrives. Markers are
 * `<nonce> b <i>` at a line start and `\n<nonce> e <i>[ <exit>]`; text outside a command (a login banner) is
 * dropped. Works on bytes, so a character or a marker split between chunks is never mangled.
 */
export class MarkerSplitter {
  private pending = Buffer.alloc(0);
  private current: number | null = null;
  private readonly needle: Buffer;

  constructor(
    nonce: string,
    private readonly on: SplitEvents,
  ) {
    checkNonce(nonce);
    this.needle = Buffer.from(nonce, 'latin1');
  }

  feed(chunk: Buffer): void {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const at = buf.indexOf(this.needle);
      if (at < 0) {
        // Keep what could be the start of a marker; the rest is output.
        const keep = Math.min(buf.length, this.needle.length + 1);
        this.emit(buf.subarray(0, buf.length - keep));
        buf = buf.subarray(buf.length - keep);
        break;
      }
      const nl = buf.indexOf(0x0a, at);
      if (nl < 0) {
        // The marker line is not complete yet: hand out what comes before it (but the newline that may belong to it).
        const upTo = Math.max(0, at - 1);
        this.emit(buf.subarray(0, upTo));
        buf = buf.subarray(upTo);
        break;
      }
      const words = buf.subarray(at + this.needle.length, nl).toString('latin1').trim().split(' ');
      const index = Number(words[1]);
      if ((words[0] !== 'b' && words[0] !== 'e') || !Number.isInteger(index)) {
        // Not a marker of ours (cannot happen with an unguessable nonce): plain output.
        this.emit(buf.subarray(0, nl + 1));
      } else if (words[0] === 'b') {
        this.emit(buf.subarray(0, at));
        this.current = index;
        this.on.begin(index);
      } else {
        // The end marker is printed after a newline of our own: it is not the command's output.
        this.emit(buf.subarray(0, at > 0 && buf[at - 1] === 0x0a ? at - 1 : at));
        this.current = null;
        const code = words.length > 2 ? Number(words[2]) : null;
        this.on.end(index, code !== null && Number.isInteger(code) ? code : null);
      }
      buf = buf.subarray(nl + 1);
    }
    this.pending = Buffer.from(buf);
  }

  /** The stream ended: what was held back (a possible marker start) is output after all. */
  flush(): void {
    this.emit(this.pending);
    this.pending = Buffer.alloc(0);
  }

  private emit(bytes: Buffer): void {
    if (this.current !== null && bytes.length > 0) this.on.data(this.current, bytes);
  }
}
