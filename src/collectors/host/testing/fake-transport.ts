// A transport that answers from captured command outputs: probe and rule tests run the real parsers on them.
import type { ExecResult, Transport } from '../transport.js';
import { shellJoin } from '../shell-quote.js';

/** A captured answer: stdout text, or the full result. `null` means the command is not installed. */
export type FakeOutput = string | { stdout?: string; stderr?: string; exit?: number; timeout?: boolean } | null;

export class FakeTransport implements Transport {
  readonly kind = 'ssh';
  /** Command lines run, in order (the tests check that nothing outside the allowlist ran). */
  readonly executed: string[] = [];

  constructor(
    private readonly outputs: Record<string, FakeOutput>,
    readonly host = 'deploy@web1',
  ) {}

  async exec(argv: readonly string[]): Promise<ExecResult> {
    const line = shellJoin(argv);
    this.executed.push(line);
    const o = this.outputs[line];
    if (o === undefined || o === null) {
      const name = argv[0] === 'sudo' ? argv[3] : argv[0];
      return { exitCode: 127, stdout: '', stderr: `bash: line 1: ${name}: command not found`, durationMs: 1, timedOut: false, notFound: true };
    }
    if (typeof o === 'string') return { exitCode: 0, stdout: o, stderr: '', durationMs: 3, timedOut: false, notFound: false };
    if (o.timeout) return { exitCode: null, stdout: o.stdout ?? '', stderr: '(timed out)', durationMs: 20_000, timedOut: true, notFound: false };
    // Like the SSH transport: exit 127 with "not found" is a missing command.
    const notFound = o.exit === 127 && /not found/i.test(o.stderr ?? '');
    return { exitCode: o.exit ?? 0, stdout: o.stdout ?? '', stderr: o.stderr ?? '', durationMs: 3, timedOut: false, notFound };
  }

  close(): void {}
}
