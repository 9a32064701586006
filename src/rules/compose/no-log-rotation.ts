// Container logs written by the json-file driver grow without bound unless max-size is set.
import { defineRule } from '../../core/define-rule.js';
import { longRunningServices, serviceTarget } from './_shared.js';

export default defineRule({
  id: 'compose/no-log-rotation',
  title: 'Container logs are not rotated',
  category: 'logging',
  severity: 'medium',
  requires: ['compose'],
  why:
    "Docker's default json-file driver keeps every line a container prints in /var/lib/docker/containers/*/*-json.log with no size cap: a chatty Gunicorn or nginx fills the disk over weeks, and a full disk stops PostgreSQL and Redis writes.",
  fix:
    'Give each service `logging: {driver: json-file, options: {max-size: "10m", max-file: "5"}}` (an `x-logging` anchor merged with `<<:` keeps it short), use the `local` driver, or set `log-opts` in /etc/docker/daemon.json on the host.',
  references: [
    { title: 'JSON File logging driver (max-size, max-file)', url: 'https://docs.docker.com/engine/logging/drivers/json-file/' },
    { title: 'Compose file reference: logging', url: 'https://docs.docker.com/reference/compose-file/services/#logging' },
    { title: 'Configure the default logging driver (daemon.json)', url: 'https://docs.docker.com/engine/logging/configure/' },
  ],
  verify: 'docker inspect --format "{{.HostConfig.LogConfig}}" $(docker compose ps -q {service})   # expect max-size in the options',
  messages: {
    defaultDriver: 'Service "{service}" uses the default json-file log driver with no max-size (unless the host\'s daemon.json sets log-opts).',
    noMaxSize: 'Service "{service}" logs with the {driver} driver without a max-size option.',
  },
  check({ compose }, ctx) {
    for (const { project: p, service: s } of longRunningServices(compose, ctx)) {
      const target = serviceTarget(s);
      const data = { service: s.name.value, driver: s.logging?.driver ?? 'json-file' };
      if (!s.logging) {
        if (p.daemonLogRotation) ctx.pass(target);
        else ctx.fail('defaultDriver', { at: s.name, target, data });
        continue;
      }
      const driver = (s.logging.driver ?? 'json-file').toLowerCase();
      if (driver === '') {
        ctx.unknown(target, `the logging driver of service "${s.name.value}" comes from a variable that no env file defines`);
      } else if (driver === 'json-file') {
        if (s.logging.options['max-size']?.value) ctx.pass(target);
        else ctx.fail('noMaxSize', { at: s.logging.node, target, data });
      } else {
        // local rotates by itself; journald, syslog, fluentd, awslogs, gelf, none and plugins (loki...) keep
        // nothing unbounded in /var/lib/docker.
        ctx.pass(target);
      }
    }
  },
});
