// TLS probe: real handshakes with node:tls — the certificate and chain a default client sees, plus legacy versions.
import { isIP } from 'node:net';
import tls, { type ConnectionOptions, type TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo, ProbeFailure, ProtocolSupport, TlsProbe } from '../../facts/endpoint.js';
import { describeCertificate } from './x509.js';
import { type Budget, ProbeTimeout, isUnreachable, lookup, opensslReason, toFailure } from './net.js';

/**
 * Lets OpenSSL offer what a modern default refuses (TLS 1.0/1.1, SHA-1 signatures, small keys): used only to ask
 * whether the server accepts them, never to judge trust.
 */
export const PERMISSIVE_CIPHERS = 'DEFAULT:@SECLEVEL=0';

export interface TlsOptions {
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  ca?: string[];
  requestTimeoutMs: number;
}

interface Handshake {
  protocol: string;
  cipher: string;
  leaf: X509Certificate;
  chain: X509Certificate[];
  authorizationError: string | null;
  legacyPeer: tls.PeerCertificate;
}

/** Peer chain as Node reports it, without the leaf and without repeating a self-issued root. */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  let c: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  if (c?.fingerprint256) seen.add(c.fingerprint256);
  while (c?.issuerCertificate && !seen.has(c.issuerCertificate.fingerprint256)) {
    c = c.issuerCertificate;
    seen.add(c.fingerprint256);
    try {
      out.push(new X509Certificate(c.raw));
    } catch {
      break;
    }
  }
  return out;
}

/** One handshake; never rejects on trust (rejectUnauthorized: false) so that every certificate can be read. */
function handshake(host: string, port: number, extra: ConnectionOptions, timeoutMs: number): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const servername = isIP(host) ? undefined : host;
    const socket = tls.connect({ host, port, servername, lookup, rejectUnauthorized: false, ...extra });
    const timer = setTimeout(() => socket.destroy(new ProbeTimeout(timeoutMs, 'TLS handshake')), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      try {
        // Read the legacy object first: on Node 20, getPeerCertificate() returns {} once getPeerX509Certificate() ran.
        const legacyPeer = socket.getPeerCertificate();
        if (!legacyPeer?.raw) throw Object.assign(new Error('the server presented no certificate'), { code: 'ERR_SSL_NO_CERTIFICATE' });
        const err = socket.authorizationError as unknown;
        const code = err === null || err === undefined ? null : String((err as { code?: string }).code ?? err);
        resolve({
          protocol: socket.getProtocol() ?? 'unknown',
          cipher: socket.getCipher()?.name ?? 'unknown',
          leaf: new X509Certificate(legacyPeer.raw),
          chain: peerChain(socket),
          // Node reports a name mismatch here when the chain itself is fine; the name is judged on its own.
          authorizationError: code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? null : code,
          legacyPeer,
        });
      } catch (e) {
        reject(e);
      } finally {
        socket.destroy();
      }
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    });
  });
}

/** Client-side OpenSSL errors: the local library could not even offer the version, so the server was not asked. */
const LOCAL_REFUSAL = /no protocols available|no ciphers available|unsupported protocol version|invalid ssl\/tls version/i;

async function legacySupport(host: string, port: number, version: 'TLSv1' | 'TLSv1.1', budget: Budget, timeoutMs: number): Promise<ProtocolSupport> {
  const limit = budget.limit(timeoutMs);
  if (limit <= 0) return { state: 'unknown', reason: budget.exhausted().reason };
  try {
    const h = await handshake(host, port, { minVersion: version, maxVersion: version, ciphers: PERMISSIVE_CIPHERS }, limit);
    return { state: 'accepted', cipher: h.cipher };
  } catch (err) {
    const f = toFailure(err, `${host}:${port}`);
    const message = (err as Error)?.message ?? '';
    if (f.kind === 'tls' && LOCAL_REFUSAL.test(message) && !/alert/i.test(message))
      return { state: 'unknown', reason: `the local OpenSSL could not offer ${version}: ${opensslReason(message)}` };
    if (f.kind === 'tls' || f.kind === 'reset') return { state: 'refused', reason: f.reason };
    return { state: 'unknown', reason: f.reason };
  }
}

export type TlsResult = { probe: TlsProbe } | { failure: ProbeFailure };

/**
 * Probes host:port: a default handshake (Node's roots plus `ca`, the versions and ciphers a modern client offers), a
 * permissive one when the default fails, and one handshake each offering only TLS 1.0 and only TLS 1.1.
 */
export async function probeTls(host: string, port: number, options: TlsOptions, budget: Budget): Promise<TlsResult> {
  const where = `${host}:${port}`;
  const started = Date.now();
  const ca = options.ca && options.ca.length > 0 ? [...tls.rootCertificates, ...options.ca] : undefined;
  let main: Handshake;
  let defaultHandshakeError: string | null = null;
  let limit = budget.limit(options.requestTimeoutMs);
  if (limit <= 0) return { failure: budget.exhausted() };
  try {
    main = await handshake(host, port, { ca }, limit);
  } catch (err) {
    const f = toFailure(err, where);
    if (isUnreachable(f) || f.kind === 'other') return { failure: f };
    defaultHandshakeError = f.reason;
    limit = budget.limit(options.requestTimeoutMs);
    if (limit <= 0) return { failure: budget.exhausted() };
    try {
      main = await handshake(host, port, { ca, minVersion: 'TLSv1', ciphers: PERMISSIVE_CIPHERS }, limit);
    } catch (err2) {
      return { failure: toFailure(err2, where) };
    }
  }
  const identityError = tls.checkServerIdentity(host, main.legacyPeer);
  const tlsv1 = await legacySupport(host, port, 'TLSv1', budget, options.requestTimeoutMs);
  const tlsv11 = await legacySupport(host, port, 'TLSv1.1', budget, options.requestTimeoutMs);
  const certificate: CertificateInfo = describeCertificate(main.leaf);
  return {
    probe: {
      host,
      port,
      servername: isIP(host) ? null : host,
      protocol: main.protocol,
      cipher: main.cipher,
      certificate,
      chain: main.chain.map(describeCertificate),
      chainError: main.authorizationError,
      hostnameMatch: identityError === undefined,
      hostnameError: identityError ? identityError.message : null,
      defaultHandshakeError,
      legacy: { TLSv1: tlsv1, 'TLSv1.1': tlsv11 },
      tls13: defaultHandshakeError === null ? main.protocol === 'TLSv1.3' : null,
      durationMs: Date.now() - started,
    },
  };
}
