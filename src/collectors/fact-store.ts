// Runs the repository collectors in dependency order and assembles the FactStore.
import { execFileSync } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FactStore } from '../facts/index.js';
import type { RepoFile } from '../facts/repo.js';
import { SKIP_DIRS, walkRepository, type WalkedFile } from './repo/discover.js';
import { classifyByName, looksLikeCompose, looksLikeNginx, looksLikeShell, needsContentSniff } from './repo/classify.js';
import { RepoCollectContext } from './repo/context.js';
import { collectEnvFiles, envFilesNamedByCompose } from './repo/env-files.js';
import { collectCompose } from './repo/compose.js';
import { collectDockerfiles } from './repo/dockerfile.js';
import { collectDjango } from './repo/django.js';
import { collectShellScripts, collectCrontabs } from './repo/scripts.js';
import { collectNginx } from './repo/nginx.js';
import { collectSystemdUnits } from './repo/systemd.js';
import { collectLogrotate } from './repo/logrotate.js';
import { collectHygiene } from './repo/hygiene.js';
import { collectCiWorkflows } from './repo/ci.js';
import { collectTexts } from './repo/texts.js';
import { collectConfig } from './config.js';

export interface CollectOptions {
  /** Called with a short status while collecting (for a progress line). */
  onProgress?: (message: string) => void;
  /** The day .opsaudit.yml expiry dates are compared with (default: now). */
  now?: Date;
}

/** Reads the first bytes of a file, for classification by content. */
function peek(absPath: string, bytes = 4096): string {
  let fd: number | undefined;
  try {
    fd = openSync(absPath, 'r');
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Discovers and classifies the ops files of a repository. `tracked` (git ls-files) adds the files git tracks
 * although a .gitignore matches them: a committed `.env` is in the repository whatever .gitignore says.
 */
export function discoverFiles(root: string, tracked: readonly string[] | null = null): RepoFile[] {
  return withTracked(root, walkRepository(root), tracked).map((walked) => {
    const { path } = walked;
    const kinds = classifyByName(path);
    const sniff = needsContentSniff(path, kinds);
    if (sniff) {
      const head = peek(join(root, path), sniff === 'nginx' ? 65536 : sniff === 'compose' ? 8192 : 256);
      if (sniff === 'nginx' && looksLikeNginx(head)) kinds.push('nginx');
      if (sniff === 'shebang' && looksLikeShell(head)) kinds.push('shell');
      if (sniff === 'compose' && looksLikeCompose(head)) kinds.push('compose');
    }
    // The walked file keeps its lazily measured size.
    return Object.assign(walked, { kinds });
  });
}

function withTracked(root: string, walked: WalkedFile[], tracked: readonly string[] | null): WalkedFile[] {
  if (!tracked) return walked;
  const seen = new Set(walked.map((w) => w.path));
  const extra = tracked.filter((p) => !seen.has(p) && !p.split('/').some((part) => SKIP_DIRS.has(part)) && isFile(join(root, p)));
  if (extra.length === 0) return walked;
  return [...walked, ...extra.map((p) => ({ path: p, size: statSync(join(root, p)).size }))];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function trackedFiles(root: string): string[] | null {
  if (!existsSync(join(root, '.git'))) return null;
  try {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, timeout: 10_000, maxBuffer: 64 * 1024 * 1024 });
    return out.toString('utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** Collects every repository fact. Never throws for bad input: problems become issues and parse errors. */
export function collectRepository(root: string, options: CollectOptions = {}): FactStore {
  const progress = options.onProgress ?? (() => {});
  progress('discovering files');
  const tracked = trackedFiles(root);
  const files = discoverFiles(root, tracked);
  const ctx = new RepoCollectContext(root, files);
  progress(`reading ${files.filter((f) => f.kinds.length > 0).length} ops files`);
  ctx.envFiles = collectEnvFiles(ctx);
  const compose = collectCompose(ctx);
  ctx.envFiles.push(...envFilesNamedByCompose(ctx, compose));
  const dockerfiles = collectDockerfiles(ctx);
  progress('evaluating Django settings');
  const django = collectDjango(ctx, { compose, dockerfiles });
  const shell = collectShellScripts(ctx);
  const cron = collectCrontabs(ctx);
  const nginx = collectNginx(ctx);
  const systemd = collectSystemdUnits(ctx);
  const logrotate = collectLogrotate(ctx);
  const ci = collectCiWorkflows(ctx);
  const hygiene = collectHygiene(ctx);
  const texts = collectTexts(ctx);
  const config = collectConfig(ctx, options.now ?? new Date());
  return {
    facts: {
      repo: { root, files, envFiles: ctx.envFiles, tracked, parseProblems: ctx.parseProblems },
      compose,
      dockerfiles,
      django,
      shell,
      cron,
      nginx,
      systemd,
      logrotate,
      hygiene,
      ci,
      texts,
      host: [],
      config,
    },
    sources: ctx.sources,
    issues: ctx.issues,
    secretValues: ctx.secretValues,
    notes: ctx.notes,
  };
}
