// Facts about Docker Compose projects (base file merged with its overrides, variables interpolated).
import type { Located, SourceLoc } from '../core/types/located.js';

export interface ComposeEnvVar {
  key: Located<string>;
  /** Interpolated value; null for `- KEY` with no value (taken from the shell). */
  value: Located<string> | null;
  /** The value as written, before interpolation. */
  raw: string | null;
}

export interface ComposePort {
  /** The entry as written ("127.0.0.1:5432:5432", "6379"). */
  raw: Located<string>;
  hostIp: string | null;
  published: string | null;
  target: string;
}

export interface ComposeVolumeMount {
  raw: Located<string>;
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'unknown';
  source: string | null;
  target: string;
  readOnly: boolean;
}

export interface ComposeHealthcheck {
  node: Located<unknown>;
  disabled: boolean;
  /** The test command as a single string (CMD / CMD-SHELL forms joined). */
  test: Located<string> | null;
}

export interface ComposeDependsOn {
  service: Located<string>;
  condition: string | null;
}

export interface ComposeService {
  name: Located<string>;
  /** The file that defines the service (the base file, or the override that added it). */
  file: string;
  image: Located<string> | null;
  build: { context: Located<string>; dockerfile: Located<string> | null; target: Located<string> | null } | null;
  command: Located<string> | null;
  entrypoint: Located<string> | null;
  environment: ComposeEnvVar[];
  envFiles: Located<string>[];
  ports: ComposePort[];
  volumes: ComposeVolumeMount[];
  healthcheck: ComposeHealthcheck | null;
  dependsOn: ComposeDependsOn[];
  restart: Located<string> | null;
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
  /** Where the value came from, or null when no env file defines it. */
  definedIn: string | null;
}

export interface ComposeProject {
  /** The base file; overrides follow in `files`. */
  file: string;
  files: string[];
  services: ComposeService[];
  /** Top-level named volumes, secrets (name -> file). */
  volumes: Located<string>[];
  secrets: { name: Located<string>; file: Located<string> | null }[];
  variables: ComposeVariableUse[];
  /** Env files used for interpolation (repo-relative). */
  interpolationSources: string[];
}
