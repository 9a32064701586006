// Rule: a running container has restart policy "no": after a crash or a reboot it stays down.
import { defineRule } from '../../core/define-rule.js';
import { eachHost, focus, need, target } from './_shared.js';

export default defineRule({
  id: 'host/container-no-restart-policy',
  title: 'A running container will not come back after a crash or reboot',
  category: 'container',
  severity: 'medium',
  requires: ['host'],
  why: 'With restart policy "no", a container that crashes, or every container after a host reboot or a Docker upgrade, stays stopped until someone notices the outage and starts it by hand.',
  fix: 'Set `restart: unless-stopped` (or `always`) on the service in the compose file and recreate it (`docker compose up -d`).',
  references: [
    { title: 'Docker: Start containers automatically', url: 'https://docs.docker.com/engine/containers/start-containers-automatically/' },
    { title: 'Compose file reference: restart', url: 'https://docs.docker.com/reference/compose-file/services/#restart' },
  ],
  verify: "docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' {container}   # unless-stopped or always",
  messages: { noPolicy: 'Container {container} on {host} runs with restart policy "{policy}".' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      if (h.containers.ok && h.containers.value === null) return ctx.notApplicable(`docker is not installed on ${h.name}`);
      const containers = need(ctx, h, h.containers, 'containers');
      if (!containers) return;
      const running = containers.filter((c) => c.state === 'running' && !c.oneoff);
      if (running.length === 0) return ctx.pass(target(h, 'containers'), 'no long-running container');
      const inspect = h.containers.proof[1];
      for (const c of running) {
        const where = target(h, `container ${c.composeService ?? c.name}`);
        if (c.restartPolicy === null || !inspect) {
          ctx.unknown(where, 'docker inspect could not be read, so the restart policy is not known');
          continue;
        }
        if (c.restartPolicy === 'no' || c.restartPolicy === '') {
          const line = inspect.output.split('\n').find((l) => l.startsWith(`${c.name}\t`)) ?? c.name;
          ctx.fail('noPolicy', { at: focus(inspect, [line]), target: where, data: { container: c.name, host: h.name, policy: c.restartPolicy || 'no', service: c.composeService ?? c.name } });
        } else ctx.pass(where, `restart policy ${c.restartPolicy}`);
      }
    });
  },
});
