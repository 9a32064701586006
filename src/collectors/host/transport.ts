// How commands reach a host: locally (spawn without a shell) or over SSH (ssh2, verified host key, timeouts).
// Both take an argument vector from the allowlist; only the SSH side joins it into a string, quoting every word.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AnyAuthMethod, Channel, Client as SshClient, ConnectConfig } from 'ssh2';
import { shellJoin } from './shell-quote.js';
import { ShellSession, stopChannel, type ShellCommand } from './shell-session.js';
import { parseKnownHosts, preferredHostKeyAlgorithms, verifyHostKey, type KnownHostEntry } from './known-hosts.js';
import type { SshTarget } from './target.js';

// ssh2 is loaded on first use: repository-only scans should not pay for it at start-up.
const requireCjs = createRequire(import.meta.url);
const ssh = () => requireCjs('ssh2') as typeof import('ssh2');

/** What one command did. */
export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** The command does not exist on the host. */
  notFound: boolean;
}

export interface Transport {
  /** The name proof items carry ("deploy@web1:22", "local"). */
  readonly host: string;
  readonly kind: 'ssh' | 'local';
  exec(argv: readonly string[], timeoutMs: number): Promise<ExecResult>;
  /** Runs a command in a session of its own, writing its stdout to the local file `dest` (SSH only). */
  download?(argv: readonly string[], timeoutMs: number, dest: string, onBytes?: (n: number) => void): Promise<ExecResult & { bytes: number }>;
  close(): void;
}

/** Extra directories so admin tools (ss, ip, sshd, ufw) are found for non-root users too. */
const SBIN = '/usr/local/sbin:/usr/sbin:/sbin';
/** Output past this is dropped: probes never need more, and a runaway command must not exhaust memory. */
const MAX_OUTPUT = 4 * 1024 * 1024;

function collector(max = MAX_OUTPUT) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    push(b: Buffer) {
      if (size >= max) return;
      chunks.push(b);
      size += b.length;
    },
    text: () => Buffer.concat(chunks).subarray(0, max).toString('utf8'),
  };
}

/** Runs commands on this machine with spawn (no shell), the C locale and a timeout. */
export class LocalTransport implements Transport {
  readonly kind = 'local';

  /** `host` names this machine in proofs ("local", or an inventory's name for it). */
  constructor(readonly host = 'local') {}

  exec(argv: readonly string[], timeoutMs: number): Promise<ExecResult> {
    const started = performance.now();
    return new Promise((resolvePromise) => {
      const out = collector();
      const err = collector();
      let timedOut = false;
      let notFound = false;
      const env = { ...process.env, LC_ALL: 'C', LANG: 'C', PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:${SBIN}` };
      const child = spawn(argv[0], argv.slice(1), { shell: false, stdio: ['ignore', 'pipe', 'pipe'], env });
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') notFound = true;
        else err.push(Buffer.from(e.message));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolvePromise({
          exitCode: notFound ? 127 : timedOut ? null : code,
          stdout: out.text(),
          stderr: notFound ? `${argv[0]}: command not found` : err.text(),
          durationMs: Math.round(performance.now() - started),
          timedOut,
          notFound,
        });
      });
    });
  }

  close(): void {}
}

/** Why a host could not be reached; the message is what the report shows. */
export class ConnectError extends Error {
  override name = 'ConnectError';
  constructor(
    readonly kind: 'unreachable' | 'refused' | 'timeout' | 'auth' | 'host-key' | 'config',
    message: string,
  ) {
    super(message);
  }
}

export interface SshConnectOptions {
  connectTimeoutMs: number;
  /** SSH_AUTH_SOCK by default; null disables the agent. */
  agent?: string | null;
}

function loadKnownHosts(files: readonly string[]): KnownHostEntry[] {
  return files.flatMap((f) => (existsSync(f) ? parseKnownHosts(readFileSync(f, 'utf8'), f) : []));
}

/** Private keys that can be used without a passphrase (encrypted ones are left to the agent). */
function loadKeys(files: readonly string[]): { keys: Buffer[]; notes: string[] } {
  const keys: Buffer[] = [];
  const notes: string[] = [];
  for (const f of files) {
    if (!existsSync(f)) continue;
    let data: Buffer;
    try {
      data = readFileSync(f);
    } catch (e) {
      notes.push(`${f}: ${(e as Error).message}`);
      continue;
    }
    const parsed = ssh().utils.parseKey(data);
    if (parsed instanceof Error) notes.push(`${f}: ${parsed.message} (use ssh-agent for keys with a passphrase)`);
    else keys.push(data);
  }
  return { keys, notes };
}

/** Opens an SSH connection after checking the host key against known_hosts; never trusts an unknown key. */
export function connectSsh(target: SshTarget, options: SshConnectOptions): Promise<SshTransport> {
  const entries = loadKnownHosts(target.knownHostsFiles);
  const keyHost = target.hostKeyAlias ?? target.hostname;
  const { keys, notes } = loadKeys(target.identityFiles);
  const agent = options.agent === undefined ? process.env.SSH_AUTH_SOCK : options.agent;
  const methods: AnyAuthMethod[] = [];
  if (agent) methods.push({ type: 'agent', username: target.user, agent });
  for (const key of keys) methods.push({ type: 'publickey', username: target.user, key });
  if (methods.length === 0) {
    return Promise.reject(
      new ConnectError('auth', `no SSH key to authenticate with: no agent (SSH_AUTH_SOCK) and none of ${target.identityFiles.join(', ')} is usable${notes.length ? ` (${notes.join('; ')})` : ''}`),
    );
  }
  const algos = preferredHostKeyAlgorithms(entries, keyHost, target.port);
  let hostKeyProblem: string | null = null;
  const client = new (ssh().Client)();
  const config: ConnectConfig = {
    host: target.hostname,
    port: target.port,
    username: target.user,
    readyTimeout: target.connectTimeoutMs ?? options.connectTimeoutMs,
    keepaliveInterval: 10_000,
    keepaliveCountMax: 3,
    authHandler: methods,
    hostVerifier: (key: Buffer) => {
      const verdict = verifyHostKey(entries, keyHost, target.port, key);
      if (!verdict.ok) hostKeyProblem = verdict.message;
      return verdict.ok;
    },
  };
  if (algos.length > 0) config.algorithms = { serverHostKey: algos as never };
  const name = `${target.user}@${target.alias}${target.port === 22 ? '' : `:${target.port}`}`;
  return new Promise((resolvePromise, reject) => {
    let settled = false;
    const fail = (e: ConnectError) => {
      if (settled) return;
      settled = true;
      client.end();
      reject(e);
    };
    client.once('ready', () => {
      settled = true;
      resolvePromise(new SshTransport(client, name));
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      if (hostKeyProblem) return fail(new ConnectError('host-key', hostKeyProblem));
      if (err.level === 'client-authentication')
        return fail(new ConnectError('auth', `authentication refused for ${target.user}@${target.hostname}:${target.port} (tried ${methods.map((m) => m.type).join(', ')})`));
      if (err.level === 'client-timeout' || /Timed out while waiting for handshake/i.test(err.message))
        return fail(new ConnectError('timeout', `timed out connecting to ${target.hostname}:${target.port} after ${config.readyTimeout} ms`));
      if (err.code === 'ECONNREFUSED') return fail(new ConnectError('refused', `connection refused by ${target.hostname}:${target.port} (no sshd listening there?)`));
      if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return fail(new ConnectError('unreachable', `cannot resolve host name ${target.hostname}`));
      return fail(new ConnectError('unreachable', `cannot connect to ${target.hostname}:${target.port}: ${err.message}`));
    });
    client.on('close', () => {
      if (hostKeyProblem) fail(new ConnectError('host-key', hostKeyProblem));
      else fail(new ConnectError('unreachable', `connection to ${target.hostname}:${target.port} closed during the handshake`));
    });
    try {
      client.connect(config);
    } catch (e) {
      fail(new ConnectError('config', `cannot connect to ${target.hostname}:${target.port}: ${(e as Error).message}`));
    }
  });
}

/** Sessions open at once per host, each a shell the commands waiting are shared out between. */
const CHANNELS = 2;
/** Commands waiting before a second session opens next to a busy one. */
const MIN_SECOND_BATCH = 4;
/** Commands per batch, at most: a shell runs its commands one after the other. */
const MAX_BATCH = 24;
/** Sessions at once when every command needs its own (below sshd's MaxSessions, 10 by default). */
const SINGLE_SESSIONS = 4;

/** A command waiting for a shell, and how often a killed session handed it back. */
interface Pending extends ShellCommand {
  requeued: number;
}

/**
 * Runs allowlisted commands over one SSH connection. Commands go to at most CHANNELS long-lived shells (see
 * batch.ts and shell-session.ts), in batches of what the probes asked for together; a login shell that cannot
 * run them (a forced command, a non-POSIX shell) makes the transport fall back to one session per command.
 */
export class SshTransport implements Transport {
  readonly kind = 'ssh';
  private readonly queue: Pending[] = [];
  private readonly shells: ShellSession[] = [];
  private scheduled = false;
  private batching = true;
  /** Lowered when the server refuses a session (its MaxSessions). */
  private maxShells = CHANNELS;
  private singles = 0;
  private readonly waitingForSession: (() => void)[] = [];
  /** Sessions opened so far (each costs the server a login shell). */
  sessionsOpened = 0;

  constructor(
    private readonly client: SshClient,
    readonly host: string,
  ) {}

  exec(argv: readonly string[], timeoutMs: number): Promise<ExecResult> {
    if (!this.batching) return this.execAlone(argv, timeoutMs);
    return new Promise((resolve) => {
      this.queue.push({ argv, timeoutMs, resolve, requeued: 0 });
      this.schedule();
    });
  }

  /** Waits one turn of the event loop, so that the commands the probes ask for together travel together. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.queue.length === 0) return;
    if (!this.batching) {
      for (const p of this.queue.splice(0)) void this.execAlone(p.argv, p.timeoutMs).then(p.resolve);
      return;
    }
    const idle = this.shells.filter((s) => s.idle);
    // A second session is worth its cost for a real share of work; a straggler or two waits for a shell.
    if (this.shells.length < this.maxShells && (this.shells.length === 0 || (idle.length === 0 && this.queue.length >= MIN_SECOND_BATCH) || this.queue.length >= 2 * MIN_SECOND_BATCH)) {
      const opened = this.open();
      idle.push(opened);
    }
    idle.forEach((shell, k) => {
      const take = Math.min(MAX_BATCH, Math.ceil(this.queue.length / (idle.length - k)));
      if (take > 0) shell.send(this.queue.splice(0, take));
    });
  }

  private open(): ShellSession {
    const shell = new ShellSession(this.client, MAX_OUTPUT, {
      requeue: (commands) => {
        // A command handed back twice is not tried a third time: that server kills every session it is in.
        const again: Pending[] = [];
        for (const c of commands as Pending[]) {
          if (c.requeued++ < 2) again.push(c);
          else c.resolve({ exitCode: null, stdout: '', stderr: '(not run: the sessions it was sent in were stopped)', durationMs: 0, timedOut: false, notFound: false });
        }
        // First in the queue, in their order.
        this.queue.unshift(...again);
      },
      refused: (commands, why) => {
        if (this.shells.length > 1) {
          // Another session is open: wait for it rather than open more.
          this.maxShells = this.shells.length - 1;
          this.queue.unshift(...(commands as Pending[]));
        } else for (const c of commands) c.resolve({ exitCode: null, stdout: '', stderr: why, durationMs: 0, timedOut: false, notFound: false });
      },
      notAShell: (commands) => {
        this.batching = false;
        this.queue.unshift(...(commands as Pending[]));
      },
      closed: (s) => {
        this.shells.splice(this.shells.indexOf(s), 1);
        this.schedule();
      },
      idle: () => this.schedule(),
    });
    this.shells.push(shell);
    this.sessionsOpened++;
    return shell;
  }

  /** One command in a session of its own, at most SINGLE_SESSIONS at once. */
  private async execAlone(argv: readonly string[], timeoutMs: number): Promise<ExecResult> {
    if (this.singles >= SINGLE_SESSIONS) await new Promise<void>((res) => this.waitingForSession.push(res));
    this.singles++;
    try {
      return await this.execOne(argv, timeoutMs);
    } finally {
      this.singles--;
      this.waitingForSession.shift()?.();
    }
  }

  download(argv: readonly string[], timeoutMs: number, dest: string, onBytes?: (n: number) => void): Promise<ExecResult & { bytes: number }> {
    const file = createWriteStream(dest, { mode: 0o600 });
    let bytes = 0;
    let writeError: Error | null = null;
    file.on('error', (e) => (writeError = e));
    const line = `PATH="$PATH:${SBIN}" LC_ALL=C LANG=C ${shellJoin(argv)}`;
    return this.execLine(line, timeoutMs, {
      onStdout: (b) => {
        bytes += b.length;
        onBytes?.(bytes);
      },
      sink: file,
    }).then(
      (r) =>
        new Promise((resolveDone) => {
          file.end(() => {
            const failed = writeError as Error | null;
            resolveDone({ ...r, bytes, stderr: failed ? `${r.stderr}\ncould not write ${dest}: ${failed.message}` : r.stderr, exitCode: failed ? null : r.exitCode });
          });
        }),
    );
  }

  /** One command in its own session. */
  private execOne(argv: readonly string[], timeoutMs: number): Promise<ExecResult> {
    // Fixed prefix, then every argument quoted: the remote shell sees exactly the allowlisted words.
    return this.execLine(`PATH="$PATH:${SBIN}" LC_ALL=C LANG=C ${shellJoin(argv)}`, timeoutMs);
  }

  /** Runs one command line in a new session. */
  private execLine(
    line: string,
    timeoutMs: number,
    opts: {
      onStdout?: (b: Buffer) => void;
      /** Stdout goes there (with back-pressure) instead of into the result. */
      sink?: NodeJS.WritableStream;
    } = {},
  ): Promise<ExecResult> {
    const started = performance.now();
    this.sessionsOpened++;
    return new Promise((resolvePromise) => {
      const out = collector();
      const err = collector();
      let timedOut = false;
      let done = false;
      const finish = (exitCode: number | null, extra = '') => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const stderr = err.text() + extra;
        resolvePromise({
          exitCode,
          stdout: out.text(),
          stderr,
          durationMs: Math.round(performance.now() - started),
          timedOut,
          notFound: exitCode === 127 && /(command )?not found/i.test(stderr),
        });
      };
      let channel: Channel | null = null;
      const timer = setTimeout(() => {
        timedOut = true;
        if (channel) stopChannel(channel);
        finish(null, `\n(timed out after ${timeoutMs} ms)`);
      }, timeoutMs);
      this.client.exec(line, (error, stream) => {
        if (error) return finish(null, `could not open a channel: ${error.message}`);
        channel = stream;
        if (timedOut) return stream.close();
        let code: number | null = null;
        stream.on('exit', (c: number | null) => {
          code = c;
        });
        if (opts.sink) stream.pipe(opts.sink, { end: false });
        stream.on('data', (b: Buffer) => {
          if (!opts.sink) out.push(b);
          opts.onStdout?.(b);
        });
        stream.stderr.on('data', (b: Buffer) => err.push(b));
        stream.on('close', () => finish(code));
      });
    });
  }

  close(): void {
    for (const shell of [...this.shells]) shell.close();
    this.client.end();
  }
}
