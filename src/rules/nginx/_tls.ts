// TLS judgements shared by the protocol and cipher rules: what an OpenSSL cipher string lets through.

/** Weak cipher families the rules report, with what they mean. */
export const WEAK_FAMILIES: Record<string, string> = {
  RC4: 'RC4 (broken stream cipher)',
  DES: 'single DES (56-bit)',
  '3DES': '3DES (Sweet32)',
  MD5: 'MD5 MACs',
  NULL: 'NULL ciphers (no encryption)',
  EXPORT: 'EXPORT ciphers (40/56-bit, FREAK/Logjam)',
  LOW: 'LOW-strength ciphers',
  aNULL: 'anonymous suites (aNULL: no server authentication)',
};

/** OpenSSL keywords that name a weak family directly. */
const KEYWORD: Record<string, string[]> = {
  RC4: ['RC4'],
  DES: ['DES'],
  '3DES': ['3DES'],
  MD5: ['MD5'],
  NULL: ['NULL'],
  ENULL: ['NULL'],
  EXP: ['EXPORT'],
  EXPORT: ['EXPORT'],
  EXPORT40: ['EXPORT'],
  EXPORT56: ['EXPORT'],
  EXP40: ['EXPORT'],
  EXP56: ['EXPORT'],
  LOW: ['LOW'],
  ANULL: ['aNULL'],
  ADH: ['aNULL'],
  AECDH: ['aNULL'],
  COMPLEMENTOFALL: ['NULL'],
  // ALL is everything but eNULL: anonymous suites, 3DES, and RC4/DES/EXPORT where OpenSSL still builds them.
  ALL: ['aNULL', '3DES', 'RC4'],
  MEDIUM: ['3DES', 'RC4', 'aNULL'],
};

/** Groups that include anonymous suites unless an authenticating component is ANDed in. */
const ANON_CAPABLE = new Set(['HIGH', 'AES', 'AES128', 'AES256', 'AESGCM', 'AESCCM', 'AESCCM8', 'CHACHA20', 'CAMELLIA', 'CAMELLIA128', 'CAMELLIA256', 'ARIA', 'ARIA128', 'ARIA256', 'SHA', 'SHA1', 'SHA256', 'SHA384', 'KEDH', 'KDHE', 'DH', 'KEECDH', 'KECDHE', 'ECDH', 'TLSV1', 'TLSV1.2', 'SSLV3', 'SEED', 'IDEA']);
/** Components that restrict a token to authenticated key exchanges. */
const AUTHENTICATED = new Set(['ARSA', 'AECDSA', 'ADSS', 'DSS', 'ECDSA', 'RSA', 'KRSA', 'ECDHE', 'EECDH', 'DHE', 'EDH', 'PSK', 'APSK', 'KPSK', 'SRP', 'ASRP']);

/** Families an explicit suite name ("ECDHE-RSA-DES-CBC3-SHA") belongs to. */
function suiteFamilies(name: string): string[] {
  const n = name.toUpperCase();
  const out: string[] = [];
  if (n.includes('RC4')) out.push('RC4');
  if (/DES-CBC3|3DES/.test(n)) out.push('3DES');
  else if (/(^|-)DES(-|$)|DES-CBC-/.test(n)) out.push('DES');
  if (/-MD5$/.test(n)) out.push('MD5');
  if (/NULL/.test(n)) out.push('NULL');
  if (/^EXP/.test(n)) out.push('EXPORT');
  if (/^(ADH|AECDH)-/.test(n)) out.push('aNULL');
  return out;
}

/** Families a positive token of a cipher string brings in. */
function tokenFamilies(token: string): string[] {
  const parts = token.split('+').filter(Boolean);
  // An explicit suite name is written with dashes; keywords never are.
  if (parts.length === 1 && parts[0].includes('-')) return suiteFamilies(parts[0]);
  const upper = parts.map((p) => p.toUpperCase());
  const out = new Set<string>();
  for (const u of upper) {
    // In an AND (`RSA+3DES`), only what a component names is certain; a broad group (ALL, MEDIUM) is narrowed by the others.
    const families = KEYWORD[u] ?? [];
    if (upper.length > 1 && (u === 'ALL' || u === 'MEDIUM')) continue;
    for (const f of families) out.add(f);
  }
  if (upper.some((u) => AUTHENTICATED.has(u))) out.delete('aNULL');
  else if (upper.some((u) => ANON_CAPABLE.has(u) || u === 'ALL' || u === 'MEDIUM')) out.add('aNULL');
  return [...out];
}

/** Families a removal token (`!aNULL`, `-RC4`) takes out. */
function removedFamilies(token: string): string[] {
  const t = token.slice(1);
  if (t.includes('-')) return suiteFamilies(t);
  const u = t.toUpperCase();
  if (u === 'ANULL' || u === 'ADH') return ['aNULL'];
  if (u === 'EXPORT' || u === 'EXP') return ['EXPORT'];
  if (u === 'ENULL' || u === 'NULL') return ['NULL'];
  if (u === 'ALL' || u === 'MEDIUM') return [];
  return KEYWORD[u] ?? [];
}

/**
 * The weak families an OpenSSL cipher string (as nginx's ssl_ciphers passes it) lets through. Removals (`!x`,
 * `-x`) are applied whatever their position: `!` removes for good, and a `-` followed by a re-add is rare enough to
 * read as a removal. Modern OpenSSL no longer builds RC4/DES/EXPORT, but a string asking for them is still wrong.
 */
export function weakCipherFamilies(value: string): string[] {
  const tokens = value.split(/[:,\s]+/).filter(Boolean);
  const removed = new Set(tokens.filter((t) => t.startsWith('!') || t.startsWith('-')).flatMap(removedFamilies));
  const added = new Set(tokens.filter((t) => !/^[!\-+@]/.test(t)).flatMap(tokenFamilies));
  return Object.keys(WEAK_FAMILIES).filter((f) => added.has(f) && !removed.has(f));
}

/** Protocols nginx accepts in ssl_protocols that are deprecated (RFC 8996) or broken. */
export const WEAK_PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1'];
