// Facts from probing live URLs (--url): plain records of TLS handshakes and HTTP exchanges, no judgement.

/** Why a probe step produced no result; rules report `unknown` with `reason`. */
export interface ProbeFailure {
  /** budget: the URL's total time budget was used up before this step ran. */
  kind: 'dns' | 'refused' | 'timeout' | 'reset' | 'tls' | 'http' | 'budget' | 'other';
  reason: string;
}

/** Thresholds and paths the probe ran with; rules judge against these, so a scan's settings travel with its facts. */
export interface EndpointSettings {
  /** A certificate expiring within this many days is a high finding (seed 004: 30). */
  certHighDays: number;
  /** ...and within this many days (or expired) a critical one (seed 004: 7). */
  certCriticalDays: number;
  /** Path of the health endpoint on the same origin (default /health/). */
  healthPath: string;
  /** The health endpoint must answer 200 within this many milliseconds (default 2000). */
  healthMaxMs: number;
  /** The home page should answer within this many milliseconds (default 2000, seed 003's alert threshold). */
  slowMs: number;
  /** A path the user names as raising a server error, to look for Django's technical 500 page; null: not probed. */
  errorPath: string | null;
  /** Path of the Django admin (default /admin/). */
  adminPath: string;
  /** Port tried for plain HTTP when checking the http:// -> https:// redirect of an https URL (default 80). */
  httpPort: number;
  /** Time limit of one connection or request, in milliseconds. */
  requestTimeoutMs: number;
  /** Total time limit of everything probed for one URL, in milliseconds. */
  budgetMs: number;
}

/** One certificate as presented by the server. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** subjectAltName entries as OpenSSL prints them ("DNS:app.example.com", "IP Address:127.0.0.1"). */
  san: string[];
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  fingerprint256: string;
  serialNumber: string;
  /** Node's asymmetricKeyType: rsa, rsa-pss, ec, ed25519, ed448, dsa; null when unreadable. */
  keyType: string | null;
  /** RSA/DSA modulus length or EC curve size in bits. */
  keyBits: number | null;
  /** EC curve name (prime256v1, secp384r1...). */
  curve: string | null;
  /** The algorithm the issuer signed with (sha256WithRSAEncryption, ecdsa-with-SHA1...), or its OID when unnamed. */
  signatureAlgorithm: string | null;
  /** Issued by itself and signed with its own key. */
  selfSigned: boolean;
  isCa: boolean;
}

/** Whether a legacy protocol version was accepted in a dedicated handshake that offered only that version. */
export type ProtocolSupport =
  | { state: 'accepted'; cipher: string }
  | { state: 'refused'; reason: string }
  | { state: 'unknown'; reason: string };

/** The result of the TLS handshakes with one host:port. */
export interface TlsProbe {
  host: string;
  port: number;
  /** SNI sent (null for IP addresses, which carry no SNI). */
  servername: string | null;
  /** Negotiated by a default client (what a browser would get). */
  protocol: string;
  cipher: string;
  certificate: CertificateInfo;
  /** The further certificates the server sent (intermediates, sometimes the root), in order. */
  chain: CertificateInfo[];
  /** OpenSSL's verification error code (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT...), null when the chain validated. */
  chainError: string | null;
  hostnameMatch: boolean;
  hostnameError: string | null;
  /**
   * Set when a client with default settings could not complete the handshake at all (for instance a server that only
   * speaks TLS 1.0); the certificate was then read with a permissive client.
   */
  defaultHandshakeError: string | null;
  legacy: { 'TLSv1': ProtocolSupport; 'TLSv1.1': ProtocolSupport };
  /** Whether TLS 1.3 was negotiated by a client offering it; null when the default handshake failed. */
  tls13: boolean | null;
  durationMs: number;
}

/** A Set-Cookie header, parsed; the cookie's value is never kept. */
export interface SetCookie {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  /** As written (Lax, Strict, None), null when absent. */
  sameSite: string | null;
  /** The attributes as written after the value ("Path=/; Secure; SameSite=Lax"); the value itself is dropped. */
  attributes: string;
}

/** One HTTP request and its response (redirects are separate exchanges). */
export interface HttpExchange {
  method: 'GET';
  url: string;
  status: number | null;
  /** Response headers by lower-case name; repeated headers joined with ", " (Set-Cookie is in `cookies`). */
  headers: Record<string, string>;
  cookies: SetCookie[];
  /** From sending the request to the end of the (possibly truncated) body. */
  durationMs: number;
  /** The start of the body as text (bounded). */
  body: string;
  bodyTruncated: boolean;
  /** Why no response was read; null when one was. */
  error: ProbeFailure | null;
}

/** A request that may have been redirected: every hop in order, the last one being the final answer. */
export interface HttpFetch {
  hops: HttpExchange[];
  /** Set when a redirect to another host was not followed (the last hop is that redirect). */
  offHost: string | null;
}

/** Everything probed for one --url. */
export interface EndpointFacts {
  /** The URL as probed (normalised: scheme, host, port and path). */
  url: string;
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  settings: EndpointSettings;
  /** ISO 8601 start of the probe; certificate days are counted from it. */
  probedAt: string;
  /**
   * Set when the endpoint could not be reached at all (DNS, refused, time-out): every rule is unknown for it with this
   * reason, and nothing else was probed.
   */
  error: ProbeFailure | null;
  /** Null for http:// URLs. */
  tls: TlsProbe | null;
  tlsError: ProbeFailure | null;
  /** GET of the URL, following redirects on the same host. */
  home: HttpFetch | null;
  /** GET of the http:// form of the URL without following (for http:// URLs: the home's first hop). */
  plainHttp: HttpExchange | null;
  /** GET of a random path that does not exist, to see which 404 page answers. */
  notFound: HttpFetch | null;
  /** GET of settings.errorPath, when given. */
  errorPage: HttpFetch | null;
  health: HttpFetch | null;
  admin: HttpFetch | null;
}
