// Shell script and crontab collectors (stub: implemented by the scripts work).
import type { CronEntry, ShellScript } from '../../facts/scripts.js';
import type { RepoCollectContext } from './context.js';

export function collectShellScripts(_ctx: RepoCollectContext): ShellScript[] {
  return [];
}

export function collectCrontabs(_ctx: RepoCollectContext): CronEntry[] {
  return [];
}
