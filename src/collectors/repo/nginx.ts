// nginx collector (stub: implemented by the nginx work).
import type { NginxConfig } from '../../facts/scripts.js';
import type { RepoCollectContext } from './context.js';

export function collectNginx(_ctx: RepoCollectContext): NginxConfig[] {
  return [];
}
