// Makes control characters visible so text from a scanned repository or host cannot drive the reader's terminal.

/** C0/C1 control characters except tab and newline. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Replaces control characters (ESC of an ANSI sequence, CR, BEL...) with a visible `\xNN`. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
