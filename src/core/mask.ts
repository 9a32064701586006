// Secret masking, applied once to the finished report so no output format can leak a value.

/** Key names whose values are secrets (matched case-insensitively inside the key). */
const SECRET_KEY_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth[_-]?key|dsn|signing[_-]?key|webhook)/i;
/** Keys that name where a secret lives rather than holding it. */
const REFERENCE_KEY_NAME = /(_file|_path|_filename|_dir|_name|validators?|_env|_var|_length|_len|_timeout|_age|_hours|_days)$/i;

/** KEY=value, KEY: value, KEY = "value", "KEY": "value" (env, YAML, Python, JSON). */
const ASSIGNMENT = /(^|[\s,{(\-])(["']?)([A-Za-z_][\w.-]*)\2(\s*(?:=|:)\s*)(["']?)([^"'\s,#}]+|[^"'\n]*?)\5(?=\s*(?:$|[,#})\]]))/g;
/** scheme://user:password@host */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)([^\s@/'"]+)(@)/gi;
/** Well-known token shapes. */
const TOKEN_SHAPES = [
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /\bsk_live_[A-Za-z0-9]{16,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
];

export const MASK = '***';

function looksLikeReference(value: string): boolean {
  return (
    value === '' ||
    value.startsWith('$') ||
    value.startsWith('/run/secrets') ||
    /^(os\.|env[.(]|config\(|read_secret|get_secret|None$|True$|False$|\[|\{|\()/.test(value) ||
    /^<.*>$/.test(value)
  );
}

/** Masks secret values in one string, keeping everything else byte-for-byte. */
export function maskSecrets(text: string, known: ReadonlySet<string> = new Set()): string {
  let out = text;
  for (const secret of known) {
    if (secret.length >= 8) out = out.split(secret).join(MASK);
  }
  out = out.replace(URL_USERINFO, (_m, pre: string, pw: string, at: string) => (pw.startsWith('$') ? `${pre}${pw}${at}` : `${pre}${MASK}${at}`));
  out = out.replace(ASSIGNMENT, (whole, lead: string, kq: string, key: string, sep: string, vq: string, value: string) => {
    if (!SECRET_KEY_NAME.test(key) || REFERENCE_KEY_NAME.test(key)) return whole;
    if (looksLikeReference(value.trim()) || value === MASK) return whole;
    // Python and YAML need quotes for a literal string; a bare word there is an expression.
    if (!vq && /[()]/.test(value)) return whole;
    return `${lead}${kq}${key}${kq}${sep}${vq}${MASK}${vq}`;
  });
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, MASK);
  return out;
}

/** Deep-copies a JSON-like value, masking every string in it. */
export function maskDeep<T>(value: T, known: ReadonlySet<string>): T {
  if (typeof value === 'string') return maskSecrets(value, known) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, known)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, known);
    return out as T;
  }
  return value;
}
