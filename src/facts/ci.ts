// Facts about CI pipelines (GitHub Actions, GitLab CI): triggers, jobs and the commands their steps run.
import type { Located } from '../core/types/located.js';

export interface CiStep {
  name: string | null;
  /** The `run:` / `script:` text; its loc is where the value starts. */
  run: Located<string> | null;
  /** `uses:` action reference (GitHub). */
  uses: Located<string> | null;
}

export interface CiJob {
  name: Located<string>;
  /** Jobs this one waits for. */
  needs: string[];
  steps: CiStep[];
}

export interface CiWorkflow {
  path: string;
  provider: 'github' | 'gitlab' | 'other';
  /** Cron schedules that trigger the workflow (GitHub `on.schedule`, GitLab pipeline schedules are not in files). */
  schedules: Located<string>[];
  /** Branch pushes / tags / manual dispatch — informational. */
  triggers: string[];
  jobs: CiJob[];
}
