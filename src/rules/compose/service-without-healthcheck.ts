// Database, cache, web and proxy services need a healthcheck (in compose, or the HEALTHCHECK of the Dockerfile they build).
import { defineRule } from '../../core/define-rule.js';
import type { ComposeService } from '../../facts/compose.js';
import { auditedProjects, builtStage, oneOffReason, serviceRole, serviceTarget } from './_shared.js';

const NEEDS_HEALTHCHECK = new Set(['database', 'cache', 'web', 'proxy']);

/** Published ports, nginx-proxy's VIRTUAL_HOST or Traefik labels: the service answers requests. */
function servesTraffic(s: ComposeService): boolean {
  const labels = JSON.stringify(s.keys.labels?.value ?? '');
  return s.ports.length > 0 || s.environment.some((e) => e.key.value === 'VIRTUAL_HOST') || /traefik\.http\.routers/.test(labels);
}

export default defineRule({
  id: 'compose/service-without-healthcheck',
  title: 'Service without a healthcheck',
  category: 'container',
  severity: 'medium',
  requires: ['compose', 'dockerfiles'],
  why:
    'Without a healthcheck Docker only knows whether the process exists, not whether it answers: a hung Gunicorn, a database still recovering or a proxy with a broken config stay "running", `depends_on: condition: service_healthy` cannot be used, and nothing shows the outage.',
  fix:
    'Add a `healthcheck:` to the service (pg_isready for PostgreSQL, `redis-cli ping` for Redis, an HTTP probe of a cheap health endpoint for the web app, `nginx -t` or a probe for the proxy), or a HEALTHCHECK in the Dockerfile the service builds.',
  references: [
    { title: 'Compose file reference: healthcheck', url: 'https://docs.docker.com/reference/compose-file/services/#healthcheck' },
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
  ],
  verify: 'docker inspect --format "{{json .State.Health}}" $(docker compose ps -q {service})   # expect "Status":"healthy"',
  messages: {
    missing: 'Service "{service}" ({role}) has no healthcheck.',
    disabled: 'Service "{service}" ({role}) disables its healthcheck.',
    dockerfileMissing: 'Service "{service}" ({role}) has no healthcheck in compose and its Dockerfile {dockerfile} (stage {stage}) has no HEALTHCHECK.',
    dockerfileNone: 'Service "{service}" ({role}) has no compose healthcheck and its Dockerfile {dockerfile} sets HEALTHCHECK NONE.',
  },
  check(facts, ctx) {
    const projects = auditedProjects(facts.compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        if (oneOffReason(s, p)) continue;
        const target = serviceTarget(s);
        const { role, reason } = serviceRole(s, facts);
        if (role !== null && !NEEDS_HEALTHCHECK.has(role)) continue;
        // A service of unknown purpose only matters here when it serves traffic.
        if (role === null && !servesTraffic(s)) continue;
        judged++;
        const data = { service: s.name.value, role: role ?? 'application' };
        if (s.healthcheck && !s.healthcheck.disabled) {
          ctx.pass(target);
          continue;
        }
        if (s.healthcheck?.disabled) {
          ctx.fail('disabled', { at: s.healthcheck.node, target, data });
          continue;
        }
        if (role === null) {
          const built = builtStage(s, facts.dockerfiles);
          const hc = built && 'stage' in built ? built.stage.healthcheck : null;
          if (hc && !/^\s*NONE\b/i.test(hc.args)) ctx.pass(target);
          else ctx.unknown(target, reason);
          continue;
        }
        const built = builtStage(s, facts.dockerfiles);
        if (built === null) {
          ctx.fail('missing', { at: s.image ?? s.name, target, data });
          continue;
        }
        if ('missing' in built) {
          ctx.unknown(target, `no compose healthcheck, and the Dockerfile could not be checked: ${built.missing}`);
          continue;
        }
        const hc = built.stage.healthcheck;
        const stage = built.stage.name?.value ?? (built.stage.index === built.file.stages.length - 1 ? 'final' : `#${built.stage.index + 1}`);
        if (hc && !/^\s*NONE\b/i.test(hc.args)) {
          ctx.pass(target);
          continue;
        }
        if (hc) {
          ctx.fail('dockerfileNone', { at: s.name, also: [{ value: hc.args, loc: hc.loc }], target, data: { ...data, dockerfile: built.file.path } });
          continue;
        }
        ctx.fail('dockerfileMissing', {
          at: s.name,
          also: [{ absentIn: built.file.path, note: `no HEALTHCHECK in stage ${stage} (${built.file.lineCount} lines)` }],
          target,
          data: { ...data, dockerfile: built.file.path, stage },
        });
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no database, cache, web or proxy service in the audited compose files');
  },
});
