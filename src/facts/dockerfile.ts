// Facts about Dockerfiles: stages and their instructions, with ARG/ENV substituted.
import type { Located, SourceLoc } from '../core/types/located.js';

export interface DockerInstruction {
  /** Upper-cased keyword (RUN, COPY, HEALTHCHECK...). */
  keyword: string;
  /** Arguments as written, continuation lines joined with a single space. */
  args: string;
  /** Arguments after ARG/ENV substitution (unknown variables kept as written). */
  expanded: string;
  /** Exec form (`["a","b"]`) parsed, or null for the shell form. */
  execForm: string[] | null;
  /** Spans all physical lines of the instruction. */
  loc: SourceLoc;
}

export interface DockerStage {
  index: number;
  name: Located<string> | null;
  /** FROM image reference after substitution ("python:3.12-slim"). */
  from: Located<string>;
  /** The FROM refers to an earlier stage by name. */
  fromStage: boolean;
  instructions: DockerInstruction[];
  /** The last USER of this stage (inherited from a parent stage when none). */
  user: Located<string> | null;
  healthcheck: DockerInstruction | null;
  /** ENV keys set in this stage or inherited. */
  env: Record<string, { value: string; at: Located<string> }>;
}

export interface DockerfileFacts {
  path: string;
  stages: DockerStage[];
  /** Global ARGs before the first FROM. */
  args: Record<string, Located<string>>;
}
