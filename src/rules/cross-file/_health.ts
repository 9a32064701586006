// Health checks of Django containers (Dockerfile HEALTHCHECK, compose healthcheck) and how Django's URLconf answers them.
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { DjangoProject, Route } from '../../facts/django.js';
import type { Facts } from '../../facts/index.js';
import { isDevFile, isDjangoDockerfile, isDjangoService, productionCompose } from '../django/_stack.js';

/** One URL a health check requests from inside the container. */
export interface HealthProbe {
  /** "Dockerfile.prod HEALTHCHECK", "docker-compose.prod.yaml service web healthcheck". */
  label: string;
  file: string;
  at: Located<unknown> | SourceLoc;
  command: string;
  url: string;
  host: string;
  /** Path with leading slash, without query string ("/health/"). */
  path: string;
}

/** http://localhost:8000/health/, 127.0.0.1:8000/ping, http://[::1]/x (the container calling itself). */
const LOCAL_URL = /(?:\bhttps?:\/\/)?\b(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?(\/[^\s'"|;&)<>`\\]*)?/gi;

function probesIn(command: string): { url: string; host: string; path: string }[] {
  const out: { url: string; host: string; path: string }[] = [];
  for (const m of command.matchAll(LOCAL_URL)) {
    // A bare "localhost" word without port or path is not a URL (e.g. pg_isready -h localhost).
    if (!m[0].includes('://') && m[2] === undefined) continue;
    const path = (m[3] ?? '/').replace(/[?#].*$/, '') || '/';
    out.push({ url: m[0], host: m[1].toLowerCase(), path });
  }
  return out;
}

/** Health checks that request a URL from a container running Django, in production files. */
export function healthProbes(facts: Pick<Facts, 'compose' | 'dockerfiles'>): HealthProbe[] {
  const out: HealthProbe[] = [];
  for (const d of facts.dockerfiles) {
    if (isDevFile(d.path) || !isDjangoDockerfile(d)) continue;
    const seen = new Set<number>();
    for (const stage of d.stages) {
      const hc = stage.healthcheck;
      if (!hc || seen.has(hc.loc.line) || /^\s*NONE\b/i.test(hc.args)) continue;
      seen.add(hc.loc.line);
      for (const p of probesIn(hc.expanded)) out.push({ label: `${d.path} HEALTHCHECK`, file: d.path, at: hc.loc, command: hc.expanded, ...p });
    }
  }
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      const hc = svc.healthcheck;
      if (!hc || hc.disabled || !hc.test || !isDjangoService(svc, facts.dockerfiles)) continue;
      for (const p of probesIn(hc.test.value)) {
        out.push({ label: `${hc.test.loc.file} service ${svc.name.value} healthcheck`, file: hc.test.loc.file, at: hc.test, command: hc.test.value, ...p });
      }
    }
  }
  return out;
}

/** Python regex source to a JavaScript RegExp (named groups, \Z, a leading inline flag), or null when it cannot be compiled. */
function pythonRegex(source: string, anchorEnd: boolean): RegExp | null {
  let s = source;
  let flags = '';
  const inline = /^\(\?([aiLmsux]+)\)/.exec(s);
  if (inline) {
    if (inline[1].includes('i')) flags += 'i';
    s = s.slice(inline[0].length);
  }
  s = s.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>').replace(/\\Z/g, '$').replace(/\\A/g, '^');
  // Joined include() prefixes leave inner anchors ("^api/^health/$"): drop every '^'/'$' that is not at an end
  // and not escaped or a character-class negation.
  const anchoredStart = s.startsWith('^');
  s = s.replace(/(?<![\\[])\^/g, '');
  s = s.replace(/(?<!\\)\$(?!$)/g, '');
  if (anchorEnd && !s.endsWith('$')) s += '$';
  try {
    return new RegExp((anchoredStart ? '^' : '') + s, flags);
  } catch {
    return null;
  }
}

const CONVERTERS: Record<string, string> = {
  int: '[0-9]+',
  str: '[^/]+',
  slug: '[-a-zA-Z0-9_]+',
  uuid: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  path: '.+',
};

/** A path() route to a RegExp; unknown (custom) converters match one path segment. */
function routeRegex(route: string, anchorEnd: boolean): RegExp {
  let out = '^';
  let last = 0;
  for (const m of route.matchAll(/<(?:(\w+):)?(\w+)>/g)) {
    out += escape(route.slice(last, m.index));
    out += `(${CONVERTERS[m[1] ?? 'str'] ?? '[^/]+'})`;
    last = (m.index ?? 0) + m[0].length;
  }
  out += escape(route.slice(last));
  return new RegExp(anchorEnd ? `${out}$` : out);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Views that include another URLconf the collector could not expand (admin.site.urls, router.urls, include(...)). */
function isInclude(r: Route): boolean {
  return r.view !== null && (/^include\(/.test(r.view) || /\.urls$/.test(r.view) || /\.get_urls\(\)$/.test(r.view));
}

/** One probe per health check command (its first URL), whatever number of URLs the command requests. */
export function oncePerCommand(probes: readonly HealthProbe[]): HealthProbe[] {
  const seen = new Set<string>();
  return probes.filter((probe) => {
    const key = `${probe.file}:${'loc' in probe.at ? probe.at.loc.line : probe.at.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type RouteMatch =
  | { kind: 'routed'; route: Route; appendSlash: boolean }
  | { kind: 'under-include'; route: Route }
  | { kind: 'unrouted' }
  | { kind: 'unknown'; reason: string };

/** How Django's URL resolver would answer a request path (leading slash included), APPEND_SLASH considered. */
export function resolvePath(project: DjangoProject, requestPath: string): RouteMatch {
  if (!project.urlconf) return { kind: 'unknown', reason: 'ROOT_URLCONF could not be resolved to a file' };
  if (project.routes.length === 0) return { kind: 'unknown', reason: `no URL patterns could be read from ${project.urlconf}` };
  const path = requestPath.replace(/^\/+/, '');
  const candidates = path.endsWith('/') ? [path] : [path, `${path}/`];
  let uncompilable: Route | null = null;
  // Expanded routes first (an include() the collector also expanded must not hide its own routes); routes added
  // under an `if` the collector could not evaluate come last, since production may not have them.
  const certain = project.routes.filter((r) => !r.condition);
  const ordered = [...certain.filter((r) => !isInclude(r)), ...certain.filter(isInclude), ...project.routes.filter((r) => r.condition)];
  for (const [i, p] of candidates.entries()) {
    for (const r of ordered) {
      const include = isInclude(r);
      const re = r.regex ? pythonRegex(r.path, false) : routeRegex(r.path, !include);
      if (!re) {
        uncompilable = r;
        continue;
      }
      if (!re.exec(p)) continue;
      if (r.condition) return { kind: 'unknown', reason: `${requestPath} is only routed under \`${r.condition}\` (${r.at.loc.file}:${r.at.loc.line}), which could not be evaluated for production` };
      if (include) return { kind: 'under-include', route: r };
      // A re_path endpoint without '$' matches any path that starts with it, as Django's regex.search does.
      return { kind: 'routed', route: r, appendSlash: i > 0 };
    }
  }
  if (uncompilable) return { kind: 'unknown', reason: `the pattern ${uncompilable.path} (${uncompilable.at.loc.file}:${uncompilable.at.loc.line}) could not be interpreted` };
  return { kind: 'unrouted' };
}

/**
 * Route paths that name a health endpoint (health, healthz, ping, status, ready, live, heartbeat...), or a
 * top-level `check/` (`path("check/", lambda r: HttpResponse("Ok"))`); deeper `.../check/` routes are app actions.
 */
export const HEALTH_SEGMENT =
  /(^|[/^])_?(health|healthz|healthcheck|health-check|health_check|ht|ping|status|ready|readiness|readyz|live|liveness|livez|alive|heartbeat)(\/|\$|$|\/\$)|^\^?_?check(\/|\$|$|\/\$)/i;

/** Apps whose URLconf provides a health endpoint (django-health-check, django-alive, django-watchman). */
export const HEALTH_APPS = /^(health_check|alive|watchman|django_alive|django_healthchecks|healthchecks)(\.|$)/;
