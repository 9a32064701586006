// The few error classes the CLI maps to exit codes.

/** Bad command line or configuration: message only, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An expected stop with a given exit code (e.g. 1 for findings at or above --fail-on). */
export class ExitError extends Error {
  override name = 'ExitError';
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
  }
}
