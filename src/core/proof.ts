// Turns rule evidence into proof items, quoting lines from the sources the collectors kept.
import type { SourceFile } from './types/located.js';
import type { Proof, FileProof } from './types/proof.js';
import { type Evidence, isAbsence, isLocated } from './types/rule.js';

/** Builds the proof item for one piece of evidence; the quoted text is the file's line, verbatim. */
export function toProof(e: Evidence, sources: ReadonlyMap<string, SourceFile>): Proof {
  if (isAbsence(e)) {
    const src = sources.get(e.absentIn);
    const note = src && !e.note ? `not found among ${src.lines.length} lines` : e.note;
    return { kind: 'file', path: e.absentIn, note };
  }
  const loc = isLocated(e) ? e.loc : 'file' in e && 'line' in e && typeof e.line === 'number' && 'endLine' in e ? e : null;
  if (loc && 'file' in loc) {
    const src = sources.get(loc.file);
    const text = src?.lines[loc.line - 1];
    if (text === undefined) return { kind: 'file', path: loc.file, note: `line ${loc.line} could not be quoted` };
    return { kind: 'file', path: loc.file, line: loc.line, text };
  }
  return e as Proof;
}

/** One-line human summary of a proof item, for the seed's `evidence` field. */
export function summarizeProof(p: Proof): string {
  switch (p.kind) {
    case 'file':
      return p.line !== undefined ? `${p.path}:${p.line}: ${(p.text ?? '').trim()}` : `${p.path}: ${p.note ?? 'see file'}`;
    case 'command':
      return `${p.host}$ ${p.command} (exit ${p.exit_code ?? 'none'}): ${firstLine(p.output)}`;
    case 'http':
      return `${p.method} ${p.url} -> ${p.status ?? 'no response'}`;
    case 'tls':
      return `${p.host}:${p.port} certificate ${p.subject}, valid until ${p.not_after}`;
  }
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export function isFileProof(p: Proof): p is FileProof {
  return p.kind === 'file';
}

/**
 * A line of a database dump. `line` and `text` promise that the file itself holds the text at that line (the results
 * contract, which our checks and users' tools verify). A compressed dump's lines exist only after decompression,
 * and a dump fetched from a server is not where its path says: their lines are quoted in the note instead.
 */
export function dumpLineProof(path: string, line: number, text: string, quotable: boolean, why = 'of the decompressed SQL'): FileProof {
  return quotable ? { kind: 'file', path, line, text } : { kind: 'file', path, note: `line ${line} ${why}: ${text}` };
}
