// Long-running services need a memory limit so one container cannot take the host down.
import { defineRule } from '../../core/define-rule.js';
import { longRunningServices, serviceTarget } from './_shared.js';

export default defineRule({
  id: 'compose/no-resource-limits',
  title: 'Service without a memory limit',
  category: 'container',
  severity: 'medium',
  requires: ['compose'],
  why:
    'Without a memory limit a leak in one Gunicorn worker, a runaway query buffer or an unbounded Redis dataset can use all the host memory; the kernel OOM killer then picks a victim, often the database.',
  fix: 'Set `deploy.resources.limits.memory` (and `cpus`) on every long-running service, sized from observed usage plus headroom; `mem_limit` / `cpus` work as well.',
  references: [
    { title: 'Compose Deploy Specification: resources', url: 'https://docs.docker.com/reference/compose-file/deploy/#resources' },
    { title: 'Docker resource constraints', url: 'https://docs.docker.com/engine/containers/resource_constraints/' },
    { title: 'CIS Docker Benchmark (5.10 memory usage limited)', url: 'https://www.cisecurity.org/benchmark/docker' },
  ],
  verify: 'docker inspect --format "{{.HostConfig.Memory}}" $(docker compose ps -q {service})   # expect a non-zero value',
  messages: {
    noLimits: 'Service "{service}" has no memory limit and no CPU limit.',
    noMemory: 'Service "{service}" limits CPU ({cpus}) but not memory.',
  },
  check({ compose }, ctx) {
    for (const { service: s } of longRunningServices(compose, ctx)) {
      const target = serviceTarget(s);
      if (s.memoryLimit) ctx.pass(target);
      else if (s.cpuLimit) ctx.fail('noMemory', { at: s.cpuLimit, target, data: { service: s.name.value, cpus: s.cpuLimit.value } });
      else ctx.fail('noLimits', { at: s.name, target, data: { service: s.name.value } });
    }
  },
});
