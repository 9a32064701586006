// Shared by the TLS rules: which endpoints have a TLS probe to judge, and the proof item of a handshake.
import type { TlsProof } from '../../core/types/proof.js';
import type { EndpointFacts, TlsProbe } from '../../facts/endpoint.js';

interface Ctx {
  unknown(target: string, reason: string): void;
  notApplicable(reason: string): void;
}

/** The https endpoints whose handshake succeeded; the others are reported here (unknown with the reason, or n/a). */
export function probedTls(endpoints: readonly EndpointFacts[], ctx: Ctx): { e: EndpointFacts; t: TlsProbe; target: string }[] {
  if (endpoints.length === 0) {
    ctx.notApplicable('no URL was probed (pass --url https://your-domain to check TLS)');
    return [];
  }
  const out: { e: EndpointFacts; t: TlsProbe; target: string }[] = [];
  for (const e of endpoints) {
    const target = `${e.host}:${e.port}`;
    if (e.scheme !== 'https') ctx.notApplicable(`${e.url} is a plain http:// URL: there is no TLS to check (http/no-https-redirect reports it)`);
    else if (e.tls) out.push({ e, t: e.tls, target });
    else ctx.unknown(target, (e.error ?? e.tlsError)?.reason ?? 'the TLS handshake produced no result');
  }
  return out;
}

/** The seed-contract proof item of a handshake; `protocol`/`cipher` may name another handshake than the default one. */
export function tlsProof(t: TlsProbe, handshake: { protocol: string; cipher: string } = t): TlsProof {
  const c = t.certificate;
  return {
    kind: 'tls',
    host: t.host,
    port: t.port,
    subject: c.subject,
    issuer: c.issuer,
    san: c.san,
    not_before: c.notBefore,
    not_after: c.notAfter,
    fingerprint256: c.fingerprint256,
    protocol: handshake.protocol,
    cipher: handshake.cipher,
  };
}

/** The data every TLS message and verify command can use. */
export function tlsData(t: TlsProbe): Record<string, string | number> {
  return { host: t.host, port: t.port, servername: t.servername ?? t.host };
}

export const OPENSSL_VERIFY = 'echo | openssl s_client -connect {host}:{port} -servername {servername} 2>/dev/null | openssl x509 -noout';
