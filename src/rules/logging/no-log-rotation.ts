// Repository-level summary: log files are written (Gunicorn, Django, nginx, Celery, uWSGI) and nothing rotates them.
import { defineRule } from '../../core/define-rule.js';
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { Facts } from '../../facts/index.js';
import type { ShellCommand } from '../../facts/scripts.js';
import { gunicornIndex, optionValue } from '../dockerfile/_gunicorn.js';
import { auditedDockerfiles, startupCommands } from '../dockerfile/_stages.js';
import { loggingShape, productionProjects } from '../django/_settings.js';
import { isDevFile, productionCompose, walkNginx } from '../django/_stack.js';

/** A log file something writes, with where that is configured. */
interface LogFile {
  path: string;
  /** A Django logging handler (its file name may be unknown). */
  handler?: boolean;
  what: string;
  at: Located<unknown> | SourceLoc;
}

/** Streams and sinks, not files. */
const STREAM = /^(-|\/dev\/(stdout|stderr|null|fd\/[12]|log)|\/proc\/(self|1)\/fd\/[12]|stdout|stderr|syslog:.*|off|memory:.*)$/;
/** Log-file options of gunicorn, celery, uwsgi, daphne. */
const LOG_OPTION = /(?:^|\s)--?(access-logfile|error-logfile|log-file|logfile|logto|daemonize)[= ]["']?([^\s"']+)/g;
const APP_PROCESS = /^(gunicorn|celery|uwsgi|daphne|uvicorn|hypercorn|granian|python|python3)$/;
const ROTATING_TOOLS = new Set(['rotatelogs', 'cronolog', 'multilog', 'savelog', 'logrotate', 'svlogd', 's6-log']);

function isFile(path: string): boolean {
  return path !== '' && !STREAM.test(path) && !path.includes('$') && !path.includes('{');
}

function fromText(text: string, what: string, at: Located<unknown> | SourceLoc): LogFile[] {
  const out: LogFile[] = [];
  for (const m of text.matchAll(LOG_OPTION)) if (isFile(m[2])) out.push({ path: m[2], what: `${what} (--${m[1]})`, at });
  return out;
}

function fromCommand(c: ShellCommand, what: string): LogFile[] {
  if (!APP_PROCESS.test(c.effectiveName) || (c.effectiveName.startsWith('python') && !/gunicorn|celery|uvicorn|daphne/.test(c.effectiveArgs.join(' ')))) return [];
  const out = fromText(` ${c.effectiveArgs.join(' ')}`, `${c.effectiveName} in ${what}`, c.loc);
  for (const r of c.redirections) {
    if (r.inherited || !/>/.test(r.op) || r.op.endsWith('&') || !r.target) continue;
    if (isFile(r.target.value) && !/^&?\d$/.test(r.target.value)) out.push({ path: r.target.value, what: `${c.effectiveName} output redirected in ${what}`, at: r.target.loc });
  }
  return out;
}

/** Every log file the production setup writes that needs external rotation. */
function logFiles(facts: Facts): LogFile[] {
  const out: LogFile[] = [];
  for (const df of auditedDockerfiles(facts).audited) {
    for (const stage of df.stages) {
      for (const { command } of startupCommands(stage)) {
        const g = gunicornIndex(command);
        if (g < 0) continue;
        for (const opt of ['--access-logfile', '--error-logfile', '--log-file']) {
          const v = optionValue(command, g, opt, null);
          if (v && isFile(v.value)) out.push({ path: v.value, what: `gunicorn ${opt} in ${df.path}`, at: v.at });
        }
      }
      const env = stage.env.GUNICORN_CMD_ARGS;
      if (env) out.push(...fromText(` ${env.value}`, `GUNICORN_CMD_ARGS in ${df.path}`, env.at));
    }
  }
  for (const p of productionCompose(facts.compose)) {
    if (p.purpose.kind === 'development' || p.purpose.kind === 'test') continue;
    for (const s of p.services) {
      for (const v of [s.command, s.entrypoint]) if (v) out.push(...fromText(` ${v.value}`, `compose service "${s.name.value}"`, v));
      const env = s.environment.find((e) => e.key.value === 'GUNICORN_CMD_ARGS');
      if (env?.value) out.push(...fromText(` ${env.value.value}`, `GUNICORN_CMD_ARGS of "${s.name.value}"`, env.value));
    }
  }
  for (const u of facts.systemd) {
    for (const c of u.commands) out.push(...fromCommand(c, u.path));
    for (const s of u.settings) {
      const m = /^(append|file):(.+)$/.exec(s.value.value);
      if (s.section === 'Service' && /^Standard(Output|Error)$/.test(s.key) && m && isFile(m[2])) out.push({ path: m[2], what: `${s.key} in ${u.path}`, at: s.value });
    }
  }
  for (const sh of facts.shell) {
    if (isDevFile(sh.path)) continue;
    for (const c of sh.commands) out.push(...fromCommand(c, sh.path));
  }
  for (const t of facts.texts) {
    if (t.role !== 'tool-config' || isDevFile(t.path)) continue;
    const gunicorn = /gunicorn/i.test(t.path) && t.path.endsWith('.py');
    const uwsgi = /uwsgi[\w.-]*\.ini$/i.test(t.path);
    if (uwsgi && t.lines.some((l) => /^\s*log-maxsize\s*=/.test(l.value))) continue;
    for (const l of t.lines) {
      const m = gunicorn ? /^\s*(accesslog|errorlog)\s*=\s*['"]([^'"]+)['"]/.exec(l.value) : uwsgi ? /^\s*(logto|daemonize|logto2)\s*=\s*(\S+)/.exec(l.value) : null;
      if (m && isFile(m[2])) out.push({ path: m[2], what: `${m[1]} in ${t.path}`, at: l });
    }
  }
  const silent = { unknown() {}, notApplicable() {} };
  for (const p of productionProjects(facts.django, silent)) {
    const shape = loggingShape(p);
    if (shape.state !== 'ok') continue;
    for (const h of shape.handlers) {
      if (!/^logging\.(FileHandler|handlers\.WatchedFileHandler)$/.test(h.cls)) continue;
      const filename = p.project.settings.LOGGING?.keys?.[`handlers.${h.name}.filename`];
      const path = filename?.kind === 'literal' && typeof filename.value === 'string' ? filename.value : null;
      out.push({ path: path ?? 'its log file', handler: true, what: `LOGGING handler "${h.name}" (${h.cls}, ${h.loc.file})`, at: h.loc });
    }
  }
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    for (const d of walkNginx(conf.directives)) {
      if (d.name !== 'access_log' && d.name !== 'error_log') continue;
      const path = d.args[0] ?? '';
      // /var/log/nginx is rotated by the distribution package's logrotate config, and is linked to
      // stdout/stderr in the official image.
      if (!isFile(path) || path.startsWith('/var/log/nginx/') || path.startsWith('logs/')) continue;
      out.push({ path, what: `nginx ${d.name} in ${conf.path}`, at: d.loc });
    }
  }
  return out;
}

/** Glob (`*`, `?`) to a regular expression. */
function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

function dir(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Patterns something rotates: logrotate stanzas (in configs or written by scripts), find -delete, rotation tools. */
function rotatedPatterns(facts: Facts): { patterns: string[]; all: string | null } {
  const patterns: string[] = facts.logrotate.flatMap((c) => c.stanzas.flatMap((s) => s.files.map((f) => f.value)));
  for (const sh of facts.shell) {
    for (const h of sh.heredocs) {
      if (!/\brotate\s+\d+/.test(h.body.value)) continue;
      for (const m of h.body.value.matchAll(/^\s*([^\s{#][^{]*?)\s*\{/gm)) patterns.push(...m[1].split(/\s+/));
    }
    for (const c of sh.commands) {
      if (c.effectiveName === 'find' && (c.effectiveArgs.includes('-delete') || c.effectiveArgs.includes('rm')) && c.effectiveArgs.some((a) => /\.log|log/.test(a))) {
        const d = c.effectiveArgs.find((a) => !a.startsWith('-'));
        if (d) patterns.push(`${d.replace(/\/+$/, '')}/*`);
      }
      if (ROTATING_TOOLS.has(c.effectiveName)) return { patterns, all: `${c.effectiveName} in ${sh.path}` };
    }
  }
  for (const p of facts.compose) for (const s of p.services) if (s.image && /logrotate/i.test(s.image.value)) return { patterns, all: `compose service "${s.name.value}" (${s.image.value})` };
  return { patterns, all: null };
}

function covered(path: string, patterns: string[]): boolean {
  return patterns.some((p) => glob(p).test(path) || glob(base(p)).test(base(path)) || (dir(p) !== '' && dir(p) === dir(path)));
}

export default defineRule({
  id: 'logging/no-log-rotation',
  title: 'Log files are never rotated',
  category: 'logging',
  severity: 'medium',
  requires: ['dockerfiles', 'compose', 'systemd', 'shell', 'nginx', 'django', 'logrotate', 'texts'],
  why: 'Application, Gunicorn and nginx log files grow without limit: weeks later the disk is full, PostgreSQL stops accepting writes, uploads and sessions fail, and the server is down for a reason unrelated to the code. Docker logging caps do not apply to files written inside containers or to mounted log directories.',
  fix: 'Either log to stdout/stderr only (`--access-logfile - --error-logfile -`, a StreamHandler) and cap the Docker or journald logs, or add a logrotate rule for every log directory (`/srv/app/logs/*.log { daily rotate 14 compress missingok copytruncate }`), or use RotatingFileHandler in Django.',
  references: [
    { title: 'logrotate(8) manual', url: 'https://man7.org/linux/man-pages/man8/logrotate.8.html' },
    { title: 'Gunicorn settings: accesslog / errorlog', url: 'https://docs.gunicorn.org/en/stable/settings.html#accesslog' },
    { title: 'Python logging.handlers (RotatingFileHandler)', url: 'https://docs.python.org/3/library/logging.handlers.html' },
    { title: 'nginx: Rotating log-files', url: 'https://nginx.org/en/docs/control.html#logs' },
  ],
  verify: 'ls -lh {path}*   # on the server: expect rotated generations (.1, .gz) and a bounded size; cat /etc/logrotate.d/*',
  messages: {
    unrotated: '{what} writes {path}, and nothing in the repository rotates it (no logrotate rule, rotating handler or log cleanup){more}.',
  },
  check(facts, ctx) {
    const files = logFiles(facts);
    const target = 'log rotation';
    if (files.length === 0) {
      const silent = { unknown() {}, notApplicable() {} };
      const unknown = productionProjects(facts.django, silent).map(loggingShape).find((s) => s.state === 'unknown');
      if (unknown && unknown.state === 'unknown') return ctx.unknown(target, `no log files found elsewhere, and Django's LOGGING could not be evaluated: ${unknown.reason}`);
      return ctx.pass(target, 'no log files: logs go to stdout/stderr or rotating handlers');
    }
    const { patterns, all } = rotatedPatterns(facts);
    if (all) return ctx.pass(target, `rotated by ${all}`);
    const open = files.filter((f) => !f.handler && !covered(f.path, patterns));
    // A FileHandler whose file name is not known counts as covered by any logrotate config.
    const handlers = files.filter((f) => f.handler && (f.path === 'its log file' ? patterns.length === 0 : !covered(f.path, patterns)));
    const uncovered = [...open, ...handlers];
    if (uncovered.length === 0) return ctx.pass(target, 'every log file matches a logrotate rule');
    const first = uncovered[0];
    const others = [...new Set(uncovered.slice(1).map((f) => f.path).filter((x) => x !== first.path && x !== 'its log file'))];
    ctx.fail('unrotated', {
      at: first.at,
      also: uncovered.slice(1, 5).map((f) => f.at),
      target,
      data: { what: first.what, path: first.path, more: others.length > 0 ? `; also ${others.slice(0, 4).join(', ')}` : '' },
    });
  },
});
