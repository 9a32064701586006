// Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR:+r}`, `$$`).
// Written by hand: no maintained JavaScript library implements Compose's dialect (nested defaults, `$$`, `:?`);
// the grammar follows compose-go's template package.

/** A variable lookup: the value and the env file defining it, or undefined when nothing defines it. */
export type Lookup = (name: string) => { value: string; file: string } | undefined;

export interface VariableRef {
  name: string;
  /** Offset and length of the whole `${...}` / `$VAR` token in the input string. */
  index: number;
  length: number;
  /** The token as written (for finding it again in the source). */
  token: string;
  /** The text after `:-` / `-`, or null. */
  defaultValue: string | null;
  /** A fallback exists: `:-`, `-`, or the variable sits inside another variable's default. */
  hasDefault: boolean;
  required: boolean;
  definedIn: string | null;
}

export interface Interpolated {
  value: string;
  refs: VariableRef[];
  /** Set when the template is malformed (Compose refuses it): the message. */
  error: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Interpolates a string the way `docker compose config` does. Unknown variables become "" (with a ref). */
export function interpolate(input: string, lookup: Lookup): Interpolated {
  const refs: VariableRef[] = [];
  const res = run(input, 0, lookup, refs, false);
  return { value: res.value, refs, error: res.error };
}

function run(s: string, base: number, lookup: Lookup, refs: VariableRef[], nested: boolean): { value: string; error: string | null } {
  let out = '';
  let i = 0;
  let error: string | null = null;
  while (i < s.length) {
    const c = s[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(s, i + 1);
      if (close < 0) {
        error ??= `invalid interpolation format: "${s.slice(i)}" has no closing }`;
        out += s.slice(i);
        break;
      }
      const body = s.slice(i + 2, close);
      const m = NAME.exec(body);
      if (!m) {
        error ??= `invalid interpolation format: "\${${body}}"`;
        out += s.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      const name = m[0];
      const rest = body.slice(name.length);
      const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0] ?? '';
      if (rest && !op) {
        error ??= `invalid interpolation format: "\${${body}}"`;
        out += s.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      const arg = rest.slice(op.length);
      const found = lookup(name);
      const ref: VariableRef = {
        name,
        index: base + i,
        length: close + 1 - i,
        token: s.slice(i, close + 1),
        defaultValue: op === ':-' || op === '-' ? arg : null,
        hasDefault: nested || op === ':-' || op === '-',
        required: op === ':?' || op === '?',
        definedIn: found?.file ?? null,
      };
      refs.push(ref);
      const set = found !== undefined;
      const nonEmpty = set && found.value !== '';
      // Nested variables (in defaults and replacements) only matter when the outer one does not decide.
      const inner = () => run(arg, base + i + 2 + name.length + op.length, lookup, refs, true);
      switch (op) {
        case ':-':
          out += nonEmpty ? found.value : inner().value;
          if (nonEmpty) inner();
          break;
        case '-':
          out += set ? found.value : inner().value;
          if (set) inner();
          break;
        case ':+':
          out += nonEmpty ? inner().value : (inner(), '');
          break;
        case '+':
          out += set ? inner().value : (inner(), '');
          break;
        default:
          out += found?.value ?? '';
      }
      i = close + 1;
      continue;
    }
    const m = NAME.exec(s.slice(i + 1));
    if (m) {
      const name = m[0];
      const found = lookup(name);
      refs.push({
        name,
        index: base + i,
        length: name.length + 1,
        token: `$${name}`,
        defaultValue: null,
        hasDefault: nested,
        required: false,
        definedIn: found?.file ?? null,
      });
      out += found?.value ?? '';
      i += name.length + 1;
      continue;
    }
    // A lone `$` (before a space, a digit, the end) is kept as is, like Compose does.
    out += '$';
    i++;
  }
  return { value: out, error };
}

/** Index of the `}` closing the `{` at `open`, counting nested `${`. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}
