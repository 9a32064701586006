// A systemd service running the Django app server (gunicorn, uwsgi, daphne, uvicorn, celery) as root.
import { defineRule } from '../../core/define-rule.js';
import type { SystemdUnit } from '../../facts/scripts.js';
import { isDevFile } from '../django/_stack.js';

/** ExecStart of the application server or its workers. */
const APP_SERVER = /\b(gunicorn|uwsgi|daphne|uvicorn|hypercorn|granian|celery)\b|\bmanage\.py\s+(runserver|rqworker|qcluster)\b/;

function setting(unit: SystemdUnit, key: string) {
  // The last assignment wins in systemd.
  return unit.settings.filter((s) => s.section === 'Service' && s.key === key).pop();
}

export default defineRule({
  id: 'deploy/app-unit-runs-as-root',
  title: 'App server unit runs as root',
  category: 'security',
  severity: 'high',
  requires: ['systemd'],
  why: 'A systemd service without User= runs as root: any remote code execution in the application (a vulnerable dependency, a template injection, a pickle from Redis) is root on the server, with the database credentials, the TLS keys and every other service within reach.',
  fix: 'Run the service as an unprivileged account that owns only what it writes: `User=www-data` / `Group=www-data` (or a dedicated `app` user) in [Service], or `DynamicUser=yes` with `StateDirectory=`; bind ports below 1024 through nginx or a .socket unit instead of root.',
  references: [
    { title: 'systemd.exec: User=, Group=, DynamicUser=', url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#User=' },
    { title: 'Gunicorn: deploying with systemd', url: 'https://docs.gunicorn.org/en/stable/deploy.html#systemd' },
    { title: 'OWASP: least privilege', url: 'https://owasp.org/www-community/Access_Control' },
  ],
  verify: 'systemctl show -p User -p DynamicUser {unit}   # expect a user other than root (or DynamicUser=yes)',
  messages: {
    noUser: '{unit} starts {server} without User=, so it runs as root.',
    rootUser: '{unit} starts {server} as {user}.',
  },
  check({ systemd }, ctx) {
    let judged = 0;
    for (const unit of systemd) {
      if (unit.type !== 'service' || isDevFile(unit.path)) continue;
      const start = setting(unit, 'ExecStart');
      const server = start ? APP_SERVER.exec(start.value.value)?.[0] : undefined;
      if (!start || !server) continue;
      judged++;
      const target = unit.path;
      const dynamic = setting(unit, 'DynamicUser');
      if (dynamic && /^(yes|true|on|1)$/i.test(dynamic.value.value.trim())) {
        ctx.pass(target, 'DynamicUser=yes');
        continue;
      }
      const user = setting(unit, 'User');
      const data = { unit: unit.path, server };
      if (!user) {
        ctx.fail('noUser', { at: start.value, target, data });
        continue;
      }
      const name = user.value.value.trim();
      if (/^(root|0)$/.test(name)) ctx.fail('rootUser', { at: user.value, target, data: { ...data, user: `User=${name}` } });
      else ctx.pass(target, `User=${name}`);
    }
    if (judged === 0) ctx.notApplicable('no systemd service in the repository starts the app server');
  },
});
