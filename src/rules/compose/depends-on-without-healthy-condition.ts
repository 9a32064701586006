// depends_on a service that has a healthcheck, without waiting for it to be healthy.
import { defineRule } from '../../core/define-rule.js';
import { auditedProjects, builtStage, oneOffReason, serviceRole, serviceTarget } from './_shared.js';

export default defineRule({
  id: 'compose/depends-on-without-healthy-condition',
  title: 'depends_on does not wait for the database or cache to be healthy',
  category: 'deployment',
  severity: 'low',
  requires: ['compose', 'dockerfiles'],
  why:
    'Plain `depends_on` only orders container start-up: the app starts while PostgreSQL is still initialising or Redis is loading its data, so migrations and the first requests fail and the container restarts in a loop after every deploy or reboot.',
  fix: 'Use the long form with a condition: `depends_on: { db: { condition: service_healthy } }` (the dependency already has a healthcheck).',
  references: [
    { title: 'Compose file reference: depends_on', url: 'https://docs.docker.com/reference/compose-file/services/#depends_on' },
    { title: 'Control startup order in Compose', url: 'https://docs.docker.com/compose/how-tos/startup-order/' },
  ],
  verify: 'docker compose config | grep -A3 depends_on   # expect condition: service_healthy for {dependency}',
  messages: {
    shortForm: 'Service "{service}" depends on "{dependency}" (which has a healthcheck) without condition: service_healthy.',
    otherCondition: 'Service "{service}" depends on "{dependency}" (which has a healthcheck) with condition {condition} instead of service_healthy.',
  },
  check(facts, ctx) {
    const projects = auditedProjects(facts.compose, ctx);
    let judged = 0;
    for (const p of projects) {
      const byName = new Map(p.services.map((s) => [s.name.value, s]));
      for (const s of p.services) {
        if (oneOffReason(s, p)) continue;
        for (const d of s.dependsOn) {
          const dep = byName.get(d.service.value);
          if (!dep || oneOffReason(dep, p)) continue;
          // Only a database or cache has to be ready before its clients start; proxies and helpers need only exist.
          const role = serviceRole(dep, facts).role;
          if (role !== 'database' && role !== 'cache') continue;
          const built = builtStage(dep, facts.dockerfiles);
          const imageHc = built && 'stage' in built && built.stage.healthcheck && !/^\s*NONE\b/i.test(built.stage.healthcheck.args);
          const hasHealthcheck = (dep.healthcheck && !dep.healthcheck.disabled) || (!dep.healthcheck && imageHc);
          if (!hasHealthcheck) continue;
          judged++;
          const target = `${serviceTarget(s)}->${d.service.value}`;
          if (d.condition === 'service_healthy') ctx.pass(target);
          else if (d.condition === 'service_completed_successfully') ctx.pass(target);
          else if (d.condition === null) ctx.fail('shortForm', { at: d.service, target, data: { service: s.name.value, dependency: d.service.value } });
          else ctx.fail('otherCondition', { at: d.service, target, data: { service: s.name.value, dependency: d.service.value, condition: d.condition } });
        }
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no depends_on on a database or cache service that has a healthcheck');
  },
});
