// Django collector (stub: implemented by the Django settings work).
import type { ComposeProject } from '../../facts/compose.js';
import type { DockerfileFacts } from '../../facts/dockerfile.js';
import type { DjangoProject } from '../../facts/django.js';
import type { RepoCollectContext } from './context.js';

export interface DjangoCollectInputs {
  compose: ComposeProject[];
  dockerfiles: DockerfileFacts[];
}

export function collectDjango(_ctx: RepoCollectContext, _inputs: DjangoCollectInputs): DjangoProject[] {
  return [];
}
