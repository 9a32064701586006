// Rule: a unit of the stack (app server, nginx, PostgreSQL, Redis, Docker, Celery) is installed but not running.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, mainProof, need, target } from './_shared.js';

export default defineRule({
  id: 'host/service-not-running',
  title: 'A service of the stack is not running',
  category: 'deployment',
  severity: 'high',
  requires: ['host'],
  why: 'A stopped or failed gunicorn, nginx, PostgreSQL or Redis unit means the site (or its background jobs, sessions and cache) is down right now, or was left stopped after a deploy.',
  fix: 'Read why it stopped (`journalctl -u {unit} -n 50`), fix the cause, start it, and make sure it is enabled (`systemctl enable --now {unit}`) with Restart=on-failure.',
  references: [
    { title: 'systemctl(1)', url: 'https://www.freedesktop.org/software/systemd/man/latest/systemctl.html' },
    { title: 'Gunicorn: Deploying with systemd', url: 'https://docs.gunicorn.org/en/stable/deploy.html#systemd' },
  ],
  verify: 'systemctl is-active {unit}   # active',
  messages: { down: '{unit} on {host} is {state} ({sub}).' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      const services = need(ctx, h, h.services, 'services');
      if (!services) return;
      if (services.length === 0) return ctx.pass(target(h, 'services'), 'no unit or process of the stack was found; nothing is down');
      for (const s of services) {
        const where = target(h, `service ${s.name}`);
        if (s.running) ctx.pass(where, `${s.active} (${s.sub})`);
        else ctx.fail('down', { at: focus(mainProof(h.services), [s.line]), target: where, data: { unit: s.name, host: h.name, state: s.active, sub: s.sub } });
      }
    });
  },
});
