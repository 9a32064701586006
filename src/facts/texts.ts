// Facts about files no structured collector reads (documentation, Makefiles, Procfiles, a few tool configs), as located lines.
import type { Located } from '../core/types/located.js';

/**
 * What a text file is: a README, a runbook-like document (recovery, backup, operations... in its name), other
 * documentation (docs/ trees, top-level guides), a Makefile/justfile, or the configuration of a deployment,
 * monitoring or proxy tool that has no parser of its own (Procfile, fly.toml, Caddyfile, traefik, alertmanager,
 * prometheus, monit, gunicorn.conf.py, fabfile.py, Jenkinsfile...).
 */
export type TextRole = 'readme' | 'runbook' | 'docs' | 'makefile' | 'tool-config';

/** A Markdown / reStructuredText / AsciiDoc heading. */
export interface TextHeading {
  /** 1 for `#` / `=` titles, 2 for `##`, ... */
  level: number;
  /** The heading text (markers removed), located on its line. */
  title: Located<string>;
  /** Last line of the section: the line before the next heading of the same or a higher level, or the file's last line. */
  endLine: number;
}

/** A Makefile (or justfile) target and its recipe. */
export interface MakeTarget {
  name: Located<string>;
  /** Prerequisites as written on the target line (other targets or files). */
  prerequisites: string[];
  /**
   * Recipe lines, one per physical line, located on that line. The value has make's `@`/`-`/`+` prefixes removed
   * and `$(VAR)` / `${VAR}` references to variables defined in the same file expanded (`$$` becomes `$`).
   */
  recipe: Located<string>[];
}

export interface TextFile {
  path: string;
  role: TextRole;
  /** Every non-blank line as written (trailing `\r` removed), located on its whole line. */
  lines: Located<string>[];
  /** Headings of documentation files (empty for other roles); lines inside fenced code blocks are never headings. */
  headings: TextHeading[];
  /** Targets of a Makefile / justfile (empty for other roles). */
  targets: MakeTarget[];
}
