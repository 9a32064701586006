// container_name pins a global name: a second copy of the project (staging, blue-green) cannot run beside it.
import { defineRule } from '../../core/define-rule.js';
import { auditedProjects } from './_shared.js';

export default defineRule({
  id: 'compose/fixed-container-name',
  title: 'Fixed container names',
  category: 'deployment',
  severity: 'info',
  requires: ['compose'],
  why:
    'Container names are unique per Docker host: with `container_name:` a second copy of the project (a staging stack, a blue-green deploy, `docker compose -p other up`) fails with a name conflict, and `docker compose up --scale` cannot add replicas.',
  fix: 'Drop `container_name:` and address containers through Compose (`docker compose exec web ...`) or the project name (`-p onespirit`); keep it only where another tool needs a fixed name.',
  references: [{ title: 'Compose file reference: container_name', url: 'https://docs.docker.com/reference/compose-file/services/#container_name' }],
  verify: 'docker compose -p {project}-copy up --no-start   # expect no "container name is already in use" error',
  messages: {
    fixed: '{count} service(s) set container_name: {services}.',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    for (const p of projects) {
      const named = p.services.filter((s) => s.containerName);
      if (named.length === 0) {
        ctx.pass(p.file);
        continue;
      }
      ctx.fail('fixed', {
        at: named[0].containerName!,
        also: named.slice(1).map((s) => s.containerName!),
        target: p.file,
        data: {
          count: named.length,
          services: named.map((s) => s.name.value).join(', '),
          project: p.dir.split('/').pop() || 'project',
        },
      });
    }
  },
});
