// A one-line progress indicator on stderr, shown only on a TTY.

export interface Progress {
  update: (message: string) => void;
  done: () => void;
}

export function progressLine(stream: NodeJS.WriteStream): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  return {
    update(message) {
      stream.write(`\r\x1b[2K${message}…`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
