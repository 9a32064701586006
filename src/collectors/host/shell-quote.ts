// POSIX shell quoting for the one place a command line must become a string: the remote side of SSH.
// Written by hand: quoting for POSIX sh is one rule (single quotes, `'` as `'\''`), and the npm shell-quote
// package escapes with backslashes in ways that differ between its versions; this one is small enough to test fully.

/** Characters that need no quoting in any POSIX shell. */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one argument so a POSIX shell passes it through as exactly one word, byte for byte. */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) throw new Error('an argument cannot contain a NUL byte');
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Joins an argument vector into one shell command line, each argument quoted on its own. */
export function shellJoin(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('empty command');
  return argv.map(shellQuote).join(' ');
}
