// Long-running services must come back after a crash or a reboot.
import { defineRule } from '../../core/define-rule.js';
import { longRunningServices, serviceTarget } from './_shared.js';

export default defineRule({
  id: 'compose/no-restart-policy',
  title: 'Long-running service without a restart policy',
  category: 'container',
  severity: 'medium',
  requires: ['compose'],
  why:
    'The default policy is "no": after a crash, an out-of-memory kill or a host reboot the container stays down until someone notices and runs `docker compose up` again.',
  fix: 'Set `restart: unless-stopped` (or `always`) on every long-running service; one-off tasks can keep "no".',
  references: [
    { title: 'Compose file reference: restart', url: 'https://docs.docker.com/reference/compose-file/services/#restart' },
    { title: 'Start containers automatically (restart policies)', url: 'https://docs.docker.com/engine/containers/start-containers-automatically/' },
  ],
  verify: 'docker inspect --format "{{.HostConfig.RestartPolicy.Name}}" $(docker compose ps -q {service})   # expect unless-stopped or always',
  messages: {
    missing: 'Service "{service}" has no restart policy: it stays down after a crash or a reboot.',
    no: 'Service "{service}" is long-running but sets restart: "{restart}".',
  },
  check({ compose }, ctx) {
    for (const { service: s } of longRunningServices(compose, ctx)) {
      const target = serviceTarget(s);
      const restart = s.restart?.value.toLowerCase();
      const policy = s.restartPolicy?.value.toLowerCase();
      const deploy = s.keys.deploy?.value;
      // A stack file for `docker stack deploy` (Swarm) restarts tasks by default (restart_policy: any).
      const swarm = !!deploy && typeof deploy === 'object' && ['replicas', 'mode', 'placement', 'update_config', 'rollback_config'].some((k) => k in deploy);
      if ((restart && restart !== 'no' && restart !== 'false') || (policy && policy !== 'none') || (!s.restart && !s.restartPolicy && swarm)) {
        ctx.pass(target);
      } else if (s.restart) {
        ctx.fail('no', { at: s.restart, target, data: { service: s.name.value, restart: s.restart.value } });
      } else if (s.restartPolicy) {
        ctx.fail('no', { at: s.restartPolicy, target, data: { service: s.name.value, restart: s.restartPolicy.value } });
      } else {
        ctx.fail('missing', { at: s.name, target, data: { service: s.name.value } });
      }
    }
  },
});
