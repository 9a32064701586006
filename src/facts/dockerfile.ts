// Facts about Dockerfiles: stages and their instructions, with ARG/ENV substituted.
import type { Located, SourceLoc } from '../core/types/located.js';

/**
 * One simple command of a shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK (or of an exec form's `sh -c` script,
 * or the exec form's words themselves). Words carry their own location, so a rule can point at the
 * physical line of a continued instruction that holds the offending word.
 */
export interface DockerShellCommand {
  /** The command name and its arguments, quotes removed; `$VAR` references kept as written. */
  words: Located<string>[];
  /** Assignments before the command name (`SECRET_KEY=dummy python manage.py ...`), as written. */
  assignments: Located<string>[];
  /** Redirections (`> /app/log.txt`, `2>&1`): the operator and its target word. */
  redirects: { op: string; target: Located<string> }[];
  /** The control operator before this command (`&&`, `||`, `|`, `;`, `&`, newline as `\n`), null for the first. */
  prev: string | null;
  /** The control operator after this command, null for the last. */
  next: string | null;
  /** Nesting depth in `( ... )` subshells / `{ ... }` groups (0 at top level). */
  depth: number;
}

/** An ENV or ARG declaration. */
export interface DockerVarDecl {
  key: Located<string>;
  /** The value after substitution (quotes removed); null for `ARG NAME` without a default. */
  value: Located<string> | null;
  /** The value as written (quotes kept), null when there is none. */
  raw: string | null;
}

export interface DockerInstruction {
  /** Upper-cased keyword (RUN, COPY, HEALTHCHECK...). */
  keyword: string;
  /** Arguments as written (flags included), continuation lines joined with a single space, comment lines dropped. */
  args: string;
  /**
   * Arguments after ARG/ENV substitution (unknown variables kept as written). Exec forms are not substituted
   * (Docker does not either); CMD/ENTRYPOINT/HEALTHCHECK shell forms use the image's ENV defaults.
   */
  expanded: string;
  /**
   * Exec / JSON form (`["a","b"]`) parsed, or null for the shell form. For HEALTHCHECK, the form after `CMD`;
   * also set for the JSON form of ADD, COPY, VOLUME and SHELL (after the flags).
   */
  execForm: string[] | null;
  /** Spans all physical lines of the instruction. */
  loc: SourceLoc;
  /** Flags before the arguments (`--from=builder` is `{ name: 'from', value: 'builder' }`), values substituted. */
  flags: { name: string; value: string | null }[];
  /** Commands run by RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, in order; empty for other instructions. */
  commands: DockerShellCommand[];
  /** ENV and ARG declarations of this instruction. */
  vars: DockerVarDecl[];
  /** The instruction uses a here-document (`RUN <<EOF`). */
  heredoc: boolean;
}

export interface DockerStage {
  index: number;
  name: Located<string> | null;
  /** FROM image reference after substitution ("python:3.12-slim"). */
  from: Located<string>;
  /** The FROM refers to an earlier stage by name. */
  fromStage: boolean;
  /** Index of that earlier stage, when `fromStage`. */
  parent: number | null;
  /** Variables left unresolved in the FROM reference (declared without default, or unknown). */
  fromUnresolved: string[];
  instructions: DockerInstruction[];
  /** The last USER of this stage (inherited from a parent stage when none). */
  user: Located<string> | null;
  /** The last HEALTHCHECK of this stage, or the parent stage's (HEALTHCHECK NONE included: see `args`). */
  healthcheck: DockerInstruction | null;
  /** The effective CMD (own or inherited from a parent stage; reset by an own ENTRYPOINT, as Docker does). */
  cmd: DockerInstruction | null;
  /** The effective ENTRYPOINT (own or inherited from a parent stage). */
  entrypoint: DockerInstruction | null;
  /** ENV keys set in this stage or inherited. */
  env: Record<string, { value: string; at: Located<string> }>;
  /** ARGs declared in this stage, with their default after substitution (null without one). */
  args: Record<string, { value: string | null; at: Located<string> }>;
}

export interface DockerfileFacts {
  path: string;
  stages: DockerStage[];
  /** Global ARGs before the first FROM: their default after substitution ('' at the name when there is none). */
  args: Record<string, Located<string>>;
  /** The escape character (`\` or a `# escape=` directive's). */
  escapeChar: string;
  /** Number of lines in the file (for absence notes: "no HEALTHCHECK among 75 lines"). */
  lineCount: number;
}
