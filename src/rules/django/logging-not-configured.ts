// Production logging is configured (LOGGING); whether its file handlers rotate is logging/no-log-rotation's check.
import { defineRule } from '../../core/define-rule.js';
import { absentSetting, howText, judge, loggingShape, productionProjects, targetOf } from './_settings.js';
import { errorTracker } from './_tracking.js';

export default defineRule({
  id: 'django/logging-not-configured',
  title: 'Production logging is not configured',
  category: 'logging',
  severity: 'medium',
  requires: ['django'],
  why: "Without LOGGING, Django's default configuration prints nothing when DEBUG is off: the 'django' logger's console handler only works in debug mode, so tracebacks of 500 errors are lost unless ADMINS receives them by e-mail. A plain logging.FileHandler grows until the disk is full.",
  fix: "Define LOGGING in the production settings with at least a console (StreamHandler) handler on the root and 'django' loggers so the container or journald collects errors; for files use RotatingFileHandler/TimedRotatingFileHandler, or WatchedFileHandler with a logrotate rule.",
  references: [
    { title: 'Django: Logging', url: 'https://docs.djangoproject.com/en/stable/topics/logging/' },
    { title: "Django: Default logging configuration", url: 'https://docs.djangoproject.com/en/stable/ref/logging/#default-logging-configuration' },
    { title: 'Python logging.handlers', url: 'https://docs.python.org/3/library/logging.handlers.html' },
  ],
  verify: 'docker compose logs web | tail   # after triggering an error: expect the traceback',
  messages: {
    notConfigured: 'LOGGING is not set in the production settings: with DEBUG off, Django prints no error tracebacks.',
    empty: 'LOGGING is empty in the production settings: with DEBUG off, Django prints no error tracebacks.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'LOGGING');
      const cfg = judge(p, 'LOGGING_CONFIG', (v) => v);
      if (cfg.state === 'decided' && cfg.value !== 'logging.config.dictConfig') {
        ctx.unknown(target, `LOGGING_CONFIG ${howText(cfg)}: logging is configured outside the LOGGING setting and is not evaluated`);
        continue;
      }
      const shape = loggingShape(p);
      if (shape.state === 'unknown') {
        ctx.unknown(target, shape.reason);
        continue;
      }
      if (shape.state === 'missing') {
        // An error tracker still receives the tracebacks: what is lost then is the log stream, a lesser problem.
        const tracker = errorTracker(p);
        ctx.fail('notConfigured', { at: absentSetting(p, 'LOGGING'), target, severity: tracker ? 'low' : 'medium' });
        continue;
      }
      if (shape.empty) {
        ctx.fail('empty', { at: shape.loc, also: shape.source ? [shape.source.at] : [], target });
        continue;
      }
      // A FileHandler that never rotates is logging/no-log-rotation's finding (it sees logrotate coverage per path).
      ctx.pass(target);
    }
  },
});
