// Facts about the repository as a whole: discovered files, env files, parse problems.
import type { Located } from '../core/types/located.js';

export type OpsFileKind =
  | 'dockerfile'
  | 'dockerignore'
  | 'compose'
  | 'nginx'
  | 'django-manage'
  | 'django-settings'
  | 'django-urls'
  | 'django-wsgi'
  | 'django-asgi'
  | 'python'
  | 'requirements'
  | 'pyproject'
  | 'shell'
  | 'crontab'
  | 'systemd-unit'
  | 'systemd-timer'
  | 'logrotate'
  | 'gunicorn-config'
  | 'ci-workflow'
  | 'runbook'
  | 'env'
  | 'gitignore';

export interface RepoFile {
  /** Repo-relative path with forward slashes. */
  path: string;
  kinds: OpsFileKind[];
  size: number;
}

/** One KEY=value line of a .env-style file. */
export interface EnvEntry {
  key: Located<string>;
  /** The value with quotes removed; its loc spans the raw value. */
  value: Located<string>;
}

export type EnvFileRole = 'env' | 'example' | 'production' | 'development';

export interface EnvFile {
  path: string;
  role: EnvFileRole;
  entries: EnvEntry[];
}

/** A file that could not be parsed, reported as a `parse-error` finding. */
export interface ParseProblem {
  path: string;
  line: number;
  col: number;
  message: string;
  /** What the file was read as (compose, dockerfile, nginx, python...). */
  as: string;
}

export interface RepoFacts {
  /** Absolute path of the audited tree (never shown in reports). */
  root: string;
  files: RepoFile[];
  envFiles: EnvFile[];
  /** Paths listed by `git ls-files` when the tree is a git work tree, else null. */
  tracked: string[] | null;
  /** Files that could not be parsed; each becomes a `parse-error` finding. */
  parseProblems: ParseProblem[];
}
