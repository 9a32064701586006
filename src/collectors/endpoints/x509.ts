// Describes an X.509 certificate for the facts: names, validity, key, signature algorithm, self-signature.
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../../facts/endpoint.js';

/** Signature algorithm OIDs (RFC 3279, 4055, 5758, 8410) by the names OpenSSL prints. */
const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const CURVE_BITS: Record<string, number> = { prime256v1: 256, 'P-256': 256, secp256k1: 256, secp384r1: 384, 'P-384': 384, secp521r1: 521, 'P-521': 521, secp224r1: 224, prime192v1: 192 };

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(der: Buffer, at: number): Tlv {
  const tag = der[at];
  let len = der[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i += 1) len = len * 256 + der[start + i];
    start += n;
  }
  if (start + len > der.length) throw new Error('truncated DER');
  return { tag, start, end: start + len };
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let v = 0;
  for (const b of bytes.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/**
 * The outer signatureAlgorithm of a DER certificate (RFC 5280 4.1.1.2). Written by hand because Node 20's
 * X509Certificate does not expose it (signatureAlgorithm arrived in Node 22) and a full ASN.1 library would be a
 * large dependency for three nested SEQUENCE headers.
 */
export function signatureAlgorithm(der: Buffer): string | null {
  try {
    const cert = readTlv(der, 0);
    if (cert.tag !== 0x30) return null;
    const tbs = readTlv(der, cert.start);
    const algId = readTlv(der, tbs.end);
    if (algId.tag !== 0x30) return null;
    const oid = readTlv(der, algId.start);
    if (oid.tag !== 0x06) return null;
    const dotted = decodeOid(der.subarray(oid.start, oid.end));
    return SIGNATURE_ALGORITHMS[dotted] ?? dotted;
  } catch {
    return null;
  }
}

function iso(date: string): string {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? date : d.toISOString();
}

/** One-line distinguished name ("CN=app.example.com, O=Example") from Node's newline-separated form. */
function dn(text: string): string {
  return text.split('\n').filter(Boolean).join(', ');
}

function selfSigned(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/** Reads everything the rules need from a certificate. */
export function describeCertificate(cert: X509Certificate): CertificateInfo {
  let keyType: string | null = null;
  let keyBits: number | null = null;
  let curve: string | null = null;
  try {
    const key = cert.publicKey;
    keyType = key.asymmetricKeyType ?? null;
    const d = key.asymmetricKeyDetails ?? {};
    if (typeof d.modulusLength === 'number') keyBits = d.modulusLength;
    if (typeof d.namedCurve === 'string') {
      curve = d.namedCurve;
      keyBits = CURVE_BITS[d.namedCurve] ?? null;
    }
    if (keyType === 'ed25519') keyBits = 256;
    if (keyType === 'ed448') keyBits = 456;
  } catch {
    // An algorithm Node cannot load: type and size stay unknown, and the key rule says so.
  }
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    san: cert.subjectAltName ? cert.subjectAltName.split(/,\s*/).filter(Boolean) : [],
    notBefore: iso(cert.validFrom),
    notAfter: iso(cert.validTo),
    fingerprint256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
    keyType,
    keyBits,
    curve,
    signatureAlgorithm: signatureAlgorithm(cert.raw),
    selfSigned: selfSigned(cert),
    isCa: cert.ca,
  };
}
