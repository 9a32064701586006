// Response headers nginx adds at a level (add_header with nginx's inheritance, headers-more's more_set_headers).
import type { NginxConfig, NginxDirective } from '../../facts/scripts.js';
import { lookup, opaqueIncludes, type Level } from './_nginx.js';

/** Display names of the security headers the rules talk about. */
export const HEADER_NAMES: Record<string, string> = {
  'strict-transport-security': 'Strict-Transport-Security',
  'x-content-type-options': 'X-Content-Type-Options',
  'x-frame-options': 'X-Frame-Options',
  'content-security-policy': 'Content-Security-Policy',
  'referrer-policy': 'Referrer-Policy',
  'permissions-policy': 'Permissions-Policy',
  'cross-origin-opener-policy': 'Cross-Origin-Opener-Policy',
};

export interface HeaderSet {
  /** Lower-case header names nginx adds at this level, with the directive that adds each. */
  headers: Map<string, NginxDirective>;
  /** Includes not in the repository on the way up: they may add headers. */
  opaque: NginxDirective[];
}

/** The headers nginx adds to responses produced at `level` (a server or location). */
export function headersAt(config: NginxConfig, level: Level): HeaderSet {
  const headers = new Map<string, NginxDirective>();
  const l = lookup(config, level, 'add_header');
  for (const d of l.found) {
    const name = (d.args[0] ?? '').toLowerCase();
    // add_header X "" removes nothing and adds nothing.
    if (name && d.args[1] !== '') headers.set(name, d);
  }
  // headers-more's more_set_headers is inherited independently of add_header.
  for (let x: Level | null = level; x; x = x.parent) {
    for (const d of x.list.filter((y) => y.name === 'more_set_headers')) {
      for (const a of d.args) {
        const m = /^([A-Za-z0-9-]+)\s*:/.exec(a);
        if (m && !headers.has(m[1].toLowerCase())) headers.set(m[1].toLowerCase(), d);
      }
    }
  }
  // The CSP frame-ancestors directive replaces X-Frame-Options in every current browser.
  const csp = headers.get('content-security-policy');
  if (csp && /frame-ancestors/i.test(csp.args.slice(1).join(' ')) && !headers.has('x-frame-options')) headers.set('x-frame-options', csp);
  const opaque = [...l.opaque];
  for (let x: Level | null = level; x && x !== l.level; x = x.parent) for (const d of opaqueIncludes(config, x)) if (!opaque.includes(d)) opaque.push(d);
  return { headers, opaque };
}
