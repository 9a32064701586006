// What the Django app behind nginx does itself, from the Django facts: the security headers SecurityMiddleware and
// XFrameOptionsMiddleware send, whether it uses Channels (WebSockets), whether it accepts uploads, its paths.
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { Facts } from '../../facts/index.js';
import type { PyValue } from '../../facts/django.js';
import { hstsSeconds } from '../django/_hsts.js';
import { hasApp, hasMiddleware, howText, installedApps, judge, productionProjects, SECURITY_MIDDLEWARE, truthy, XFRAME_MIDDLEWARE, type ProdProject } from '../django/_settings.js';
import { isDevFile, isDjangoDockerfile, isDjangoService, productionCompose, schemeFromAppServer } from '../django/_stack.js';

export type AppFacts = Pick<Facts, 'django' | 'compose' | 'dockerfiles' | 'shell'>;

/** A yes/no about the app, with how it was told, or why it cannot be told. */
export type Answer = { state: 'yes' | 'no'; how: string; at: SourceLoc | Located<unknown> | null } | { state: 'unknown'; reason: string };

/** The Django projects with evaluated production settings, and why the others could not be read. */
export function djangoProjects(facts: Pick<Facts, 'django'>): { projects: ProdProject[]; problems: string[] } {
  const problems: string[] = [];
  const projects = productionProjects(facts.django, {
    unknown: (_t, reason) => problems.push(reason),
    notApplicable: () => {},
  });
  return { projects, problems };
}

/** Combines one answer per project: yes only when every project says yes; unknown wins over yes. */
function combine(answers: Answer[], none: string): Answer {
  if (answers.length === 0) return { state: 'unknown', reason: none };
  const no = answers.find((a) => a.state === 'no');
  if (no) return no;
  const unknown = answers.find((a) => a.state === 'unknown');
  return unknown ?? answers[0];
}

function middlewareOn(p: ProdProject, dotted: string): Answer {
  const m = hasMiddleware(p, dotted);
  if ('reason' in m) return { state: 'unknown', reason: `whether ${dotted.split('.').pop()} is in MIDDLEWARE could not be told: ${m.reason}` };
  return m.has ? { state: 'yes', how: `${dotted.split('.').pop()} is in MIDDLEWARE`, at: m.loc } : { state: 'no', how: `${dotted.split('.').pop()} is not in MIDDLEWARE`, at: m.loc };
}

function setting(p: ProdProject, name: string, ok: (v: PyValue) => boolean, what: string): Answer {
  const j = judge(p, name, ok);
  if (j.state === 'unknown') return { state: 'unknown', reason: j.reason };
  const at = j.state === 'decided' ? j.loc : null;
  if (j.result) return { state: 'yes', how: `${what} (${name}${j.state === 'missing' ? " at Django's default" : ''})`, at };
  return { state: 'no', how: j.state === 'missing' ? `${name} is not set in the production settings` : `${name} ${howText(j)}`, at };
}

/**
 * Whether Django sends a response header itself on the responses it produces (lower-case header name).
 * X-Content-Type-Options, Referrer-Policy and HSTS come from SecurityMiddleware, X-Frame-Options from
 * XFrameOptionsMiddleware. Unknown when no Django project in the repository has readable production settings.
 * `behindTls` (the facts) when the responses come through a TLS-terminating proxy: HSTS then also needs Django to see
 * the request as secure.
 */
export function djangoSendsHeader(facts: Pick<Facts, 'django'>, header: string, behindTls: Pick<Facts, 'compose' | 'dockerfiles' | 'nginx'> | null = null): Answer {
  const { projects, problems } = djangoProjects(facts);
  const none = problems[0] ?? 'no Django project with readable production settings in the repository, so what the backend sends is not known';
  const answers = projects.map((p): Answer => {
    if (header === 'x-frame-options') {
      const m = middlewareOn(p, XFRAME_MIDDLEWARE);
      return m.state === 'yes' ? { ...m, how: 'Django sends it (XFrameOptionsMiddleware)' } : m;
    }
    const sec = middlewareOn(p, SECURITY_MIDDLEWARE);
    if (sec.state !== 'yes') return sec;
    switch (header) {
      case 'x-content-type-options':
        return setting(p, 'SECURE_CONTENT_TYPE_NOSNIFF', truthy, 'Django sends it');
      case 'referrer-policy':
        return setting(p, 'SECURE_REFERRER_POLICY', truthy, 'Django sends it');
      case 'strict-transport-security': {
        const hsts = setting(p, 'SECURE_HSTS_SECONDS', (v) => hstsSeconds(v) > 0, 'Django sends it');
        if (hsts.state !== 'yes' || !behindTls) return hsts;
        // SecurityMiddleware adds HSTS only to requests it sees as secure: behind a TLS proxy that takes
        // SECURE_PROXY_SSL_HEADER, or an app server that applies X-Forwarded-Proto itself.
        const scheme = schemeFromAppServer(behindTls);
        if (scheme) return { ...hsts, how: `${hsts.how}; ${scheme.label} passes the scheme` };
        const proxyHeader = setting(p, 'SECURE_PROXY_SSL_HEADER', truthy, 'Django trusts the proxy scheme');
        if (proxyHeader.state === 'unknown') return proxyHeader;
        return proxyHeader.state === 'yes'
          ? hsts
          : { state: 'no', how: 'SECURE_HSTS_SECONDS is set, but without SECURE_PROXY_SSL_HEADER Django never sees the request as HTTPS behind the proxy and sends no HSTS', at: hsts.at };
      }
      default:
        return { state: 'no', how: 'Django does not send it', at: null };
    }
  });
  return combine(answers, none);
}

/** Whether Django redirects plain-HTTP requests to HTTPS (SECURE_SSL_REDIRECT with SecurityMiddleware). */
export function djangoRedirectsToHttps(facts: Pick<Facts, 'django'>): Answer {
  const { projects, problems } = djangoProjects(facts);
  const answers = projects.map((p): Answer => {
    const sec = middlewareOn(p, SECURITY_MIDDLEWARE);
    if (sec.state !== 'yes') return sec;
    return setting(p, 'SECURE_SSL_REDIRECT', truthy, 'Django redirects to HTTPS');
  });
  return combine(answers, problems[0] ?? 'no Django project with readable production settings in the repository');
}

const CHANNELS_DEPS = ['channels', 'daphne', 'channels-redis', 'channels_redis', 'django-channels'];
/** An ASGI server, which can accept WebSocket connections (Django's own WSGI/ASGI handlers cannot). */
const ASGI_SERVER = /\b(daphne|uvicorn|hypercorn)\b|UvicornWorker|\bgranian\b.*--interface[= ]asgi/;
/** gunicorn/uWSGI serving a WSGI application ("gunicorn config.wsgi:application", "uwsgi --module app.wsgi"). */
const WSGI_SERVER = /\b(gunicorn|uwsgi)\b/;
const WSGI_APP = /[\w.]*\bwsgi(:\w+|\.py)?(\s|$|['"])|--wsgi-file|--module[= ]\S*wsgi/;

/** Facts channelsEvidence reads. */
export type ChannelsFacts = AppFacts & Partial<Pick<Facts, 'systemd'>>;

/** A production command line that starts the app server. */
interface ServerCommand {
  text: string;
  label: string;
  at: Located<unknown> | SourceLoc;
}

/** Command lines that start the Django app server in production: compose, Dockerfiles, systemd units, shell scripts. */
function serverCommands(facts: ChannelsFacts): ServerCommand[] {
  const out: ServerCommand[] = [];
  const isServer = (t: string) => (ASGI_SERVER.test(t) || WSGI_SERVER.test(t)) && !/--reload\b|\brunserver\b/.test(t);
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      if (!isDjangoService(svc, facts.dockerfiles)) continue;
      for (const c of [svc.entrypoint, svc.command]) {
        if (c && isServer(c.value)) out.push({ text: c.value, label: `compose service ${svc.name.value} runs ${c.value}`, at: c });
      }
    }
  }
  for (const d of facts.dockerfiles) {
    if (isDevFile(d.path) || !isDjangoDockerfile(d)) continue;
    for (const st of d.stages) {
      for (const i of [st.entrypoint, st.cmd]) {
        const t = i ? (i.execForm ? i.execForm.join(' ') : i.expanded) : '';
        if (i && isServer(t)) out.push({ text: t, label: `${d.path} ${i.keyword} runs ${t}`, at: i.loc });
      }
    }
  }
  for (const u of facts.systemd ?? []) {
    if (isDevFile(u.path)) continue;
    for (const c of u.commands) if (isServer(c.text)) out.push({ text: c.text, label: `${u.path} runs ${c.text}`, at: c.loc });
  }
  for (const sh of facts.shell) {
    if (isDevFile(sh.path)) continue;
    for (const c of sh.commands) {
      const name = c.effectiveName.split('/').pop() ?? '';
      if (/^(gunicorn|uwsgi|daphne|uvicorn|hypercorn|granian)$/.test(name) && isServer(c.text)) out.push({ text: c.text, label: `${sh.path}:${c.loc.line} runs ${c.text}`, at: c.loc });
    }
  }
  return out;
}

/**
 * Evidence that the app serves WebSockets (Django Channels): a channels/daphne dependency or INSTALLED_APPS entry, or
 * daphne (the Channels server) starting the app in production. ASGI_APPLICATION alone is not evidence: startproject
 * writes asgi.py and many projects set it while gunicorn serves the WSGI app. Nor is an ASGI server alone
 * (cookiecutter-django's `gunicorn config.asgi -k uvicorn_worker.UvicornWorker`, uvicorn serving plain Django): Django's
 * own ASGI handler refuses websocket connections, and ProtocolTypeRouter / URLRouter come with the channels package,
 * which the dependency check sees. When every production server command runs a `*.wsgi` app with gunicorn/uWSGI,
 * WebSockets cannot be served, whatever the dependencies say. Returns the reason when there is no evidence, and
 * `unknown` when an ASGI server runs the app but its dependencies are not in the repository to tell.
 */
export function channelsEvidence(facts: ChannelsFacts): { label: string; at: Located<unknown> | SourceLoc } | { none: string } | { unknown: string } {
  const commands = serverCommands(facts);
  const anyAsgi = commands.some((c) => ASGI_SERVER.test(c.text));
  // uvicorn also serves FastAPI/Starlette side services: it counts for Django when it runs a `*.asgi` module.
  const asgi = commands.find((c) => ASGI_SERVER.test(c.text) && /\basgi\b/.test(c.text));
  const wsgi = commands.find((c) => WSGI_SERVER.test(c.text) && WSGI_APP.test(c.text));
  if (!anyAsgi && wsgi) return { none: `the production server runs a WSGI app (${wsgi.label}), which cannot serve WebSockets` };
  for (const project of facts.django) {
    for (const dep of CHANNELS_DEPS) {
      const d = project.dependencies[dep];
      if (d) return { label: `the dependency ${dep} (${d.loc.file}:${d.loc.line})`, at: d };
    }
  }
  const { projects } = djangoProjects(facts);
  for (const p of projects) {
    const apps = installedApps(p);
    if (!('reason' in apps) && (hasApp(apps.apps, 'channels') || hasApp(apps.apps, 'daphne')) && apps.loc) return { label: 'channels in INSTALLED_APPS', at: apps.loc };
  }
  // daphne is the Channels project's server: running it is as good as the daphne dependency.
  const daphne = commands.find((c) => /\bdaphne\b/.test(c.text));
  if (daphne) return { label: daphne.label, at: daphne.at };
  if (asgi) {
    // Without a dependency list the channels package may still be installed (a published image, an unread lock file).
    if (facts.django.every((p) => Object.keys(p.dependencies).length === 0)) {
      return { unknown: `an ASGI server runs the app (${asgi.label}), but the app's dependencies are not declared in the repository, so whether it uses Django Channels (WebSockets) cannot be told` };
    }
    return { none: `an ASGI server runs the app (${asgi.label}), but the app does not use Django Channels (no channels/daphne dependency or INSTALLED_APPS entry), and Django's own ASGI handler refuses WebSocket connections` };
  }
  return { none: 'the app does not use Django Channels (no channels/daphne dependency or INSTALLED_APPS entry, no daphne server command; ASGI_APPLICATION alone does not make WebSockets)' };
}

const MEDIA_PATH = /(^|\/)(media|mediafiles|uploads)(\/|$)/i;

/** Evidence that the app accepts file uploads: MEDIA_ROOT set in production settings, or a media volume on the Django service. */
export function uploadsEvidence(facts: AppFacts): Answer {
  for (const project of productionCompose(facts.compose)) {
    for (const svc of project.services) {
      if (!isDjangoService(svc, facts.dockerfiles)) continue;
      const mount = svc.volumes.find((v) => MEDIA_PATH.test(v.target));
      if (mount) return { state: 'yes', how: `compose service ${svc.name.value} mounts ${mount.target}`, at: mount.raw };
    }
  }
  const { projects, problems } = djangoProjects(facts);
  const answers = projects.map((p): Answer => {
    const j = judge(p, 'MEDIA_ROOT', truthy);
    if (j.state === 'unknown') return { state: 'unknown', reason: j.reason };
    if (j.state === 'missing' || !j.result) return { state: 'no', how: 'MEDIA_ROOT is not set', at: null };
    return { state: 'yes', how: `MEDIA_ROOT is set in ${p.file}`, at: j.loc };
  });
  const yes = answers.find((a) => a.state === 'yes');
  if (yes) return yes;
  const unknown = answers.find((a) => a.state === 'unknown');
  if (unknown) return unknown;
  if (answers.length > 0) return answers[0];
  return problems.length > 0 ? { state: 'unknown', reason: problems[0] } : { state: 'no', how: 'no Django project in the repository', at: null };
}

/** App-level rate limiting (django-ratelimit, django-axes, django-defender, DRF throttling). */
export function appRateLimit(facts: Pick<Facts, 'django'>): { label: string; at: Located<unknown> | SourceLoc } | { unknown: string } | null {
  for (const project of facts.django) {
    for (const dep of ['django-ratelimit', 'django-axes', 'django-defender', 'django-brake', 'django-rest-framework-throttling']) {
      const d = project.dependencies[dep];
      if (d) return { label: `the dependency ${dep} rate-limits in the app`, at: d };
    }
    // django-allauth limits failed logins and other account actions by default since 0.47 (ACCOUNT_RATE_LIMITS).
    const allauth = project.dependencies['django-allauth'];
    // An older pin (before 0.47) has no such default.
    const pinned = allauth && /==\s*0\.(\d+)\b/.exec(allauth.value);
    if (allauth && !(pinned && Number(pinned[1]) < 47)) return { label: 'django-allauth rate-limits logins and account actions (ACCOUNT_RATE_LIMITS)', at: allauth };
  }
  const { projects } = djangoProjects(facts);
  for (const p of projects) {
    const rf = p.project.settings.REST_FRAMEWORK;
    const throttle = rf?.keys?.DEFAULT_THROTTLE_CLASSES ?? rf?.keys?.DEFAULT_THROTTLE_RATES;
    if (throttle) return { label: 'REST_FRAMEWORK throttling', at: throttle.loc };
    const limits = p.project.settings.ACCOUNT_RATE_LIMITS ?? p.project.settings.AXES_FAILURE_LIMIT;
    if (limits) return { label: `${limits.name} limits attempts in the app`, at: limits.value.loc };
    const apps = installedApps(p);
    const guard = 'apps' in apps ? apps.apps.find((a) => /^(axes|defender|allauth)(\.|$)/.test(a)) : undefined;
    if (guard && 'apps' in apps && apps.loc) return { label: `${guard} in INSTALLED_APPS limits login attempts`, at: apps.loc };
  }
  // The app itself is not in the repository (a deployment repository for a published image): it may throttle.
  if (facts.django.length === 0) return { unknown: 'the Django app is not in this repository, so whether it throttles requests itself is not visible' };
  return null;
}

/** STATIC_URL/STATIC_ROOT or MEDIA_URL/MEDIA_ROOT of the production settings, when every project agrees on them. */
export function filesSetting(facts: Pick<Facts, 'django'>, kind: 'STATIC' | 'MEDIA'): { url: string | null; root: Answer & { value?: string } } {
  const { projects, problems } = djangoProjects(facts);
  if (projects.length !== 1) {
    return { url: null, root: { state: 'unknown', reason: projects.length === 0 ? (problems[0] ?? 'no Django project with readable production settings') : 'several Django projects' } };
  }
  const p = projects[0];
  const url = judge(p, `${kind}_URL`, (v) => (typeof v === 'string' ? v : null));
  const root = judge(p, `${kind}_ROOT`, (v) => (typeof v === 'string' ? v : null));
  const urlValue = url.state !== 'unknown' ? url.result : null;
  if (root.state === 'unknown') return { url: urlValue, root: { state: 'unknown', reason: root.reason } };
  if (root.state === 'missing' || !root.result) return { url: urlValue, root: { state: 'no', how: `${kind}_ROOT is not set`, at: null } };
  return { url: urlValue, root: { state: 'yes', how: `${kind}_ROOT is ${root.result}`, at: root.loc, value: root.result } };
}
