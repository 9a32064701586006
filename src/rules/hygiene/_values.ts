// Shared judgements for the hygiene rules: which keys hold secrets, which values are placeholders.

const SECRET_KEY_NAME = /(pass(word|wd)?|secret|token|api_?key|private_?key|access_?key|credential|dsn)/i;

/** Env keys whose value is a secret (but not `*_FILE` pointers to one). */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAME.test(key) && !/_(FILE|PATH|DIR|NAME|LENGTH|EXPIRY|TTL)$/i.test(key);
}

// `${NAME}` and a bare `$NAME` (the whole value) are references filled in at deploy time, not secrets.
const PLACEHOLDER =
  /^(|changeme|change[-_ ]?me.*|change[-_ ]?this.*|your[-_ ].*|<.*>|\{\{.*\}\}|\$\{.*\}|\$[A-Za-z_][A-Za-z0-9_]*|x+|\*+|\.\.\.|todo|tbd|none|null|example.*|sample.*|dummy.*|placeholder.*|secret|password|pass|test|dev|development|insecure.*|django-insecure-.*|replace.*|fill.*|set[-_ ]?me.*|put[-_ ].*|generate.*|-+)$/i;

/** Values that are obviously not real secrets (templates, examples, empty). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}
