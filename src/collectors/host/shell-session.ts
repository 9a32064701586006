// One SSH session running a POSIX sh that reads allowlisted commands from its standard input (see batch.ts for
// the script). Commands are written in batches; each comes back when both its stdout and its stderr end markers
// have arrived. Each command keeps its own time limit, from the moment the shell reaches it: at the limit the
// session is killed (sshd signals the session's process group) and the commands not yet started are handed back
// to be sent again in another session.
import { randomBytes } from 'node:crypto';
import type { Channel, Client as SshClient } from 'ssh2';
import { MarkerSplitter, SHELL_PRELUDE, batchScript, type BatchCommand } from './batch.js';
import type { ExecResult } from './transport.js';

export interface ShellCommand extends BatchCommand {
  resolve(r: ExecResult): void;
}

interface Running {
  command: ShellCommand;
  out: Buffer[];
  err: Buffer[];
  outSize: number;
  errSize: number;
  /** performance.now() when the begin marker arrived. */
  begunAt: number | null;
  endedAt: number | null;
  exitCode: number | null;
  stdoutEnded: boolean;
  stderrEnded: boolean;
}

export interface ShellSessionEvents {
  /** Commands the session will not run (it was killed at a limit): send them again elsewhere. */
  requeue(commands: ShellCommand[]): void;
  /** The login shell never ran our script (a forced command, a non-POSIX shell): run these another way. */
  notAShell(commands: ShellCommand[]): void;
  /** The server refused a new session (MaxSessions reached): run these in the sessions already open. */
  refused(commands: ShellCommand[], why: string): void;
  /** The session is gone (closed, killed or failed); no command is pending in it any more. */
  closed(session: ShellSession): void;
  /** The session finished its last pending command. */
  idle(session: ShellSession): void;
}

/** Extra time for the first marker: the session and the login shell must start first. */
const START_SLACK_MS = 5_000;

/**
 * Asks the server to stop what a session runs (sshd signals the session's process group), then drops the channel:
 * a hung probe must not hold the audit.
 */
export function stopChannel(channel: Channel): void {
  try {
    channel.signal('KILL');
  } catch {
    /* the server may not support signals */
  }
  channel.close();
}

export class ShellSession {
  private readonly nonce = randomBytes(16).toString('hex');
  private readonly running = new Map<number, Running>();
  /** Indexes in the order they were written (the shell runs them in this order). */
  private readonly order: number[] = [];
  private next = 0;
  private channel: Channel | null = null;
  private written: string[] = [];
  private sawMarker = false;
  private dead = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    client: SshClient,
    private readonly maxOutput: number,
    private readonly events: ShellSessionEvents,
  ) {
    // `exec` replaces the login shell (whatever it is) by sh; a forced command may ignore it, which the missing
    // markers reveal.
    client.exec('exec /bin/sh', (error, stream) => {
      if (error) return this.refuse(`could not open a session: ${error.message}`);
      if (this.dead) return stream.close();
      this.channel = stream;
      const stdout = new MarkerSplitter(this.nonce, this.streamEvents('out'));
      const stderr = new MarkerSplitter(this.nonce, this.streamEvents('err'));
      stream.on('data', (b: Buffer) => stdout.feed(b));
      stream.stderr.on('data', (b: Buffer) => stderr.feed(b));
      let exit: number | null = null;
      stream.on('exit', (code: number | null) => (exit = code));
      stream.on('close', () => {
        stdout.flush();
        stderr.flush();
        this.fail(`the session ended (exit ${exit ?? 'without a status'})`);
      });
      // stdin errors surface as the close above.
      stream.on('error', () => {});
      stream.write(SHELL_PRELUDE + this.written.join(''));
      this.written = [];
    });
  }

  /** True when no command is waiting in this session. */
  get idle(): boolean {
    return !this.dead && this.order.length === 0;
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Writes commands to the shell; each one's `resolve` is called once. */
  send(commands: readonly ShellCommand[]): void {
    const first = this.next;
    this.next += commands.length;
    const wasIdle = this.order.length === 0;
    commands.forEach((command, k) => {
      this.running.set(first + k, { command, out: [], err: [], outSize: 0, errSize: 0, begunAt: null, endedAt: null, exitCode: null, stdoutEnded: false, stderrEnded: false });
      this.order.push(first + k);
    });
    const script = batchScript(commands, this.nonce, first);
    if (this.channel) this.channel.write(script);
    else this.written.push(script);
    if (wasIdle) this.arm(commands[0].timeoutMs + (this.sawMarker ? 0 : START_SLACK_MS));
  }

  /** Ends the shell (end of its input) and the session. */
  close(): void {
    this.dead = true;
    clearTimeout(this.timer);
    this.channel?.end();
  }

  private streamEvents(which: 'out' | 'err') {
    return {
      begin: (i: number) => {
        this.sawMarker = true;
        const r = this.running.get(i);
        if (!r || which === 'err') return;
        r.begunAt = performance.now();
        this.arm(r.command.timeoutMs);
      },
      data: (i: number, bytes: Buffer) => {
        const r = this.running.get(i);
        if (!r) return;
        if (which === 'out' && r.outSize < this.maxOutput) {
          r.out.push(bytes);
          r.outSize += bytes.length;
        } else if (which === 'err' && r.errSize < this.maxOutput) {
          r.err.push(bytes);
          r.errSize += bytes.length;
        }
      },
      end: (i: number, exitCode: number | null) => {
        const r = this.running.get(i);
        if (!r) return;
        if (which === 'out') {
          r.stdoutEnded = true;
          r.exitCode = exitCode;
          r.endedAt = performance.now();
          // The next command's limit runs from now, until its own begin marker restarts it.
          const nextUp = this.order.find((k) => k !== i && !this.running.get(k)?.stdoutEnded);
          clearTimeout(this.timer);
          if (nextUp !== undefined) this.arm(this.running.get(nextUp)!.command.timeoutMs);
        } else r.stderrEnded = true;
        if (r.stdoutEnded && r.stderrEnded) this.complete(i);
      },
    };
  }

  private complete(i: number): void {
    const r = this.running.get(i)!;
    this.running.delete(i);
    this.order.splice(this.order.indexOf(i), 1);
    const stderr = this.text(r.err);
    const notFound = r.exitCode === 127 && /not found|No such file or directory/i.test(stderr);
    const durationMs = r.begunAt !== null && r.endedAt !== null ? Math.max(0, Math.round(r.endedAt - r.begunAt)) : 0;
    r.command.resolve({ exitCode: r.exitCode, stdout: this.text(r.out), stderr, durationMs, timedOut: false, notFound });
    if (this.order.length === 0 && !this.dead) this.events.idle(this);
  }

  private text(parts: Buffer[]): string {
    return Buffer.concat(parts).subarray(0, this.maxOutput).toString('utf8');
  }

  private arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.expire(), ms);
  }

  /** A command reached its limit (or the shell never answered): kill the session. */
  private expire(): void {
    const head = this.order.map((i) => this.running.get(i)!).find((r) => !r.stdoutEnded);
    if (!head) return;
    if (!this.sawMarker) return this.fail('the login shell did not run the command script');
    const waited = head.begunAt !== null ? head.command.timeoutMs : null;
    this.kill();
    for (const i of [...this.order]) {
      const r = this.running.get(i)!;
      if (r === head && waited !== null) {
        this.finishUnended(i, `(timed out after ${waited} ms)`, true);
      } else if (r.begunAt === null) {
        continue;
      } else {
        this.finishUnended(i, '(not finished: the session was stopped)', false);
      }
    }
    // The ones the shell never reached go out again.
    const again = this.order.map((i) => this.running.get(i)!.command);
    this.running.clear();
    this.order.length = 0;
    if (again.length > 0) this.events.requeue(again);
    this.events.closed(this);
  }

  private finishUnended(i: number, note: string, timedOut: boolean): void {
    const r = this.running.get(i)!;
    this.running.delete(i);
    this.order.splice(this.order.indexOf(i), 1);
    if (r.stdoutEnded) {
      // Its stdout ended, only the stderr end marker was still on its way.
      const stderr = this.text(r.err);
      r.command.resolve({ exitCode: r.exitCode, stdout: this.text(r.out), stderr, durationMs: Math.round((r.endedAt ?? 0) - (r.begunAt ?? 0)), timedOut: false, notFound: false });
      return;
    }
    const durationMs = timedOut ? r.command.timeoutMs : r.begunAt !== null ? Math.round(performance.now() - r.begunAt) : 0;
    r.command.resolve({ exitCode: null, stdout: this.text(r.out), stderr: `${this.text(r.err)}\n${note}`, durationMs, timedOut, notFound: false });
  }

  private kill(): void {
    this.dead = true;
    clearTimeout(this.timer);
    if (this.channel) stopChannel(this.channel);
  }

  private refuse(why: string): void {
    this.dead = true;
    clearTimeout(this.timer);
    const all = this.order.map((i) => this.running.get(i)!.command);
    this.running.clear();
    this.order.length = 0;
    this.events.refused(all, why);
    this.events.closed(this);
  }

  /** The session closed (or the shell never answered). */
  private fail(why: string): void {
    if (this.dead && this.order.length === 0) return;
    const wasDead = this.dead;
    this.dead = true;
    clearTimeout(this.timer);
    if (!this.sawMarker && this.order.length > 0) {
      const all = this.order.map((i) => this.running.get(i)!.command);
      this.running.clear();
      this.order.length = 0;
      this.channel?.close();
      this.events.notAShell(all);
    } else {
      for (const i of [...this.order]) this.finishUnended(i, `(not finished: ${why})`, false);
    }
    if (!wasDead) this.events.closed(this);
  }
}
