// Runs PostgreSQL programs as child processes: output captured (bounded), duration measured, optional user switch.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { once } from 'node:events';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Run as this user (root only): PostgreSQL's server programs refuse to run as root. */
  uid?: number;
  gid?: number;
  cwd?: string;
  /** Streamed to the child's stdin; the child may exit before reading it all (a stop-on-error restore). */
  input?: Readable;
  /** Receives stdout as it arrives instead of capturing it (large outputs such as a schema script). */
  onStdout?: (chunk: Buffer) => void;
  /** Called for each complete stderr line as it arrives (progress of pg_restore --verbose). */
  onStderrLine?: (line: string) => void;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Spawning itself failed (program missing, permission). */
  spawnError: string | null;
}

/** Output kept: stdout holds listings (pg_restore --list of a large schema), stderr error messages and progress. */
const MAX_STDOUT = 64 * 1024 * 1024;
const MAX_STDERR = 4 * 1024 * 1024;

/** The environment for PostgreSQL clients: the user's PG* variables removed so they cannot redirect us elsewhere. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, LC_MESSAGES: 'C', ...extra };
}

/** Runs a program to completion. Never throws: failures are in the result. */
export async function run(program: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
  let stdout = '';
  let stderr = '';
  let pending = '';
  const child = spawn(program, args, {
    env: options.env ?? cleanEnv(),
    cwd: options.cwd,
    uid: options.uid,
    gid: options.gid,
    stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let spawnError: string | null = null;
  child.on('error', (err) => {
    spawnError = err.message;
  });
  child.stderr!.setEncoding('utf8');
  if (options.onStdout) child.stdout!.on('data', options.onStdout);
  else {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      if (stdout.length < MAX_STDOUT) stdout += d;
    });
  }
  child.stderr!.on('data', (d: string) => {
    if (stderr.length < MAX_STDERR) stderr += d;
    if (options.onStderrLine) {
      pending += d;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        options.onStderrLine(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    }
  });
  if (options.input && child.stdin) {
    // The child closing its stdin early (it stopped on an error) is expected: EPIPE is not our failure.
    child.stdin.on('error', () => {});
    options.input.on('error', (err) => {
      spawnError ??= `reading the input failed: ${err.message}`;
      child.stdin?.destroy();
    });
    options.input.pipe(child.stdin);
  }
  let timer: NodeJS.Timeout | undefined;
  if (options.timeoutMs) timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
  const [code, signal] = (await once(child, 'close').catch(() => [null, null])) as [number | null, NodeJS.Signals | null];
  if (timer) clearTimeout(timer);
  if (options.input) options.input.unpipe();
  if (pending && options.onStderrLine) options.onStderrLine(pending);
  return { code, signal, stdout, stderr, durationMs: elapsed(), spawnError };
}

/** The command line as shown in proof: program name and arguments, with nothing secret in them. */
export function commandLine(program: string, args: readonly string[]): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [program, ...args].map(quote).join(' ');
}
