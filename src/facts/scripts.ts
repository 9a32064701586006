// Facts about shell scripts, crontabs and nginx configs.
import type { Located, SourceLoc } from '../core/types/located.js';

/** One word of a command line (a command name, an argument, a redirect target). */
export interface ShellWord {
  /** Quotes removed and escapes resolved; expansions kept as written (`"${BACKUP_FILE}.gz"` -> `${BACKUP_FILE}.gz`). */
  value: string;
  /** The word as written in the file. */
  raw: string;
  /** No parameter, command or arithmetic expansion: `value` is what the command receives (globs and `~` aside). */
  static: boolean;
  loc: SourceLoc;
}

/** A redirection (`> "$BACKUP_FILE"`, `2>&1`, `<<EOF`). */
export interface ShellRedirect {
  /** The operator without the fd: ">", ">>", "<", ">&", "&>", "&>>", "<<", "<<-", "<<<", ">|", "<>". */
  op: string;
  /** Explicit file descriptor (`2>`), or null. */
  fd: number | null;
  /** The file, descriptor or heredoc delimiter; null when the parser found none. */
  target: ShellWord | null;
  /** As written (for heredocs, only the `<<EOF` head). */
  text: string;
  loc: SourceLoc;
  /** Written on an enclosing compound command (`{ ...; } > log`, `while ...; done < list`), not on the command itself. */
  inherited: boolean;
}

/** A variable assignment: `NAME=value`, `export NAME=value`, `local x`, or a `NAME=value cmd` prefix. */
export interface ShellAssignment {
  name: string;
  /** The value (quotes removed); null for `export NAME` / `local name` without a value. Arrays keep their raw text. */
  value: ShellWord | null;
  /** The whole assignment (`PGPASSWORD="$DB_PASSWORD"`). */
  loc: SourceLoc;
  /** The declaration keyword (`export`, `local`, `readonly`, `declare`, `typeset`), or null for a plain assignment. */
  keyword: string | null;
  exported: boolean;
  /** Applies to one command only (`PGPASSWORD=x pg_dump ...`, `env X=1 cmd`, `docker exec -e X=1`). */
  commandScoped: boolean;
  inFunction: string | null;
}

/** A command-runner prefix that was looked through to find the command that really runs. */
export interface ShellWrapper {
  kind:
    | 'sudo'
    | 'su'
    | 'runuser'
    | 'gosu'
    | 'env'
    | 'nohup'
    | 'exec'
    | 'time'
    | 'nice'
    | 'ionice'
    | 'timeout'
    | 'flock'
    | 'command'
    | 'xargs'
    | 'stdbuf'
    | 'setsid'
    | 'chronic'
    | 'docker-exec'
    | 'docker-run'
    | 'compose-exec'
    | 'compose-run'
    | 'kubectl-exec'
    | 'python-runner'
    | 'shell-c';
  /** The wrapper's words as written, up to the wrapped command ("docker compose -f $COMPOSE_FILE exec -T postgres"). */
  text: string;
  /** The user the wrapped command runs as (`sudo -u postgres`, `docker exec -u app`), when given. */
  user: string | null;
  /** Container, compose service, pod or image the command runs in, for docker/compose/kubectl wrappers. */
  target: string | null;
}

export interface ShellCommand {
  /** Command name ("pg_dump", "docker"). */
  name: string;
  /** Words after the name, unquoted where static. */
  args: string[];
  /** The command's source text (its own redirections included, heredoc bodies excluded). */
  text: string;
  loc: SourceLoc;
  /** Set when the command is one stage of a pipeline of more than one command. */
  pipeline: { index: number; length: number; loc: SourceLoc } | null;
  /** Redirections as written on the command itself ("> file", "2>&1"). */
  redirects: string[];
  /** Enclosing function name, if any. */
  inFunction: string | null;
  /** Failure swallowed: `cmd || true`, `cmd || :`, `cmd || exit 0`, `cmd || return 0` (`&& true` hides nothing). */
  failureIgnored: boolean;

  /** The name word. */
  nameWord: ShellWord;
  /** The argument words, parallel to `args`. */
  argWords: ShellWord[];
  /** The command that really runs after wrappers (sudo, env, nohup, docker compose exec <svc>, sh -c ...). */
  effectiveName: string;
  effectiveArgs: string[];
  /** Wrappers looked through, outermost first (empty when the command runs directly). */
  wrappers: ShellWrapper[];
  /** Container/service/pod of the innermost docker, compose or kubectl wrapper, or null. */
  container: string | null;
  /** Variables set for this command only (prefix assignments, `env X=1`, `docker exec -e X=1`). */
  env: ShellAssignment[];
  /** Redirections in effect: the command's own, then those of enclosing compound commands (`inherited`). */
  redirections: ShellRedirect[];
  /** The text of the `||` fallback that runs when the command fails (`echo "failed"`), or null. */
  orElse: string | null;
  /** The exit status is tested (if/while condition, left of `&&`/`||`, negated with `!`), so `set -e` does not stop on it. */
  inCondition: boolean;
  /** Runs inside `$(...)`, backticks or `<(...)` (errexit is not inherited there by default). */
  inSubstitution: boolean;
  /** Runs in the background (`cmd &`). */
  background: boolean;
  /** Set when the command was parsed from a `sh -c '...'` / `su -c "..."` string; the loc of that string. */
  shellString: SourceLoc | null;
}

/** A `set` option change (`set -euo pipefail`, `set +e`) or an option from the shebang (`#!/bin/bash -e`). */
export interface ShellOption {
  /** Long option name: errexit, pipefail, nounset, xtrace, noclobber, allexport... */
  name: string;
  enabled: boolean;
  /** The `set` command or the shebang line. */
  at: Located<string>;
  inFunction: string | null;
  /** At top level: not in a function, subshell, substitution or pipeline. */
  topLevel: boolean;
}

/** A heredoc (`cat > /etc/cron.d/backup <<'EOF'`). */
export interface ShellHeredoc {
  delimiter: string;
  /** The delimiter was quoted (`<<'EOF'`): the body is not expanded. */
  quoted: boolean;
  /** `<<-`: leading tabs stripped. */
  stripTabs: boolean;
  /** The body as written (without the closing delimiter line). */
  body: Located<string>;
  /** Location of the command the heredoc feeds. */
  command: SourceLoc;
  inFunction: string | null;
}

export interface ShellScript {
  path: string;
  /** `set -e` / `set -o errexit` at top level (or errexit in the shebang): the first one. `options` has every change. */
  errexit: Located<string> | null;
  /** `set -o pipefail` at top level: the first one. */
  pipefail: Located<string> | null;
  /** `set -u` / `set -o nounset` at top level: the first one. */
  nounset: Located<string> | null;
  commands: ShellCommand[];
  functions: Located<string>[];
  /** The `#!` line, or null. */
  shebang: Located<string> | null;
  /** Interpreter from the shebang ("bash", "sh", "zsh"), `/usr/bin/env` looked through; null without a shebang. */
  interpreter: string | null;
  /** Every option change, in source order. */
  options: ShellOption[];
  assignments: ShellAssignment[];
  heredocs: ShellHeredoc[];
  /** The file has CRLF line endings (bash fails on `\r` in commands). */
  crlf: boolean;
}

export interface CronEntry {
  path: string;
  /** The five fields joined by one space ("0 2 * * *"), or the special string ("@daily", "@reboot"). */
  schedule: string;
  /** The user column of system crontabs (/etc/crontab, /etc/cron.d/*); null for user crontabs. */
  user: string | null;
  /** The command as written (before the first unescaped `%`). */
  command: Located<string>;

  /** The whole entry line. */
  line: Located<string>;
  /** `system` has a user column; `user` does not. */
  format: 'user' | 'system';
  /** The format was inferred from the content (no cron.d / etc/crontab path). */
  formatGuessed: boolean;
  /** The five time fields, or null for a special schedule. */
  fields: string[] | null;
  /** "@daily", "@reboot"... or null. */
  special: string | null;
  /** Text after the first unescaped `%` (sent to the command's stdin), or null. */
  stdin: string | null;
  /** Environment lines (MAILTO, SHELL, PATH, CRON_TZ...) in effect for this entry, by name. */
  env: Record<string, Located<string>>;
  /** The command parsed as shell, positions in the crontab file. */
  commands: ShellCommand[];
}

export interface NginxDirective {
  name: string;
  /** Arguments with quotes removed and escapes resolved (variables kept as written). */
  args: string[];
  /** From the name to the terminating `;` or the closing `}` of the block. */
  loc: SourceLoc;
  /** Present for block directives (`server { ... }`). */
  block: NginxDirective[] | null;
  /** For directives pulled in by `include`, the include directive's location. */
  includedFrom: SourceLoc | null;

  /** For `*_by_lua_block` directives: the block content as written (not parsed as directives), else null. */
  rawBlock: string | null;
}

/** An `include` directive and the repository files it resolved to. */
export interface NginxInclude {
  at: Located<string>;
  /** Repo-relative files, in the order nginx would read them (sorted, as nginx sorts glob results). */
  files: string[];
  /** How the pattern was matched ("relative to nginx/", "matched by path suffix conf.d/*.conf"), or why not. */
  resolution: string;
  /** The file ships with nginx, the distribution package or certbot (mime.types, uwsgi_params...): absence is normal. */
  stock: boolean;
}

export interface NginxConfig {
  /** Entry file (one not included by another). */
  path: string;
  /** The tree with includes expanded in place (each `include` directive is kept, followed by what it pulled in). */
  directives: NginxDirective[];
  /** Includes that matched no file in the repository. */
  unresolvedIncludes: Located<string>[];

  /** Every file of this config, entry first. */
  files: string[];
  includes: NginxInclude[];
  /**
   * The context the entry file's top level is written for: `main` (nginx.conf with events/http), `http`
   * (server/upstream blocks: a conf.d file), `server` (location blocks: a snippet), or `unknown`.
   */
  context: 'main' | 'http' | 'server' | 'unknown';
}

/** One `Key=Value` line of a systemd unit file. */
export interface SystemdSetting {
  section: string;
  key: string;
  /** The value, continuation lines joined with a space; its loc spans the value as written. */
  value: Located<string>;
}

/** A systemd unit file (`.service`, `.timer`, `.socket`). */
export interface SystemdUnit {
  path: string;
  /** The file name ("backup.service"). */
  name: string;
  /** The unit type from the extension ("service", "timer", "socket"). */
  type: string;
  settings: SystemdSetting[];
  /** Exec*= command lines of [Service], parsed as commands (the `-`, `@`, `+`, `!`, `:` prefixes removed). */
  commands: ShellCommand[];
  /** For timers: the unit it starts (Unit=, else the .service of the same name); null for other types. */
  activates: string | null;
}

/** A logrotate directive (`rotate 7`, `daily`, `postrotate ... endscript`). */
export interface LogrotateDirective {
  name: string;
  args: string[];
  loc: SourceLoc;
  /** The script of prerotate/postrotate/firstaction/lastaction/preremove, else null. */
  script: string | null;
}

/** A `patterns { ... }` block of a logrotate config. */
export interface LogrotateStanza {
  /** The log file patterns it applies to ("/var/log/nginx/*.log"). */
  files: Located<string>[];
  directives: LogrotateDirective[];
  loc: SourceLoc;
}

export interface LogrotateConfig {
  path: string;
  /** Directives outside any block (defaults for the stanzas that follow). */
  globals: LogrotateDirective[];
  stanzas: LogrotateStanza[];
}
