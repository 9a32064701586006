// Rule: a container is unhealthy, restarting, dead, stopped (for a compose service) or restarts over and over.
import { defineRule } from '../../core/define-rule.js';
import type { ContainerInfo } from '../../facts/index.js';
import { eachHost, focus, need, target } from './_shared.js';

/** What is wrong with a container, or null when it is fine. */
function problem(c: ContainerInfo, maxRestarts: number): string | null {
  if (c.oneoff) return null;
  if (c.health === 'unhealthy') return 'is unhealthy (its HEALTHCHECK fails)';
  if (c.state === 'restarting') return 'is restarting in a loop';
  if (c.state === 'dead') return 'is dead';
  if (c.state === 'exited' && c.composeService) return 'has exited';
  if (c.restartCount !== null && c.restartCount > maxRestarts) return `has restarted ${c.restartCount} times`;
  return null;
}

export default defineRule({
  id: 'host/container-unhealthy',
  title: 'A container is down, unhealthy or restarting',
  category: 'container',
  severity: 'high',
  requires: ['host'],
  why: 'An unhealthy or crash-looping web, worker or database container means failed requests or lost background jobs; a high restart count hides a crash that recurs (out of memory, a failing migration, a missing secret).',
  fix: 'Read its logs (`docker logs --tail 100 {container}`) and `docker inspect` State, fix the cause (memory limit, configuration, dependency), then recreate it.',
  references: [
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
    { title: 'docker container ls: formatting', url: 'https://docs.docker.com/reference/cli/docker/container/ls/' },
  ],
  verify: "docker ps --filter name={container} --format '{{.Status}}'   # Up ... (healthy)",
  messages: { unhealthy: 'Container {container} on {host} {problem}.' },
  check(facts, ctx) {
    eachHost(facts, ctx, (h) => {
      if (h.containers.ok && h.containers.value === null) return ctx.notApplicable(`docker is not installed on ${h.name}`);
      const containers = need(ctx, h, h.containers, 'containers');
      if (!containers) return;
      if (containers.length === 0) return ctx.pass(target(h, 'containers'), 'docker runs no container');
      const inspect = h.containers.proof.find((p) => p.command.startsWith('docker inspect') || p.command.includes(' docker inspect'));
      const ps = h.containers.proof[0];
      for (const c of containers) {
        const where = target(h, `container ${c.composeService ?? c.name}`);
        const what = problem(c, h.thresholds.containerRestarts);
        if (!what) {
          ctx.pass(where, `${c.state}${c.health ? ` (${c.health})` : ''}`);
          continue;
        }
        const psLine = ps.output.split('\n').find((l) => l.includes(c.id)) ?? c.name;
        const insLine = inspect?.output.split('\n').find((l) => l.startsWith(`${c.name}\t`));
        ctx.fail('unhealthy', {
          at: insLine && inspect ? focus(inspect, [insLine]) : focus(ps, [psLine]),
          target: where,
          data: { container: c.name, host: h.name, problem: what, service: c.composeService ?? c.name },
        });
      }
    });
  },
});
