// Facts about Docker Compose projects (base file merged with its overrides, variables interpolated).
import type { Located, SourceLoc } from '../core/types/located.js';

/** One `${VAR}` inside a value. */
export interface ComposeInterpolation {
  name: string;
  /** `${VAR:-x}` / `${VAR-x}`: the value written after the operator; null when there is none. */
  defaultValue: string | null;
  /** The env file that gave the variable its value, or null. */
  definedIn: string | null;
}

export interface ComposeEnvVar {
  key: Located<string>;
  /** Interpolated value; null for `- KEY` with no value (taken from the shell). */
  value: Located<string> | null;
  /** The value as written, before interpolation. */
  raw: string | null;
  /** Variables interpolated into the value (empty for a literal). */
  interpolated: ComposeInterpolation[];
}

export interface ComposePort {
  /** The entry as written ("127.0.0.1:5432:5432", "6379"), or the long-syntax mapping. */
  raw: Located<string>;
  hostIp: string | null;
  /** Host port (or range); null when Compose picks an ephemeral host port. */
  published: string | null;
  target: string;
  protocol: string | null;
  /** Variables interpolated into the entry (empty for a literal). */
  interpolated: ComposeInterpolation[];
}

export interface ComposeVolumeMount {
  raw: Located<string>;
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'unknown';
  source: string | null;
  target: string;
  readOnly: boolean;
  /** For a bind mount inside the repository: the repo-relative path ("" for the root), else null. */
  sourcePath: string | null;
  /** For `sourcePath`: whether a file or directory exists there in the repository; null when not checkable. */
  exists: boolean | null;
  /** For `sourcePath`: whether the repository's .gitignore covers it (created at run time, kept out of git). */
  gitignored: boolean;
}

export interface ComposeHealthcheck {
  node: Located<unknown>;
  disabled: boolean;
  /** The test command as a single string (CMD / CMD-SHELL forms joined). */
  test: Located<string> | null;
}

export interface ComposeDependsOn {
  service: Located<string>;
  /** `service_started`, `service_healthy`, `service_completed_successfully`; null for the short list form. */
  condition: string | null;
}

/** An `env_file:` entry. */
export interface ComposeEnvFileRef {
  /** The path as written, located where it was written. */
  written: Located<string>;
  /** Repo-relative path, resolved against the project directory; null when it leaves the repository. */
  path: string | null;
  required: boolean;
  /** Whether the file is present in the audited tree (a git-ignored file present on disk counts). */
  exists: boolean;
}

export interface ComposeService {
  name: Located<string>;
  /** The file that defines the service (the base file, or the override that added it). */
  file: string;
  image: Located<string> | null;
  build: {
    /** The context as written (interpolated). */
    context: Located<string>;
    dockerfile: Located<string> | null;
    target: Located<string> | null;
    /** Repo-relative path of the Dockerfile used, or null (remote context, inline Dockerfile, outside the repo). */
    dockerfilePath: string | null;
  } | null;
  command: Located<string> | null;
  entrypoint: Located<string> | null;
  environment: ComposeEnvVar[];
  /** `env_file:` entries: the value is the repo-relative path (resolved), the location where it was written. */
  envFiles: Located<string>[];
  envFileRefs: ComposeEnvFileRef[];
  ports: ComposePort[];
  volumes: ComposeVolumeMount[];
  healthcheck: ComposeHealthcheck | null;
  dependsOn: ComposeDependsOn[];
  restart: Located<string> | null;
  /** deploy.restart_policy.condition (or the restart_policy node when it has no condition). */
  restartPolicy: Located<string> | null;
  /** deploy.resources.limits.memory or mem_limit. */
  memoryLimit: Located<string> | null;
  /** deploy.resources.limits.cpus or cpus. */
  cpuLimit: Located<string> | null;
  logging: { node: Located<unknown>; driver: string | null; options: Record<string, Located<string>> } | null;
  privileged: Located<boolean> | null;
  networkMode: Located<string> | null;
  capAdd: Located<string>[];
  containerName: Located<string> | null;
  secrets: Located<string>[];
  profiles: string[];
  /** Every top-level key of the service, for rules that need something not modelled above. */
  keys: Record<string, Located<unknown>>;
}

/** A `${VAR}` use in a compose file. */
export interface ComposeVariableUse {
  name: string;
  loc: SourceLoc;
  hasDefault: boolean;
  /** `${VAR:?message}` / `${VAR?message}`: Compose refuses to start without it. */
  required: boolean;
  /** Where the value came from, or null when no env file defines it. */
  definedIn: string | null;
}

/** A key of an env example file that belongs to this project, and who refers to it. */
export interface ComposeEnvExampleKey {
  key: Located<string>;
  /** Repository files naming the key: compose files, Dockerfiles, Python strings, shell scripts... */
  referencedIn: string[];
  /** Why the key counts as used without being named (read implicitly by a tool or an image), or null. */
  implicitUse: string | null;
}

/** An env example / template file documenting the variables of a project. */
export interface ComposeEnvExample {
  path: string;
  keys: ComposeEnvExampleKey[];
  /**
   * Why references to its keys cannot be listed completely (an external image loads the file through env_file,
   * settings map environment variables to names dynamically, sources were too large to scan), or null.
   */
  incomplete: string | null;
}

/** `base`: the default file on its own, when a production overlay (`-f docker-compose.yml -f docker-compose.prod.yml`) uses it. */
export type ComposePurpose = 'production' | 'development' | 'test' | 'base' | 'unknown';

export interface ComposeProject {
  /** The base file; overrides follow in `files`. */
  file: string;
  files: string[];
  /** Project directory (the base file's directory, repo-relative, "" for the root). */
  dir: string;
  /** What the project is for, judged from file names and commands, with the reason. */
  purpose: { kind: ComposePurpose; reason: string };
  services: ComposeService[];
  /** Top-level named volumes, secrets (name -> file). */
  volumes: Located<string>[];
  secrets: { name: Located<string>; file: Located<string> | null }[];
  variables: ComposeVariableUse[];
  /** Env files used for interpolation (repo-relative), in order of preference. */
  interpolationSources: string[];
  /** Env example files belonging to the project (interpolation sources and examples of its env_file files). */
  envExamples: ComposeEnvExample[];
  /**
   * A Docker daemon.json in the repository that makes the host's default logging rotate (log-opts max-size, or a
   * driver such as local or journald): services without `logging:` inherit it. Null when there is none.
   */
  daemonLogRotation: Located<string> | null;
  /** Top-level `include:` entries: services defined there are not among `services` (optional). */
  includes?: Located<string>[];
}
