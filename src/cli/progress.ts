// A one-line progress indicator on stderr, shown only on a TTY and only once a scan has run long enough to need one.

export interface Progress {
  update: (message: string) => void;
  done: () => void;
}

export interface ProgressOptions {
  /** Nothing is drawn before this many milliseconds: a small tree is scanned before the line could be read. */
  delayMs?: number;
  /** Injected in tests. */
  now?: () => number;
}

/**
 * Returns a progress line writing to `stream`, or undefined when the stream is not a terminal (a pipe, a file, CI
 * logs), where carriage-return redraws would only add noise. The scan is synchronous, so each phase redraws the line
 * as it starts; `done()` erases it before the report is printed.
 */
export function progressLine(stream: NodeJS.WriteStream, options: ProgressOptions = {}): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? 150;
  const start = now();
  let shown = false;
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  return {
    update(message) {
      if (now() - start < delay) return;
      const text = `opsaudit: ${message}…`;
      stream.write(`\r\x1b[2K${text.length > width() ? `${text.slice(0, width() - 1)}…` : text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
