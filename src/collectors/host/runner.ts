// Runs allowlisted commands on one host and turns each run into a CommandProof (trimmed, secrets masked).
import type { CommandProof } from '../../core/types/proof.js';
import { createMasker } from '../../core/mask.js';
import { COMMANDS, ParamError, buildArgv, type CommandId, type CommandSpec } from './allowlist.js';
import { shellJoin } from './shell-quote.js';
import type { ExecResult, Transport } from './transport.js';

export type RunStatus = 'ok' | 'failed' | 'missing' | 'denied' | 'timeout' | 'skipped';

/** One command run (or not run, for `skipped`), classified. */
export interface RunOutcome {
  status: RunStatus;
  /** Why it is not `ok`, phrased for a report reader. */
  reason: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  /** Absent only when the command was not run (`skipped`). */
  proof: CommandProof | null;
}

export interface RunnerOptions {
  timeoutMs: number;
  /** The login user is root. */
  root: boolean;
  /** --sudo was given and `sudo -n true` works. */
  sudo: boolean;
  /** --sudo was given but `sudo -n` was refused (the reason is reported). */
  sudoRefused?: string | null;
  /** Literal secrets seen so far; outputs are masked with them (and the shared patterns). */
  secrets: Set<string>;
  /** Commands in flight at once (SSH: below sshd's MaxSessions, 10 by default). */
  parallel?: number;
}

/** A counting semaphore: at most `n` holders at once. */
class Gate {
  private waiting: (() => void)[] = [];
  private busy = 0;
  constructor(private readonly n: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy >= this.n) await new Promise<void>((res) => this.waiting.push(res));
    this.busy++;
    try {
      return await fn();
    } finally {
      this.busy--;
      this.waiting.shift()?.();
    }
  }
}

/** Lines shown in a proof before the output is cut. */
const PROOF_LINES = 60;
const PROOF_CHARS = 6000;

/** Keeps the head of an output and says how much was cut. */
export function trimOutput(text: string, maxLines = PROOF_LINES, maxChars = PROOF_CHARS): string {
  const lines = text.trimEnd().split('\n');
  let out = lines.slice(0, maxLines).join('\n');
  if (out.length > maxChars) out = `${out.slice(0, maxChars)}…`;
  const cut = lines.length - Math.min(lines.length, maxLines);
  return cut > 0 ? `${out}\n… (${cut} more lines)` : out;
}

const DENIED = /permission denied|operation not permitted|must be (run as )?root|are you root|you need to be root|requires? root|a password is required|not allowed to execute|access denied/i;

/** Secret-looking options on command lines (`--requirepass x`, `-a x` for redis-cli, `--password x`). */
const SECRET_OPTIONS = /(?:--requirepass|--masterauth|--password|--pass|--token|--secret|redis-cli\b[^\n]*?\s-a)\s+("[^"]+"|'[^']+'|\S+)/g;
/** KEY=value pairs whose key names a secret (docker inspect Env, environment lines). */
const SECRET_ENV = /\b[A-Z0-9_]*(PASS|PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*=([^\s"',]+)/g;

/** Registers literal secrets that appear in a command's output so every proof masks them. */
export function harvestSecrets(text: string, into: Set<string>): void {
  for (const m of text.matchAll(SECRET_OPTIONS)) into.add(m[1].replace(/^["']|["']$/g, ''));
  for (const m of text.matchAll(SECRET_ENV)) if (!m[2].startsWith('$')) into.add(m[2]);
}

export class ProbeRunner {
  /** Every proof, in run order. */
  readonly commands: CommandProof[] = [];
  private readonly gate: Gate;

  constructor(
    readonly transport: Transport,
    private readonly options: RunnerOptions,
  ) {
    this.gate = new Gate(options.parallel ?? 8);
  }

  get host(): string {
    return this.transport.host;
  }

  get elevated(): boolean {
    return this.options.root || this.options.sudo;
  }

  /** Masks known secrets and the shared secret patterns. */
  mask(text: string): string {
    return createMasker(this.options.secrets)(text);
  }

  /** Builds a proof item for a command run, with the output trimmed (or replaced by `output`). */
  proofOf(command: string, r: Pick<ExecResult, 'exitCode' | 'durationMs'>, output: string): CommandProof {
    return { kind: 'command', host: this.host, command, exit_code: r.exitCode, duration_ms: r.durationMs, output: output.trim() ? this.mask(trimOutput(output)) : '(no output)' };
  }

  /** Replaces a recorded proof (e.g. raw `docker inspect` JSON) by the summary that is safe to show. */
  replaceProof(old: CommandProof, next: CommandProof): void {
    const i = this.commands.indexOf(old);
    if (i >= 0) this.commands[i] = next;
  }

  /** A proof showing only some lines of a command's output (the ones a finding is about). */
  focus(proof: CommandProof, lines: readonly string[], note?: string): CommandProof {
    const shown = lines.map((l) => this.mask(l));
    return { ...proof, output: [...shown, ...(note ? [`(${note})`] : [])].join('\n') };
  }

  /**
   * Runs one allowlisted command whose output is a file to copy here (a backup), streaming it to `dest`.
   * The proof shows the command and how many bytes came, never the content.
   */
  async fetch(id: CommandId, params: readonly string[], dest: string, onBytes?: (n: number) => void): Promise<RunOutcome & { bytes: number }> {
    const download = this.transport.download?.bind(this.transport);
    if (!download) return { ...skipped(`${this.host} is this machine: nothing to copy`), bytes: 0 };
    const spec = COMMANDS[id] as Omit<CommandSpec, 'id'>;
    let argv: string[];
    try {
      argv = buildArgv(id, params);
    } catch (e) {
      if (e instanceof ParamError) return { ...skipped(`not run: ${e.message}`), bytes: 0 };
      throw e;
    }
    const useSudo = !this.options.root && this.options.sudo && spec.sudo !== 'never';
    const full = useSudo ? ['sudo', '-n', '--', ...argv] : argv;
    const command = shellJoin(full);
    const timeoutMs = Math.max(this.options.timeoutMs, spec.timeoutMs ?? 0);
    const r = await download(full, timeoutMs, dest, onBytes);
    const note = `(${r.bytes} bytes streamed to the auditing machine for a throwaway restore)`;
    const proof = this.proofOf(command, r, [note, r.stderr.trimEnd()].filter(Boolean).join('\n'));
    this.commands.push(proof);
    const firstErr = this.mask(r.stderr.split('\n').find((l) => l.trim()) ?? '').trim();
    const base = { stdout: '', stderr: r.stderr, exitCode: r.exitCode, proof, bytes: r.bytes };
    if (r.timedOut) return { ...base, status: 'timeout', reason: `\`${command}\` timed out after ${timeoutMs} ms` };
    if (r.exitCode === 0) return { ...base, status: 'ok', reason: '' };
    if (DENIED.test(r.stderr)) return { ...base, status: 'denied', reason: `permission denied reading the backup${firstErr ? `: ${firstErr}` : ''}${this.elevated ? '' : ' (run again with --sudo)'}` };
    return { ...base, status: 'failed', reason: `\`${command}\` exited ${r.exitCode ?? 'without a status'}${firstErr ? `: ${firstErr}` : ''}` };
  }

  /**
   * Runs one allowlisted command. `okExit` lists exit codes that mean success for this command (grep-like tools).
   * Never throws: a refused parameter, a missing tool or a timeout come back as an outcome with the reason.
   */
  async run(id: CommandId, params: readonly (string | readonly string[])[] = [], okExit: readonly number[] = [0]): Promise<RunOutcome> {
    const spec = COMMANDS[id] as Omit<CommandSpec, 'id'>;
    let argv: string[];
    try {
      argv = buildArgv(id, params);
    } catch (e) {
      if (e instanceof ParamError) return skipped(`not run: ${e.message}`);
      throw e;
    }
    const needsRoot = spec.sudo === 'root' && !this.options.root;
    if (needsRoot && !this.options.sudo) {
      const why = this.options.sudoRefused
        ? `--sudo was given but sudo -n was refused (${this.options.sudoRefused})`
        : 'run again with --sudo (passwordless `sudo -n`) to check it';
      return skipped(`reading ${spec.reads} needs root: \`${argv.join(' ')}\` was not run; ${why}`);
    }
    const useSudo = !this.options.root && this.options.sudo && spec.sudo !== 'never';
    const full = useSudo ? ['sudo', '-n', '--', ...argv] : argv;
    const command = shellJoin(full);
    const timeoutMs = Math.max(this.options.timeoutMs, spec.timeoutMs ?? 0);
    const r = await this.gate.run(() => this.transport.exec(full, timeoutMs));
    harvestSecrets(`${r.stdout}\n${r.stderr}`, this.options.secrets);
    const output = [r.stdout.trimEnd(), r.stderr.trimEnd()].filter(Boolean).join('\n');
    const proof = this.proofOf(command, r, output);
    this.commands.push(proof);
    const base = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, proof };
    const firstErr = this.mask(r.stderr.split('\n').find((l) => l.trim()) ?? '').trim();
    if (r.notFound) return { ...base, status: 'missing', reason: `${argv[0]} is not installed on ${this.host} (command not found)` };
    if (r.timedOut) return { ...base, status: 'timeout', reason: `\`${command}\` timed out after ${timeoutMs} ms` };
    if (r.exitCode !== null && okExit.includes(r.exitCode)) return { ...base, status: 'ok', reason: '' };
    if (DENIED.test(r.stderr))
      return {
        ...base,
        status: 'denied',
        reason: `permission denied running \`${command}\`${firstErr ? `: ${firstErr}` : ''}${this.elevated ? '' : ' (run again with --sudo)'}`,
      };
    return { ...base, status: 'failed', reason: `\`${command}\` exited ${r.exitCode ?? 'without a status'}${firstErr ? `: ${firstErr}` : ''}` };
  }
}

function skipped(reason: string): RunOutcome {
  return { status: 'skipped', reason, stdout: '', stderr: '', exitCode: null, proof: null };
}
