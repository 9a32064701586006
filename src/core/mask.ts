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

/** Builds a masker for a set of known secret values; compile once, apply to many strings. */
/**
 * Literal "secrets" that are words of the files themselves: masking every occurrence would garble evidence
 * (`image: ***:16` for POSTGRES_PASSWORD: postgres) while hiding nothing. Where such a value is assigned to a secret
 * key, the key-based masking below still hides it.
 */
const VOCABULARY = new Set([
  'postgres', 'postgresql', 'password', 'changeme', 'change-me', 'change_me', 'django', 'example', 'localhost', 'secret', 'secrets',
  'administrator', 'username', 'development', 'production', 'database', 'rabbitmq', 'memcached',
]);
/** A placeholder naming a variable (`SECRET_KEY=DJANGO_SECRET_KEY` in an example file). */
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

export function createMasker(known: ReadonlySet<string> = new Set()): (text: string) => string {
  const values = [...known]
    .filter((v) => v.length >= 8 && !VOCABULARY.has(v.toLowerCase()) && !VARIABLE_NAME.test(v))
    .sort((a, b) => b.length - a.length);
  const knownRx = values.length > 0 ? new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  return (text: string) => {
    let out = knownRx ? text.replace(knownRx, MASK) : text;
    // Cheap guards: the patterns below need a separator or a token prefix to match at all.
    if (out.includes('://')) {
      out = out.replace(URL_USERINFO, (_m, pre: string, pw: string, at: string) => (pw.startsWith('$') ? `${pre}${pw}${at}` : `${pre}${MASK}${at}`));
    }
    if (/[=:]/.test(out) && SECRET_KEY_NAME.test(out)) {
      out = out.replace(ASSIGNMENT, (whole, lead: string, kq: string, key: string, sep: string, vq: string, value: string) => {
        if (!SECRET_KEY_NAME.test(key) || REFERENCE_KEY_NAME.test(key)) return whole;
        if (looksLikeReference(value.trim()) || value === MASK) return whole;
        // Python and YAML need quotes for a literal string; a bare word there is an expression.
        if (!vq && /[()]/.test(value)) return whole;
        return `${lead}${kq}${key}${kq}${sep}${vq}${MASK}${vq}`;
      });
    }
    if (TOKEN_HINT.test(out)) for (const shape of TOKEN_SHAPES) out = out.replace(shape, MASK);
    return out;
  };
}

const TOKEN_HINT = /AKIA|gh[pousr]_|xox|sk_live_|glpat-/;

/**
 * Report fields written by opsaudit itself (rule ids and metadata, enums), never holding a value from the audited
 * files: masking them would only garble them (`django/***-hardcoded` when a project's key is "secret-key").
 */
const FIXED_TEXT = new Set(['rule', 'id', 'severity', 'category', 'status', 'kind', 'fingerprint', 'title', 'impact', 'recommendation', 'sota_source', 'baseline', 'recommended_tier']);

/** Masks secret values in one string, keeping everything else byte-for-byte. */
export function maskSecrets(text: string, known: ReadonlySet<string> = new Set()): string {
  return createMasker(known)(text);
}

/** Deep-copies a JSON-like value, masking every string in it. */
export function maskDeep<T>(value: T, known: ReadonlySet<string>): T {
  const mask = createMasker(known);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = FIXED_TEXT.has(k) ? x : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
