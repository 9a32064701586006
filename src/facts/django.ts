// Facts about Django projects: the resolved production settings, routes, and where values come from.
import type { Located, SourceLoc } from '../core/types/located.js';

/** A Python value the evaluator could compute. Paths (`BASE_DIR / "x"`) become strings. */
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/** The outcome of evaluating an expression: a value, or why there is none (KeyError, unsupported call...). */
export type Outcome = { ok: true; value: PyValue } | { ok: false; reason: string };

/** Where a production value for an environment variable was found. */
export interface EnvSource {
  value: string;
  at: Located<string>;
  /** "compose docker-compose.prod.yaml service web", ".env.prod.example", "Dockerfile.prod ENV"... */
  origin: string;
}

export type SettingValue =
  | { kind: 'literal'; value: PyValue; loc: SourceLoc }
  | {
      kind: 'from-env';
      /** The environment variable read (the first one when several are combined). */
      envVar: string;
      /** What Python computes when the variable is unset (the default, or a KeyError). */
      whenUnset: Outcome;
      /** What Python computes for a given raw string value of the variable. */
      whenSet: (raw: string) => Outcome;
      /** The value the production environment gives, when one was found in the repository. */
      production: { source: EnvSource; value: Outcome } | null;
      loc: SourceLoc;
    }
  | {
      kind: 'unknown';
      reason: string;
      loc: SourceLoc;
      /** The environment variables read, when the value combines several (optional). */
      envVars?: string[];
      /** With `envVars`: what Python computes for given values of those variables (absent = unset) (optional). */
      evaluate?: (env: Record<string, string | undefined>) => Outcome;
    };

export interface Setting {
  name: string;
  value: SettingValue;
  /** Module that made the last assignment ("myproj.settings.prod"). */
  module: string;
  /**
   * For dict and list values written as displays: each key / item by dotted path ("default.PASSWORD",
   * "default.CONN_MAX_AGE", "3" for a list item), with the location of the line that wrote it (optional).
   */
  keys?: Record<string, SettingValue>;
}

export interface Route {
  /** The full path as routed, joined across include() ("api/health/"); regexes keep their source. */
  path: string;
  regex: boolean;
  /** Where the path() / re_path() call is. */
  at: Located<string>;
  /** View as written ("views.health", "HealthView.as_view()"), null when not identifiable. */
  view: string | null;
  /** Whether the view's source reaches the database (connection, cursor, .objects); null when unknown. */
  viewTouchesDatabase: boolean | null;
  /** The `if` condition the route is added under when it could not be evaluated ("if settings.DEBUG") (optional). */
  condition?: string;
}

export interface SettingsChoice {
  module: string;
  file: string;
  /** Why this module was taken as production ("DJANGO_SETTINGS_MODULE in docker-compose.prod.yaml"). */
  reason: string;
  /** The place that named it, when one did. */
  at: Located<string> | null;
  /** True when several candidates existed and the choice was a judgement. */
  ambiguous: boolean;
}

/** A DJANGO_SETTINGS_MODULE reference found in wsgi/asgi/manage.py, Dockerfiles, compose or env files. */
export interface SettingsModuleReference {
  module: string;
  at: Located<string>;
  /** The module file exists in the repository. */
  exists: boolean;
}

export interface DjangoProject {
  /** Directory holding manage.py (repo-relative, "" for the root). */
  root: string;
  /** All settings modules found (module name -> file). */
  settingsModules: { module: string; file: string }[];
  references: SettingsModuleReference[];
  production: SettingsChoice | null;
  /** Final module namespace of the production settings, after star imports and `+=`. */
  settings: Record<string, Setting>;
  /** Why settings could not be evaluated, when they could not. */
  settingsProblem: string | null;
  /** ROOT_URLCONF module file, and its routes. */
  urlconf: string | null;
  routes: Route[];
  /**
   * Why the route list may be incomplete (urlpatterns that could not be evaluated, an include() that could not
   * be followed); null when every route was listed (optional).
   */
  routesProblem?: string | null;
  /** Production environment values found in the repository, by variable name. */
  productionEnv: Record<string, EnvSource>;
  /**
   * `from X import *` in the production settings (or the modules they import) of a module the audit could not read:
   * a setting absent from the repository's files may come from there (optional).
   */
  unreadStarImports?: string[];
  /**
   * String literals the production settings compare values with (`if PROVIDER == "smtp"`): tried as env values when
   * judging whether a setting depends on a variable (optional).
   */
  comparedLiterals?: string[];
  /** Declared dependencies (requirements*.txt, pyproject) by lower-cased name. */
  dependencies: Record<string, Located<string>>;
  asgi: string | null;
  wsgi: string | null;
  /** Files executed to build `settings` (the production module, its star imports and includes), in order (optional). */
  settingsFiles?: string[];
}
