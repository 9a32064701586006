// Routes of a Django URLconf: urlpatterns evaluated, include() chains joined into full paths, views identified.
import type { Route } from '../../facts/django.js';
import type { Evaluator, ModuleSource } from './evaluator.js';
import { codeChildren, nodeLoc, type Node } from './tree.js';
import { type PyClass, type PyFunc, type PyObj, type V, isList, isSym, isUnk, pyStr } from './value.js';

export interface RouteHost {
  /** A project module by absolute dotted name, or null when it is not in the repository. */
  module(name: string): ModuleSource | null;
  /** INSTALLED_APPS in production, when known. */
  installedApps: string[] | null;
}

export interface RoutesResult {
  routes: Route[];
  /** Why some routes could not be listed (an unresolved urlpatterns, an include the audit could not follow). */
  problems: string[];
}

/** Source patterns that reach the database from view code. */
const DB_USE = /\bconnections?\b|\bcursor\s*\(|\.objects\b|\bensure_connection\b|\bdjango\.db\b|\bget_object_or_404\b|\bget_list_or_404\b/;
/** Class-based views declaring a model or queryset read the database. */
const DB_CLASS_ATTR = /^\s*(model|queryset)\s*=/m;

/** Third-party URLconfs whose views are known. */
function thirdPartyTouches(module: string, installedApps: string[] | null): boolean | null {
  if (module === 'health_check.urls') {
    if (!installedApps) return null;
    return installedApps.some((a) => a === 'health_check.db' || a.startsWith('health_check.db.'));
  }
  if (module === 'watchman.urls') return true;
  if (module === 'django_prometheus.urls') return false;
  return null;
}

const DB_FREE_VIEWS = new Set([
  'django.views.generic.RedirectView',
  'django.views.generic.base.RedirectView',
  'django.views.generic.TemplateView',
  'django.views.generic.base.TemplateView',
  'django.views.static.serve',
  'django.views.i18n.JavaScriptCatalog',
]);

function oneLine(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

function isObj(v: V, cls: string): v is PyObj {
  return typeof v === 'object' && v !== null && !isSym(v) && !isUnk(v) && v.t === 'obj' && v.cls === cls;
}

/** Lists the routes reachable from a URLconf module. */
export function extractRoutes(ev: Evaluator, urlconf: ModuleSource, host: RouteHost): RoutesResult {
  const routes: Route[] = [];
  const problems: string[] = [];
  const visiting = new Set<string>();

  const fromModule = (src: ModuleSource, prefix: string, regex: boolean, condition: string | undefined, depth: number): void => {
    if (visiting.has(src.file) || depth > 12) return;
    visiting.add(src.file);
    const r = ev.evaluate(src);
    if (r.failure) problems.push(`${src.file} raises ${r.failure.exc} when imported (line ${r.failure.loc.line})`);
    const b = r.ns.get('urlpatterns');
    if (!b) problems.push(`${src.file} defines no urlpatterns`);
    else fromPatterns(b.v, prefix, regex, condition, depth, src.file);
    visiting.delete(src.file);
  };

  const fromPatterns = (v: V, prefix: string, regex: boolean, condition: string | undefined, depth: number, file: string): void => {
    if (isUnk(v)) {
      problems.push(`urlpatterns of ${file} could not be evaluated: ${v.reason}`);
      return;
    }
    if (!isList(v)) {
      problems.push(`urlpatterns of ${file} is not a list the audit could read`);
      return;
    }
    for (const item of v.items) {
      if (isList(item)) fromPatterns(item, prefix, regex, condition, depth, file);
      else if (isObj(item, 'route')) fromRoute(item, prefix, regex, condition, depth);
      else if (isUnk(item)) problems.push(`an entry of urlpatterns in ${file} could not be evaluated: ${item.reason}`);
    }
  };

  const fromRoute = (o: PyObj, prefix: string, regexSoFar: boolean, condition: string | undefined, depth: number): void => {
    const a = o.attrs as { kind: string; pattern: V; view: V; viewNode: Node | null; call: Node; file: string; condition?: string };
    const isRegex = a.kind === 're_path' || a.kind === 'url';
    const pattern = typeof a.pattern === 'string' ? a.pattern : `<${oneLine(codeChildren(a.call.childForFieldName('arguments') ?? a.call)[0]?.text ?? '?')}>`;
    const regex = regexSoFar || isRegex;
    const full = prefix ? prefix + (regex ? pattern.replace(/^\^/, '') : pattern) : pattern;
    const cond = condition ?? a.condition;
    const at = { value: full, loc: nodeLoc(a.file, a.call) };
    const viewText = a.viewNode ? oneLine(a.viewNode.text) : null;
    const emit = (view: string | null, touches: boolean | null) => {
      const route: Route = { path: full, regex, at, view, viewTouchesDatabase: touches };
      if (cond) route.condition = cond;
      routes.push(route);
    };
    const view = a.view;
    if (isObj(view, 'include')) {
      const target = view.attrs.target as V;
      const includeText = oneLine((view.attrs.node as Node).text);
      const tgt = isList(target) && target.t === 'tuple' && target.items.length >= 1 && !isObj(target.items[0], 'route') ? target.items[0] : target;
      if (typeof tgt === 'string') {
        const src = host.module(tgt);
        if (src) fromModule(src, full, regex, cond, depth + 1);
        else emit(includeText, thirdPartyTouches(tgt, host.installedApps));
      } else if (isList(tgt)) fromPatterns(tgt, full, regex, cond, depth + 1, a.file);
      else if (typeof tgt === 'object' && tgt !== null && !isSym(tgt) && !isUnk(tgt) && tgt.t === 'module') {
        const src = host.module(tgt.name);
        if (src) fromModule(src, full, regex, cond, depth + 1);
        else emit(includeText, null);
      } else if (typeof tgt === 'object' && tgt !== null && !isSym(tgt) && !isUnk(tgt) && tgt.t === 'ext') {
        emit(includeText, thirdPartyTouches(tgt.name.replace(/\.urls(\..*)?$/, '.urls'), host.installedApps));
      } else {
        problems.push(`include() at ${a.file}:${at.loc.line} could not be followed`);
        emit(includeText, null);
      }
      return;
    }
    emit(viewText, viewTouchesDatabase(view, host.installedApps));
  };

  fromModule(urlconf, '', false, undefined, 0);
  return { routes, problems };
}

/** Whether a view's code reaches the database; null when its code is not in the repository. */
export function viewTouchesDatabase(view: V, installedApps: string[] | null, depth = 0): boolean | null {
  if (depth > 4 || typeof view !== 'object' || view === null || isSym(view) || isUnk(view)) return null;
  switch (view.t) {
    case 'func':
      return funcTouches(view, depth);
    case 'class':
      return classTouches(view, depth);
    case 'obj':
      if (view.cls === 'view') return viewTouchesDatabase(view.attrs.view as V, installedApps, depth);
      return null;
    case 'ext':
      if (DB_FREE_VIEWS.has(view.name)) return false;
      if (view.name.startsWith('health_check.')) return installedApps ? installedApps.some((x) => x.startsWith('health_check.db')) : null;
      return null;
    default:
      return null;
  }
}

/** A function's own code, then the project functions it calls (one level at a time). */
function funcTouches(f: PyFunc, depth: number): boolean {
  const text = f.node.text;
  if (DB_USE.test(text)) return true;
  if (depth >= 2) return false;
  const body = f.node.childForFieldName('body');
  if (!body) return false;
  for (const call of body.descendantsOfType('call')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'identifier') continue;
    const b = f.globals.get(fn.text);
    if (b && typeof b.v === 'object' && b.v !== null && !isSym(b.v) && !isUnk(b.v) && b.v.t === 'func' && b.v !== f && funcTouches(b.v, depth + 1)) return true;
  }
  return false;
}

function classTouches(c: PyClass, depth: number): boolean {
  const body = c.node.childForFieldName('body');
  const text = body?.text ?? '';
  if (DB_USE.test(text) || DB_CLASS_ATTR.test(text)) return true;
  if (depth >= 3) return false;
  const bases = c.node.childForFieldName('superclasses');
  for (const base of bases ? codeChildren(bases) : []) {
    if (base.type !== 'identifier') continue;
    const b = c.globals.get(base.text);
    if (b && typeof b.v === 'object' && b.v !== null && !isSym(b.v) && !isUnk(b.v) && b.v.t === 'class' && classTouches(b.v, depth + 1)) return true;
  }
  return false;
}

/** INSTALLED_APPS items as strings, when the list is known. */
export function appNames(v: V): string[] | null {
  if (!isList(v)) return null;
  const out: string[] = [];
  for (const i of v.items) {
    if (typeof i !== 'string') return null;
    out.push(pyStr(i));
  }
  return out;
}
