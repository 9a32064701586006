// Reading gunicorn command lines in Dockerfile CMD/ENTRYPOINT commands (shared by the gunicorn rules).
import type { Located } from '../../core/types/located.js';
import type { DockerShellCommand } from '../../facts/dockerfile.js';

/** Where gunicorn's options start in a command (`gunicorn ...`, `python -m gunicorn ...`), or -1. */
export function gunicornIndex(c: DockerShellCommand): number {
  const w = c.words.map((x) => x.value);
  const direct = w.findIndex((x) => x.slice(x.lastIndexOf('/') + 1) === 'gunicorn');
  if (direct >= 0 && !(direct > 0 && w[direct - 1] === '-m')) return direct;
  const m = w.findIndex((x, k) => x === '-m' && w[k + 1] === 'gunicorn');
  return m >= 0 ? m + 1 : direct;
}

/** The value given to an option (`--workers 4`, `--workers=4`, `-w 4`, `-w4`) and the word holding the option. */
export function optionValue(c: DockerShellCommand, from: number, long: string, short: string | null): { value: string; at: Located<string> } | null {
  const w = c.words;
  for (let i = from + 1; i < w.length; i++) {
    const v = w[i].value;
    if (v === long || (short !== null && v === short)) return w[i + 1] ? { value: w[i + 1].value, at: w[i] } : null;
    if (v.startsWith(`${long}=`)) return { value: v.slice(long.length + 1), at: w[i] };
    if (short !== null && v.startsWith(short) && v.length > short.length && !v.startsWith('--')) return { value: v.slice(short.length), at: w[i] };
  }
  return null;
}
