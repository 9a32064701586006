// privileged, host networking and broad capabilities remove the isolation a container is supposed to give.
import { defineRule } from '../../core/define-rule.js';
import { auditedProjects, serviceTarget } from './_shared.js';

const DANGEROUS_CAPS = /^(CAP_)?(ALL|SYS_ADMIN|SYS_MODULE|SYS_PTRACE|SYS_RAWIO|DAC_READ_SEARCH)$/i;

export default defineRule({
  id: 'compose/privileged-or-host-network',
  title: 'Privileged container, host network or dangerous capabilities',
  category: 'security',
  severity: 'high',
  requires: ['compose'],
  why:
    '`privileged: true` and capabilities such as ALL or SYS_ADMIN give the container nearly every power of root on the host (mounting disks, loading modules): an escape is one step away. `network_mode: host` removes network isolation, so every port the process opens is on the host\'s interfaces and the compose network no longer protects anything.',
  fix:
    'Remove `privileged: true` and add only the specific capabilities needed (usually none); use the default bridge network with explicit `ports:` instead of `network_mode: host`.',
  references: [
    { title: 'OWASP Docker Security Cheat Sheet (capabilities, privileged)', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Docker run reference: runtime privilege and Linux capabilities', url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities' },
    { title: 'CIS Docker Benchmark (5.4 privileged, 5.9 host network)', url: 'https://www.cisecurity.org/benchmark/docker' },
  ],
  verify: 'docker inspect --format "{{.HostConfig.Privileged}} {{.HostConfig.NetworkMode}} {{.HostConfig.CapAdd}}" $(docker compose ps -q {service})',
  messages: {
    privileged: 'Service "{service}" runs privileged: it has almost full control of the host.',
    hostNetwork: 'Service "{service}" uses network_mode: host: it shares the host\'s network stack.',
    capability: 'Service "{service}" adds the {capability} capability.',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        judged++;
        const target = serviceTarget(s);
        const data = { service: s.name.value };
        let failed = false;
        if (s.privileged?.value) {
          failed = true;
          ctx.fail('privileged', { at: s.privileged, target, data });
        }
        if (s.networkMode?.value === 'host') {
          failed = true;
          ctx.fail('hostNetwork', { at: s.networkMode, target, severity: 'medium', data });
        }
        for (const cap of s.capAdd) {
          if (!DANGEROUS_CAPS.test(cap.value)) continue;
          failed = true;
          ctx.fail('capability', { at: cap, target, data: { ...data, capability: cap.value.toUpperCase() } });
        }
        if (!failed) ctx.pass(target);
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('the audited compose files define no service');
  },
});
