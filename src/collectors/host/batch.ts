// Several allowlisted commands in one SSH session. Every session costs the server a login shell (on Debian,
// bash reads ~/.bashrc even for `ssh host cmd`), which on real servers often costs more than the probe itself;
// a host audit therefore sends its commands in a few batches instead of one session each.
//
// The batch is a POSIX sh script made only of fixed framing and the allowlisted argument vectors, each word
// quoted (shellJoin): no value from the audited host or the user reaches it unquoted. Each command runs with
// stdin from /dev/null between marker lines carrying a random nonce on stdout and on stderr, so both streams and
// the exit status split back exactly per command. Nothing is written on the host: no temporary file, no change
// of directory. Time limits are kept on our side (MarkerWatch sees each command begin), so no `timeout`
// process is started per command.
import { shellJoin } from './shell-quote.js';

export interface BatchCommand {
  argv: readonly string[];
  timeoutMs: number;
}

export interface BatchResult {
  /** Null when the command did not finish (the batch ended first). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** False when the batch output held no end marker for this command. */
  completed: boolean;
  /** The begin marker was seen: the command was started. */
  started: boolean;
}

/** The framing: sbin on PATH and the C locale, as for a single command. */
const PRELUDE = 'PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; LC_ALL=C; LANG=C; export PATH LC_ALL LANG';

/** The time in seconds: bash (5+) keeps it in a variable, which costs no process; other shells ask date(1). */
const NOW = '${EPOCHREALTIME:-$(date +%s.%N)}';

/** The script for one batch. `nonce` must be unguessable (random hex) so output cannot fake a marker. */
export function batchScript(commands: readonly BatchCommand[], nonce: string): string {
  if (!/^[0-9a-f]{16,}$/.test(nonce)) throw new Error('the batch nonce must be random hex');
  const lines = [PRELUDE];
  commands.forEach((c, i) => {
    lines.push(
      `echo "${nonce} b ${i}"; echo "${nonce} b ${i}" >&2; s=${NOW}`,
      `${shellJoin(c.argv)} </dev/null`,
      `c=$?; e=${NOW}; printf '\\n%s\\n' "${nonce} e ${i} $c $s $e"; printf '\\n%s\\n' "${nonce} e ${i}" >&2`,
    );
  });
  return lines.join('\n');
}

/** Splits a batch's stdout and stderr back into one result per command. */
export function parseBatch(commands: readonly BatchCommand[], stdout: string, stderr: string, nonce: string): BatchResult[] {
  const out = sections(stdout, nonce);
  const err = sections(stderr, nonce);
  return commands.map((_c, i) => {
    const o = out.get(i);
    const e = err.get(i);
    const end = o?.end;
    if (!o || !end) {
      return { exitCode: null, stdout: o?.text ?? '', stderr: e?.text ?? '', durationMs: 0, completed: false, started: o !== undefined };
    }
    const [code, start, stop] = end;
    return { exitCode: code, stdout: o.text, stderr: e?.text ?? '', durationMs: Math.max(0, Math.round((stop - start) * 1000)), completed: true, started: true };
  });
}

interface Section {
  text: string;
  /** exit code, start and end time (seconds), when the end marker was seen (stdout only). */
  end: [number, number, number] | null;
}

/** Reads `<nonce> b i` … `\n<nonce> e i …` sections from one stream. */
function sections(stream: string, nonce: string): Map<number, Section> {
  const found = new Map<number, Section>();
  const begin = new RegExp(`(?:^|\\n)${nonce} b (\\d+)\\n`, 'g');
  let m: RegExpExecArray | null;
  while ((m = begin.exec(stream))) {
    const i = Number(m[1]);
    const from = m.index + m[0].length;
    const endAt = stream.indexOf(`\n${nonce} e ${i}`, from);
    if (endAt < 0) {
      found.set(i, { text: stream.slice(from), end: null });
      break;
    }
    const lineEnd = stream.indexOf('\n', endAt + 1);
    const marker = stream.slice(endAt + 1, lineEnd < 0 ? undefined : lineEnd).split(' ');
    const nums = marker.slice(3).map(Number);
    const end: Section['end'] = nums.length === 3 && nums.every((n) => Number.isFinite(n)) ? [nums[0], nums[1], nums[2]] : null;
    found.set(i, { text: stream.slice(from, endAt), end });
    begin.lastIndex = lineEnd < 0 ? stream.length : lineEnd;
  }
  return found;
}

/**
 * Watches a batch's stdout as it arrives and reports each command's begin (`b`) and end (`e`) marker, so the
 * caller can hold every command to its own time limit.
 */
export class MarkerWatch {
  private text = '';
  private from = 0;
  private readonly marker: RegExp;

  constructor(
    nonce: string,
    private readonly on: (kind: 'b' | 'e', index: number) => void,
  ) {
    this.marker = new RegExp(`${nonce} ([be]) (\\d+)[ \\n]`, 'g');
  }

  /** Markers are ASCII: chunks are read as latin1, so a character split between chunks cannot hide one. */
  feed(chunk: Buffer): void {
    this.text += chunk.toString('latin1');
    this.marker.lastIndex = this.from;
    let m: RegExpExecArray | null;
    while ((m = this.marker.exec(this.text))) {
      this.from = this.marker.lastIndex;
      this.on(m[1] as 'b' | 'e', Number(m[2]));
    }
    // Keep only what could still begin a marker: a long output is scanned once, not once per chunk.
    const keep = Math.max(this.from, this.text.length - 64);
    this.text = this.text.slice(keep);
    this.from = 0;
  }
}
