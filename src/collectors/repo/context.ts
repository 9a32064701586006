// Shared state for the repository collectors: file list, source cache, problems and secrets found.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFile, type SourceFile } from '../../core/types/located.js';
import type { CollectorIssue, FactKind } from '../../facts/index.js';
import type { EnvFile, OpsFileKind, ParseProblem, RepoFile } from '../../facts/repo.js';

/** Files larger than this are not read (generated or data files, not configuration). */
const MAX_READ_BYTES = 2 * 1024 * 1024;
/** Raw texts kept for sharing between collectors that scan many files (hygiene, env references). */
const TEXT_CACHE_BYTES = 64 * 1024 * 1024;

export class RepoCollectContext {
  readonly sources = new Map<string, SourceFile>();
  readonly issues: CollectorIssue[] = [];
  readonly parseProblems: ParseProblem[] = [];
  readonly secretValues = new Set<string>();
  readonly notes: string[] = [];
  envFiles: EnvFile[] = [];
  private readonly byPath: Map<string, RepoFile>;
  private readonly texts = new Map<string, string | null>();
  private textBytes = 0;

  constructor(
    readonly root: string,
    readonly files: RepoFile[],
  ) {
    this.byPath = new Map(files.map((f) => [f.path, f]));
  }

  /** Files of a kind, in path order. */
  ofKind(kind: OpsFileKind): RepoFile[] {
    return this.files.filter((f) => f.kinds.includes(kind));
  }

  exists(path: string): boolean {
    return this.byPath.has(path);
  }

  /** True when the path is a directory holding at least one discovered file. */
  dirExists(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return this.files.some((f) => f.path.startsWith(prefix));
  }

  /**
   * Reads a repository file once and keeps its text for proof quoting.
   * A file that cannot be read becomes a collector issue for `kind`, and null.
   */
  read(path: string, kind: FactKind): SourceFile | null {
    const cached = this.sources.get(path);
    if (cached) return cached;
    const info = this.byPath.get(path);
    if (info && info.size > MAX_READ_BYTES) {
      this.issue(kind, path, `${path} is larger than ${MAX_READ_BYTES / 1024 / 1024} MiB and was not read`);
      return null;
    }
    try {
      const abs = join(this.root, path);
      const text = this.texts.get(path) ?? (info ? readKnownSize(abs, info.size) : readFileSync(abs, 'utf8'));
      const src = sourceFile(path, text);
      this.sources.set(path, src);
      return src;
    } catch (err) {
      this.issue(kind, path, `${path} could not be read: ${(err as Error).message}`);
      return null;
    }
  }

  /**
   * Reads a file's text for scanning without keeping it as a quotable source; repeated scans of the same
   * file share one read. Null when unreadable or larger than the read limit (scanners skip such files; they
   * are never evidence).
   */
  readText(path: string): string | null {
    const kept = this.sources.get(path);
    if (kept) return kept.text;
    if (this.texts.has(path)) return this.texts.get(path) ?? null;
    let text: string | null;
    try {
      text = readUpTo(join(this.root, path), MAX_READ_BYTES);
    } catch {
      text = null;
    }
    if (text !== null && this.textBytes + text.length <= TEXT_CACHE_BYTES) {
      this.texts.set(path, text);
      this.textBytes += text.length;
    }
    return text;
  }

  issue(kind: FactKind, file: string | null, reason: string, onlyRules?: string): void {
    this.issues.push(onlyRules ? { kind, file, reason, onlyRules } : { kind, file, reason });
  }

  /** Records a parse failure: a `parse-error` finding, and `unknown` for the rules that need `kind`. */
  parseProblem(kind: FactKind, problem: ParseProblem): void {
    this.parseProblems.push(problem);
    this.issue(kind, problem.path, `${problem.path} could not be parsed as ${problem.as} (line ${problem.line}: ${problem.message})`);
  }

  /**
   * Records a line the consuming program skips with a warning (systemd ignores a malformed line and loads the rest):
   * a `parse-error` finding for that line, while the rest of the file's facts stay usable.
   */
  parseWarning(problem: ParseProblem): void {
    this.parseProblems.push(problem);
  }

  /** Remembers a literal secret so it is masked wherever it appears in output. */
  secret(value: string): void {
    if (value.length >= 8) this.secretValues.add(value);
  }
}

/** One buffer for every read: scans read thousands of small files, and most fit in it. */
let shared = Buffer.allocUnsafe(256 * 1024);

/**
 * Reads a file whose size the walk may already know, without readFileSync's fstat and buffer per file
 * (a third faster over thousands of small files). A file that grew since it was measured is read again whole.
 */
function readKnownSize(absPath: string, size: number): string {
  if (size + 1 > shared.length) shared = Buffer.allocUnsafe(size + 1);
  const n = readInto(absPath, size + 1);
  return n > size ? readFileSync(absPath, 'utf8') : shared.toString('utf8', 0, n);
}

/** Reads a small file without measuring it first; null when it is larger than `maxBytes`. */
function readUpTo(absPath: string, maxBytes: number): string | null {
  const n = readInto(absPath, shared.length);
  if (n < shared.length) return shared.toString('utf8', 0, n);
  const size = statSync(absPath).size;
  return size > maxBytes ? null : readKnownSize(absPath, size);
}

function readInto(absPath: string, bytes: number): number {
  const fd = openSync(absPath, 'r');
  try {
    return readSync(fd, shared, 0, bytes, 0);
  } finally {
    closeSync(fd);
  }
}
