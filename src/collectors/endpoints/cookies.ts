// Set-Cookie attributes (RFC 6265 section 5.2): only the flags the rules judge; the value is masked at once.
import type { SetCookie } from '../../facts/endpoint.js';

/**
 * Parses one Set-Cookie header. Written by hand: the attribute grammar is a split on ";" with case-insensitive
 * names, and the cookie libraries on npm parse values (which we must not keep) rather than report flags.
 */
export function parseSetCookie(header: string): SetCookie | null {
  const parts = header.split(';');
  const first = parts.shift() ?? '';
  const eq = first.indexOf('=');
  if (eq <= 0) return null;
  const name = first.slice(0, eq).trim();
  if (!name) return null;
  let secure = false;
  let httpOnly = false;
  let sameSite: string | null = null;
  for (const raw of parts) {
    const [key, ...rest] = raw.split('=');
    const attr = key.trim().toLowerCase();
    if (attr === 'secure') secure = true;
    else if (attr === 'httponly') httpOnly = true;
    else if (attr === 'samesite') sameSite = rest.join('=').trim() || null;
  }
  return { name, secure, httpOnly, sameSite, attributes: parts.map((p) => p.trim()).filter(Boolean).join('; ') };
}
