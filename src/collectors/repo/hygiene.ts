// Reads ignore files and scans text files for committed key material (private keys, well-known token shapes).
import type { CommittedSecret, CommittedSecretKind, HygieneFacts, IgnoreFile } from '../../facts/hygiene.js';
import type { RepoCollectContext } from './context.js';

/** Only well-known shapes: generic "high entropy" guessing flags hashes and test data on real projects. */
const SHAPES: [CommittedSecretKind, RegExp][] = [
  ['private-key', /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/],
  ['aws-access-key', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['github-token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['slack-token', /\bxox[abprs]-[0-9]{8,}-[A-Za-z0-9-]{10,}\b/],
  ['stripe-live-key', /\b[sr]k_live_[A-Za-z0-9]{20,}\b/],
  ['gitlab-token', /\bglpat-[A-Za-z0-9_-]{20}\b/],
];

const TEXT_EXTENSIONS = /\.(py|sh|bash|env|ya?ml|json|toml|ini|cfg|conf|txt|md|pem|key|crt|js|ts|example|sample|template|tf|properties)$/i;
const MAX_SCAN_BYTES = 512 * 1024;

function readIgnoreFile(ctx: RepoCollectContext, path: string): IgnoreFile | null {
  const src = ctx.read(path, 'hygiene');
  if (!src) return null;
  const patterns = src.lines.flatMap((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return [];
    const col = line.indexOf(trimmed) + 1;
    return [{ value: trimmed, loc: { file: path, line: i + 1, col, endLine: i + 1, endCol: col + trimmed.length } }];
  });
  return { path, dir: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', patterns };
}

function isTextName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return TEXT_EXTENSIONS.test(base) || base.startsWith('.env') || !base.includes('.');
}

export function collectHygiene(ctx: RepoCollectContext): HygieneFacts {
  const dockerignores = ctx.ofKind('dockerignore').map((f) => readIgnoreFile(ctx, f.path)).filter((x): x is IgnoreFile => x !== null);
  const gitignores = ctx.ofKind('gitignore').map((f) => readIgnoreFile(ctx, f.path)).filter((x): x is IgnoreFile => x !== null);
  const committedSecrets: CommittedSecret[] = [];
  let scannedFiles = 0;
  for (const f of ctx.files) {
    if (!isTextName(f.path)) continue;
    // Size is judged on the text: measuring every file first would cost a stat each.
    const text = ctx.readText(f.path);
    if (text === null || text.length > MAX_SCAN_BYTES) continue;
    scannedFiles++;
    // Cheap pre-filter: most files contain none of the markers, and are never kept as quotable sources.
    if (!/(PRIVATE KEY|AKIA|ASIA|gh[pousr]_|xox|_live_|glpat-)/.test(text)) continue;
    const src = ctx.read(f.path, 'hygiene');
    if (!src) continue;
    src.lines.forEach((line, i) => {
      for (const [kind, rx] of SHAPES) {
        const m = rx.exec(line);
        if (!m) continue;
        committedSecrets.push({ kind, at: { value: m[0], loc: { file: f.path, line: i + 1, col: m.index + 1, endLine: i + 1, endCol: m.index + 1 + m[0].length } } });
        if (kind !== 'private-key') ctx.secret(m[0]);
      }
    });
  }
  return { dockerignores, gitignores, committedSecrets, scannedFiles };
}
