// Dockerfile collector (stub: implemented by the Dockerfile work).
import type { DockerfileFacts } from '../../facts/dockerfile.js';
import type { RepoCollectContext } from './context.js';

export function collectDockerfiles(_ctx: RepoCollectContext): DockerfileFacts[] {
  return [];
}
