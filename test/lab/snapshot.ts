// Snapshots of directory trees (path, size, mode, mtime, sha256) to prove an audit changed nothing.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface Entry {
  path: string;
  type: 'file' | 'dir' | 'link' | 'other';
  size: number;
  mode: number;
  mtimeMs: number;
  sha256: string | null;
}

/** Every entry under the roots (symlinks are recorded, not followed; unreadable files keep sha256 null). */
export function snapshot(roots: readonly string[]): Entry[] {
  const out: Entry[] = [];
  const visit = (p: string) => {
    const st = lstatSync(p);
    const type = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    let sha256: string | null = null;
    if (type === 'file') {
      try {
        sha256 = createHash('sha256').update(readFileSync(p)).digest('hex');
      } catch {
        sha256 = null;
      }
    } else if (type === 'link') sha256 = createHash('sha256').update(readlinkSync(p)).digest('hex');
    out.push({ path: p, type, size: st.size, mode: st.mode, mtimeMs: st.mtimeMs, sha256 });
    if (type === 'dir') for (const name of readdirSync(p).sort()) visit(join(p, name));
  };
  for (const r of roots) if (existsSync(r)) visit(r);
  return out;
}
