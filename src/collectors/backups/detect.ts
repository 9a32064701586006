// Recognises a backup's format from its content (magic bytes, archive header, SQL text), never from its name alone,
// and reads the versions a dump declares (pg_dump's archive header, or the plain dump's header comments).
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync, constants as zc } from 'node:zlib';
import type { BackupFormat } from '../../facts/backup.js';
import { majorOf } from './binaries.js';

/** What pg_dump wrote at the start of a custom archive or of toc.dat. */
export interface ArchiveHeader {
  /** Archive format version "1.14.0": pg_restore rejects versions newer than it knows. */
  archiveVersion: string;
  /** When the dump started (the header stores the dumping machine's local time). */
  createdAt: Date | null;
  dbname: string | null;
  /** The source server's version, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  serverVersion: string | null;
  pgDumpVersion: string | null;
}

export interface Detection {
  format: BackupFormat;
  /** Why: "starts with the custom-format magic PGDMP", "gzip stream of SQL text", "an object-store XML error document". */
  evidence: string;
  header: ArchiveHeader | null;
  /** Versions declared by a plain dump's "-- Dumped by pg_dump version" / "-- Dumped from database version" lines. */
  pgDumpVersion: string | null;
  serverVersion: string | null;
  /** A plain dump's "-- Dumped by pg_dump version" line, for proof. */
  versionLine?: { line: number; text: string };
  /** A plain file's first non-blank line, for proof of what it is. */
  firstLine?: { line: number; text: string };
}

const HEAD_BYTES = 64 * 1024;

function readHead(path: string, bytes = HEAD_BYTES, position = 0): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, position);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Reads pg_dump's archive header (custom file, toc.dat, or toc.dat inside a tar). Null when it is not one. */
export function parseArchiveHeader(buf: Buffer): ArchiveHeader | null {
  if (buf.length < 12 || buf.toString('latin1', 0, 5) !== 'PGDMP') return null;
  const [vmaj, vmin, vrev] = [buf[5], buf[6], buf[7]];
  const archiveVersion = `${vmaj}.${vmin}.${vrev}`;
  const intSize = buf[8];
  let pos = 11; // magic(5) + version(3) + intSize(1) + offSize(1) + format(1)
  const base: ArchiveHeader = { archiveVersion, createdAt: null, dbname: null, serverVersion: null, pgDumpVersion: null };
  // Layouts this reader knows (1.10 to 1.16); a newer one is reported by version only.
  if (vmaj !== 1 || vmin < 10 || vmin > 16 || intSize < 1 || intSize > 8) return base;
  const readInt = (): number | null => {
    if (pos + 1 + intSize > buf.length) return null;
    const sign = buf[pos];
    let v = 0;
    for (let i = 0; i < intSize; i++) v += buf[pos + 1 + i] * 2 ** (8 * i);
    pos += 1 + intSize;
    return sign ? -v : v;
  };
  const readStr = (): string | null => {
    const len = readInt();
    if (len === null || len < 0 || pos + len > buf.length) return null;
    const s = buf.toString('utf8', pos, pos + len);
    pos += len;
    return s;
  };
  if (vmin >= 15) pos += 1; // compression algorithm byte
  else readInt(); // compression level
  const tm = [readInt(), readInt(), readInt(), readInt(), readInt(), readInt(), readInt()];
  if (tm.every((x) => x !== null)) {
    const [sec, min, hour, mday, mon, year] = tm as number[];
    const d = new Date(year + 1900, mon, mday, hour, min, sec);
    if (!Number.isNaN(d.getTime())) base.createdAt = d;
  }
  base.dbname = readStr();
  base.serverVersion = readStr();
  base.pgDumpVersion = readStr();
  return base;
}

/** The oldest pg_restore major that reads an archive version (pg_restore refuses newer archive versions). */
export function minMajorForArchive(archiveVersion: string): number | null {
  const m = /^1\.(\d+)/.exec(archiveVersion);
  if (!m) return null;
  const minor = Number(m[1]);
  if (minor >= 16) return 17;
  if (minor === 15) return 16;
  if (minor === 14) return 12;
  return 9;
}

/** The major version needed to restore: the pg_dump that wrote it (pg_restore/psql of that major or newer). */
export function requiredMajor(d: Detection): number | null {
  const byDump = d.pgDumpVersion ? majorOf(d.pgDumpVersion) : null;
  const byArchive = d.header ? minMajorForArchive(d.header.archiveVersion) : null;
  const candidates = [byDump, byArchive].filter((x): x is number => x !== null);
  return candidates.length > 0 ? Math.max(...candidates) : null;
}

/** Inflates the start of a gzip member (enough to recognise what it holds). */
function gunzipHead(buf: Buffer): Buffer | null {
  if (buf.length < 18 || buf[0] !== 0x1f || buf[1] !== 0x8b || buf[2] !== 8) return null;
  const flags = buf[3];
  let pos = 10;
  if (flags & 4) pos += 2 + buf.readUInt16LE(pos);
  if (flags & 8) pos = buf.indexOf(0, pos) + 1;
  if (flags & 16) pos = buf.indexOf(0, pos) + 1;
  if (flags & 2) pos += 2;
  if (pos <= 0 || pos >= buf.length) return null;
  try {
    // Only the first compressed bytes: corruption further on is the integrity check's business, not recognition's.
    return inflateRawSync(buf.subarray(pos, pos + 8192), { finishFlush: zc.Z_SYNC_FLUSH, maxOutputLength: HEAD_BYTES });
  } catch {
    return null;
  }
}

const PLAIN_DUMP_HEADER = /^--\r?\n-- PostgreSQL database (cluster )?dump\r?\n/;
/** A script starts with SQL (or psql) after optional comments and blank lines. */
const SQL_START = /^(?:\s*(?:--[^\n]*|\/\*[\s\S]*?\*\/))*\s*(?:SET|SELECT|CREATE|ALTER|INSERT|COPY|BEGIN|START|DROP|COMMENT|GRANT|REVOKE|DO|WITH|UPDATE|DELETE|TRUNCATE|\\connect|\\restrict|\\set)\b/i;

function plainVersions(text: string): Pick<Detection, 'pgDumpVersion' | 'serverVersion' | 'versionLine'> {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const byAt = lines.findIndex((l) => /^-- Dumped by pg_dump version \S/.test(l));
  const fromAt = lines.findIndex((l) => /^-- Dumped from database version \S/.test(l));
  const out: Pick<Detection, 'pgDumpVersion' | 'serverVersion' | 'versionLine'> = {
    pgDumpVersion: byAt >= 0 ? lines[byAt].replace(/^-- Dumped by pg_dump version /, '').trim() : null,
    serverVersion: fromAt >= 0 ? lines[fromAt].replace(/^-- Dumped from database version /, '').trim() : null,
  };
  if (byAt >= 0) out.versionLine = { line: byAt + 1, text: lines[byAt] };
  return out;
}

/** The first non-blank line (1-based), as proof of what a file holds. */
function firstNonBlank(text: string): { line: number; text: string } | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '');
  return i >= 0 && i < lines.length - 1 ? { line: i + 1, text: lines[i].replace(/\r$/, '') } : undefined;
}

function describeText(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const shown = first.length > 80 ? `${first.slice(0, 77)}...` : first;
  if (/^<\?xml|^<Error>|^<html|^<!doctype/i.test(first)) return `an XML/HTML document, not SQL (first line: ${shown})`;
  if (/^[{[]/.test(first)) return `JSON, not SQL (first line: ${shown})`;
  return `text that does not start like SQL (first line: ${shown})`;
}

/** Classifies decompressed-or-raw bytes that are not an archive. */
function classifyText(head: Buffer, gz: boolean): Omit<Detection, 'header'> {
  const none = { pgDumpVersion: null, serverVersion: null };
  if (head.includes(0)) return { format: 'unknown', evidence: `${gz ? 'gzip stream of ' : ''}binary data that is no pg_dump format`, ...none };
  const text = head.toString('utf8');
  if (PLAIN_DUMP_HEADER.test(text) || SQL_START.test(text)) {
    const v = plainVersions(text);
    const what = PLAIN_DUMP_HEADER.test(text) ? 'a pg_dump SQL script ("-- PostgreSQL database dump" header)' : 'SQL text';
    return { format: gz ? 'plain-gzip' : 'plain', evidence: gz ? `gzip stream of ${what}` : what, ...v };
  }
  return { format: 'unknown', evidence: gz ? `gzip stream of ${describeText(text)}` : describeText(text), ...none, ...(gz ? {} : { firstLine: firstNonBlank(text) }) };
}

/** Compressors whose output pg_restore and psql cannot read directly. */
const OTHER_MAGIC: [Buffer, string][] = [
  [Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), 'zstd-compressed data: decompress it (zstd -d) before verifying'],
  [Buffer.from([0x04, 0x22, 0x4d, 0x18]), 'lz4-compressed data: decompress it (lz4 -d) before verifying'],
  [Buffer.from('BZh'), 'bzip2-compressed data: decompress it (bunzip2) before verifying'],
  [Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), 'xz-compressed data: decompress it (unxz) before verifying'],
  [Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'a zip archive, not a pg_dump format'],
];

function isTar(buf: Buffer): boolean {
  return buf.length >= 512 && buf.toString('latin1', 257, 262) === 'ustar';
}

/** Detects the format of a file or directory from its content. */
export function detectFormat(path: string): Detection {
  const none = { header: null, pgDumpVersion: null, serverVersion: null };
  const st = statSync(path);
  if (st.isDirectory()) {
    const toc = join(path, 'toc.dat');
    if (!existsSync(toc)) return { format: 'unknown', evidence: 'a directory without toc.dat (not pg_dump -Fd output)', ...none };
    const header = parseArchiveHeader(readHead(toc, 4096));
    if (!header) return { format: 'unknown', evidence: 'a directory whose toc.dat lacks the PGDMP magic', ...none };
    return { format: 'directory', evidence: 'a directory with toc.dat starting with the archive magic PGDMP', header, pgDumpVersion: header.pgDumpVersion, serverVersion: header.serverVersion };
  }
  if (st.size === 0) return { format: 'unknown', evidence: 'the file is empty', ...none };
  const head = readHead(path);
  const header = parseArchiveHeader(head);
  if (header) return { format: 'custom', evidence: 'starts with the custom-format magic PGDMP', header, pgDumpVersion: header.pgDumpVersion, serverVersion: header.serverVersion };
  if (isTar(head)) {
    const name = head.toString('latin1', 0, 100).replace(/\0.*$/s, '');
    const inner = parseArchiveHeader(head.subarray(512));
    if (name === 'toc.dat' && inner)
      return { format: 'tar', evidence: 'a tar archive whose first member toc.dat starts with PGDMP', header: inner, pgDumpVersion: inner.pgDumpVersion, serverVersion: inner.serverVersion };
    return { format: 'unknown', evidence: `a tar archive whose first member is ${JSON.stringify(name)}, not pg_dump's toc.dat`, ...none };
  }
  const inflated = gunzipHead(head);
  if (inflated) {
    if (parseArchiveHeader(inflated)) return { format: 'unknown', evidence: 'a gzip-compressed custom-format archive: pg_restore reads it only after gunzip', ...none };
    if (isTar(inflated)) return { format: 'unknown', evidence: 'a gzip-compressed tar archive (a tarred dump?): extract it before verifying', ...none };
    return { ...classifyText(inflated, true), header: null };
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return { format: 'unknown', evidence: 'a gzip stream whose start cannot be inflated', ...none };
  for (const [magic, what] of OTHER_MAGIC) if (head.subarray(0, magic.length).equals(magic)) return { format: 'unknown', evidence: what, ...none };
  return { ...classifyText(head, false), header: null };
}
