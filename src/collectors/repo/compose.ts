// Compose collector (stub: implemented by the compose work).
import type { ComposeProject } from '../../facts/compose.js';
import type { RepoCollectContext } from './context.js';

export function collectCompose(_ctx: RepoCollectContext): ComposeProject[] {
  return [];
}
