// known_hosts lookup, as OpenSSH does it: plain and hashed (|1|salt|hash) host patterns, [host]:port for
// non-standard ports, wildcards and negation, @revoked markers. Written by hand: ssh2 leaves host key checking to
// the caller, and the npm known_hosts readers found do not handle hashed entries, negation and markers together.
import { createHmac } from 'node:crypto';

export interface KnownHostEntry {
  marker: '@revoked' | '@cert-authority' | null;
  /** The host field as written (comma-separated patterns or one hashed name). */
  hosts: string;
  keyType: string;
  /** The public key blob, base64 as written. */
  key: string;
  /** Where it was read ("~/.ssh/known_hosts:12"). */
  source: string;
}

/** Parses known_hosts text; unparsable lines are skipped as OpenSSH skips them. */
export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const out: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split(/\s+/);
    let marker: KnownHostEntry['marker'] = null;
    if (parts[0] === '@revoked' || parts[0] === '@cert-authority') marker = parts.shift() as KnownHostEntry['marker'];
    if (parts.length < 3) return;
    out.push({ marker, hosts: parts[0], keyType: parts[1], key: parts[2], source: `${file}:${i + 1}` });
  });
  return out;
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function lookupName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function hashedMatches(field: string, name: string): boolean {
  const [, kind, salt, hash] = field.split('|');
  if (kind !== '1' || !salt || !hash) return false;
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return digest === hash;
}

/** Whether an entry's host field names `name` (a negated pattern that matches wins over every positive one). */
export function hostMatches(field: string, name: string): boolean {
  if (field.startsWith('|')) return hashedMatches(field, name);
  let positive = false;
  for (const pattern of field.split(',')) {
    if (pattern.startsWith('!')) {
      if (globToRegExp(pattern.slice(1)).test(name)) return false;
    } else if (globToRegExp(pattern).test(name)) positive = true;
  }
  return positive;
}

/** The key type name inside an SSH public key blob (its first length-prefixed string). */
export function blobKeyType(blob: Buffer): string {
  if (blob.length < 4) return '';
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('latin1');
}

export type HostKeyVerdict =
  | { ok: true; entry: KnownHostEntry }
  | { ok: false; kind: 'unknown' | 'changed' | 'revoked'; message: string };

/**
 * Decides whether a presented host key is trusted. An unknown host and a changed key are both refusals:
 * opsaudit never adds or replaces a known_hosts entry.
 */
export function verifyHostKey(entries: readonly KnownHostEntry[], host: string, port: number, blob: Buffer): HostKeyVerdict {
  const name = lookupName(host, port);
  const presented = blob.toString('base64');
  const type = blobKeyType(blob);
  const revoked = entries.find((e) => e.marker === '@revoked' && e.key === presented);
  if (revoked) return { ok: false, kind: 'revoked', message: `the host key of ${name} is marked @revoked (${revoked.source})` };
  const forHost = entries.filter((e) => e.marker === null && hostMatches(e.hosts, name));
  const same = forHost.find((e) => e.key === presented);
  if (same) return { ok: true, entry: same };
  if (forHost.length > 0) {
    const where = forHost.map((e) => e.source).join(', ');
    return {
      ok: false,
      kind: 'changed',
      message: `HOST KEY MISMATCH for ${name}: the server presented a ${type} key that does not match known_hosts (${where}). Someone may be intercepting the connection, or the server was reinstalled; check the fingerprint out of band before updating known_hosts.`,
    };
  }
  return {
    ok: false,
    kind: 'unknown',
    message: `${name} is not in known_hosts: opsaudit never trusts an unknown host key. Check its ${type} fingerprint out of band, then add it (for example: ssh -p ${port} ${host} once, or ssh-keyscan after checking the fingerprint).`,
  };
}

/** The host key algorithms to offer, in the order known_hosts lists key types for this host (as OpenSSH does). */
export function preferredHostKeyAlgorithms(entries: readonly KnownHostEntry[], host: string, port: number): string[] {
  const name = lookupName(host, port);
  const out: string[] = [];
  for (const e of entries) {
    if (e.marker !== null || !hostMatches(e.hosts, name)) continue;
    const algos = e.keyType === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [e.keyType];
    for (const a of algos) if (!out.includes(a)) out.push(a);
  }
  return out;
}
