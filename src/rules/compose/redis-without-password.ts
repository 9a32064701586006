// Redis started without requirepass or an ACL file accepts every client that can reach it.
import { defineRule } from '../../core/define-rule.js';
import type { Located } from '../../core/types/located.js';
import type { Severity } from '../../core/types/severity.js';
import type { ComposeService } from '../../facts/compose.js';
import { auditedProjects, imageName, imageRepository, isLoopbackAddress, serviceTarget } from './_shared.js';

const REDIS_IMAGES = /^(redis|valkey|redis-stack|redis-stack-server|keydb)$/;

function envValue(s: ComposeService, key: string) {
  return s.environment.find((e) => e.key.value === key);
}

function isRedis(s: ComposeService): boolean {
  const img = imageName(s);
  if (img && REDIS_IMAGES.test(img)) return true;
  return !!s.command && /(^|\s|\/)(redis|valkey|keydb)-server\b/.test(s.command.value);
}

/**
 * How far the unauthenticated Redis reaches. Any `ports:` entry publishes on the host (an entry without a host
 * IP, or with only a container port, binds every interface); a port entry whose host IP comes from an undefined
 * variable is treated as exposed, since the downgrade needs proof. Without a published port (or with loopback
 * ones only) Redis is still open to every container on the compose network, hence medium rather than pass.
 */
function exposure(s: ComposeService): { severity: Severity; reach: string; at?: Located<string> } {
  if (s.networkMode?.value === 'host') return { severity: 'high', reach: 'it runs with network_mode: host, so it listens on the host\'s interfaces', at: s.networkMode };
  for (const port of s.ports) {
    const unresolved = port.interpolated.some((i) => i.definedIn === null && i.defaultValue === null);
    if (!unresolved && port.hostIp !== null && isLoopbackAddress(port.hostIp)) continue;
    const reach = unresolved
      ? `its port entry ${port.raw.value} uses a variable that no env file defines and may publish it on every interface`
      : `its port is published on a non-loopback address (${port.raw.value})`;
    return { severity: 'high', reach, at: port.raw };
  }
  return { severity: 'medium', reach: 'it is reachable by every container on the compose network (no port is published beyond loopback)' };
}

export default defineRule({
  id: 'compose/redis-without-password',
  title: 'Redis without a password',
  category: 'security',
  severity: 'high',
  requires: ['compose'],
  why:
    'Redis without requirepass or ACL users lets any process that reaches port 6379 read and change the cache, sessions and Celery queues, and `CONFIG SET` / `MODULE LOAD` turn that into code execution. One misplaced `ports:` line or a compromised container on the same network is enough.',
  fix:
    'Start Redis with a password from a secret, e.g. `command: sh -c \'exec redis-server --appendonly yes --requirepass "$$(cat /run/secrets/redis_password)"\'` (or an ACL file), and put the password in REDIS_URL (redis://:password@redis:6379/0). For bitnami images set REDIS_PASSWORD(_FILE) and remove ALLOW_EMPTY_PASSWORD.',
  references: [
    { title: 'Redis security', url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/' },
    { title: 'Redis ACL', url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/' },
  ],
  verify: 'docker compose exec {service} redis-cli ping   # expect NOAUTH Authentication required',
  messages: {
    noAuth: 'Service "{service}" runs Redis without requirepass or an ACL file; {reach}.',
    emptyAllowed: 'Service "{service}" sets ALLOW_EMPTY_PASSWORD={value}: Redis accepts clients without a password; {reach}.',
    envIgnored: 'Service "{service}" sets {key}, but the {image} image does not read it: Redis still runs without a password; {reach}.',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        if (!isRedis(s)) continue;
        judged++;
        const target = serviceTarget(s);
        // Severity follows exposure: high when published beyond loopback, medium when only the compose network reaches it.
        const { severity, reach, at: exposedAt } = exposure(s);
        const exposedAlso = exposedAt ? [exposedAt] : [];
        const data = { service: s.name.value, image: s.image?.value ?? 'redis', reach };
        const repo = imageRepository(s) ?? '';
        const cmd = `${s.entrypoint?.value ?? ''} ${s.command?.value ?? ''}`;
        const redisArgs = envValue(s, 'REDIS_ARGS')?.value?.value ?? '';
        const allowEmpty = envValue(s, 'ALLOW_EMPTY_PASSWORD');
        if (allowEmpty?.value && /^(yes|true|1)$/i.test(allowEmpty.value.value)) {
          ctx.fail('emptyAllowed', { at: allowEmpty.value, also: exposedAlso, target, severity, data: { ...data, value: allowEmpty.value.value } });
          continue;
        }
        const auth = /(--requirepass|--aclfile|\brequirepass\b|\baclfile\b|--user\s)/.exec(`${cmd} ${redisArgs}`);
        if (auth) {
          const after = `${cmd} ${redisArgs}`.slice(auth.index + auth[0].length).trimStart();
          if (/^--requirepass$/.test(auth[0]) && (after === '' || /^(""|''|--)/.test(after))) {
            ctx.unknown(target, `service "${s.name.value}" passes --requirepass an empty value (a variable that no env file defines?)`);
          } else ctx.pass(target);
          continue;
        }
        const passwordEnv = ['REDIS_PASSWORD', 'REDIS_PASSWORD_FILE'].map((k) => envValue(s, k)).find((e) => e);
        if (repo.includes('bitnami/') || repo.includes('bitnamilegacy/')) {
          // Bitnami images refuse to start without a password unless ALLOW_EMPTY_PASSWORD is set.
          ctx.pass(target);
          continue;
        }
        const conf = /\S+\.conf\b/.exec(cmd);
        if (conf) {
          ctx.unknown(target, `service "${s.name.value}" starts Redis with ${conf[0]}; a requirepass there was not checked`);
          continue;
        }
        if (passwordEnv) {
          ctx.fail('envIgnored', { at: passwordEnv.key, also: [s.command ?? s.image ?? s.name, ...exposedAlso], target, severity, data: { ...data, key: passwordEnv.key.value } });
          continue;
        }
        ctx.fail('noAuth', { at: s.command ?? s.image ?? s.name, also: exposedAlso, target, severity, data });
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no Redis service in the audited compose files');
  },
});
