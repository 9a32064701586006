// Facts about CI pipelines (GitHub Actions, GitLab CI): triggers, jobs and the commands their steps run.
import type { Located } from '../core/types/located.js';

export interface CiStep {
  name: string | null;
  /** The `run:` / `script:` text; its loc is where the value starts. */
  run: Located<string> | null;
  /** `uses:` action reference (GitHub). */
  uses: Located<string> | null;
  /** `with:` inputs of a GitHub action step with scalar values (`script:` of appleboy/ssh-action...) (optional). */
  with?: Record<string, Located<string>>;
}

export interface CiJob {
  name: Located<string>;
  /** Jobs this one waits for. */
  needs: string[];
  steps: CiStep[];
  /** A GitHub job that calls a reusable workflow (`uses: ./.github/workflows/test.yml`) instead of steps (optional). */
  uses?: Located<string> | null;
}

export interface CiWorkflow {
  path: string;
  provider: 'github' | 'gitlab' | 'other';
  /** Cron schedules that trigger the workflow (GitHub `on.schedule`, GitLab pipeline schedules are not in files). */
  schedules: Located<string>[];
  /** Branch pushes / tags / manual dispatch — informational. */
  triggers: string[];
  /** GitHub `on.workflow_run.workflows`: the workflows whose completion triggers this one (optional). */
  workflowRun?: string[];
  jobs: CiJob[];
}
