// depends_on naming a service the project does not define: `docker compose up` refuses to start the project.
import { defineRule } from '../../core/define-rule.js';
import { auditedProjects, serviceTarget } from './_shared.js';

export default defineRule({
  id: 'compose/depends-on-undefined-service',
  title: 'depends_on names a service that does not exist',
  category: 'container',
  severity: 'high',
  requires: ['compose'],
  why: 'Compose validates depends_on before it starts anything: a dependency on a service the project does not define (a renamed `postgres` that is now `postgres-15`) makes `docker compose up` fail with "depends on undefined service", so the next deploy or reboot-time start does not happen at all.',
  fix: 'Name the service as it is defined under `services:` (or add the missing service); check with `docker compose config --quiet`.',
  references: [{ title: 'Compose file reference: depends_on', url: 'https://docs.docker.com/reference/compose-file/services/#depends_on' }],
  verify: 'docker compose -f {file} config --quiet   # expect no output and exit 0',
  messages: {
    undefined: 'Service "{service}" depends on "{dependency}", which {file} does not define (services: {known}).',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    for (const p of projects) {
      const known = new Set(p.services.map((s) => s.name.value));
      const include = p.includes?.[0];
      for (const s of p.services) {
        const target = serviceTarget(s);
        const missing = s.dependsOn.filter((d) => !known.has(d.service.value));
        if (missing.length === 0) {
          if (s.dependsOn.length > 0) ctx.pass(target);
          continue;
        }
        // Files are often combined with -f: a sibling file defining the service may be meant to go with this one.
        const sibling = compose.find((o) => o !== p && o.dir === p.dir && missing.every((d) => o.services.some((x) => x.name.value === d.service.value)));
        if (sibling) {
          ctx.unknown(target, `${s.name.value} depends on ${missing.map((d) => d.service.value).join(', ')}, defined in ${sibling.file}: the files may be used together (docker compose -f ... -f ...)`);
          continue;
        }
        if (include) {
          ctx.unknown(target, `${s.name.value} depends on ${missing.map((d) => d.service.value).join(', ')}, which may come from the files ${include.value} includes (include: is not read)`);
          continue;
        }
        for (const d of missing) {
          ctx.fail('undefined', { at: d.service, target, data: { service: s.name.value, dependency: d.service.value, file: p.files.join(' + '), known: [...known].join(', ') } });
        }
      }
    }
    if (projects.length > 0 && !projects.some((p) => p.services.some((s) => s.dependsOn.length > 0))) ctx.notApplicable('no service uses depends_on');
  },
});
