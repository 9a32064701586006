// Facts about shell scripts, crontabs and nginx configs.
import type { Located, SourceLoc } from '../core/types/located.js';

export interface ShellCommand {
  /** Command name ("pg_dump", "docker"). */
  name: string;
  /** Words after the name, unquoted where static. */
  args: string[];
  /** The command's source text. */
  text: string;
  loc: SourceLoc;
  /** Set when the command is one stage of a pipeline of more than one command. */
  pipeline: { index: number; length: number; loc: SourceLoc } | null;
  /** Redirections as written ("> file", "2>&1"). */
  redirects: string[];
  /** Enclosing function name, if any. */
  inFunction: string | null;
  /** `cmd || true`, `cmd || :` and `cmd; true` patterns that swallow failure. */
  failureIgnored: boolean;
}

export interface ShellScript {
  path: string;
  /** `set -e` / `set -o errexit` at top level (or errexit in the shebang). */
  errexit: Located<string> | null;
  pipefail: Located<string> | null;
  commands: ShellCommand[];
  functions: Located<string>[];
}

export interface CronEntry {
  path: string;
  schedule: string;
  user: string | null;
  command: Located<string>;
}

export interface NginxDirective {
  name: string;
  args: string[];
  loc: SourceLoc;
  /** Present for block directives (`server { ... }`). */
  block: NginxDirective[] | null;
  /** For directives pulled in by `include`, the include directive's location. */
  includedFrom: SourceLoc | null;
}

export interface NginxConfig {
  /** Entry file (one not included by another). */
  path: string;
  /** The tree with includes expanded in place. */
  directives: NginxDirective[];
  /** Includes that matched no file in the repository. */
  unresolvedIncludes: Located<string>[];
}
