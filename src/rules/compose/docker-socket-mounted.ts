// The Docker socket mounted into a container gives that container root on the host.
import { defineRule } from '../../core/define-rule.js';
import type { ComposeService } from '../../facts/compose.js';
import type { DockerfileFacts } from '../../facts/dockerfile.js';
import { auditedProjects, builtStage, imageName, imageRepository, serviceTarget } from './_shared.js';

/** Images whose job is to filter the Docker API for other containers. */
const SOCKET_PROXIES = /(^|\/)(docker-socket-proxy|socket-proxy|docker-proxy)$/;
/** Reverse proxies that only need to read container events (docker-gen, Traefik's docker provider). */
const READING_PROXIES = /^(nginx-proxy|docker-gen|traefik|acme-companion|letsencrypt-nginx-proxy-companion|caddy-docker-proxy|caddy)$/;

/** The image name a built service's final stage starts from (`nginxproxy/nginx-proxy:1.6` -> nginx-proxy). */
function builtBaseName(s: ComposeService, dockerfiles: DockerfileFacts[]): string | null {
  const built = builtStage(s, dockerfiles);
  if (!built || 'missing' in built || built.stage.fromStage) return null;
  const ref = built.stage.from.value.split('@')[0];
  const tail = ref.slice(ref.lastIndexOf('/') + 1);
  return (tail.includes(':') ? tail.slice(0, tail.indexOf(':')) : tail).toLowerCase();
}

export default defineRule({
  id: 'compose/docker-socket-mounted',
  title: 'Docker socket mounted into a container',
  category: 'security',
  severity: 'high',
  requires: ['compose', 'dockerfiles'],
  why:
    'Whoever can talk to /var/run/docker.sock can start a privileged container that mounts the host filesystem: a compromise of the container (an nginx or Traefik bug, a vulnerable dependency) becomes root on the host. Mounting it `:ro` does not help: read-only applies to the socket file, not to the API calls sent through it.',
  fix:
    'Give the container a filtered API instead: run tecnativa/docker-socket-proxy (or linuxserver/socket-proxy) with only the sections it needs (CONTAINERS=1, EVENTS=1...) and point DOCKER_HOST at it; mount the socket only into that proxy, read-only.',
  references: [
    { title: 'OWASP Docker Security Cheat Sheet (rule #1: do not expose the Docker daemon socket)', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Docker Engine security: attack surface of the daemon', url: 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface' },
    { title: 'CIS Docker Benchmark (5.31 Docker socket not mounted inside containers)', url: 'https://www.cisecurity.org/benchmark/docker' },
  ],
  verify: 'docker inspect --format "{{json .Mounts}}" $(docker compose ps -q {service}) | grep docker.sock   # expect nothing',
  messages: {
    mounted: 'Service "{service}" mounts the Docker socket{mode}: the container controls the Docker daemon (root on the host).',
    readingProxy:
      'Service "{service}" ({image}) reads the Docker socket directly; read-only still allows full API control. Put a socket proxy in front of it.',
    proxyWritable: 'Socket proxy "{service}" mounts the Docker socket without :ro.',
  },
  check({ compose, dockerfiles }, ctx) {
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        const sockets = s.volumes.filter((v) => v.type === 'bind' && v.source !== null && /docker\.sock$/.test(v.source));
        if (sockets.length === 0) continue;
        judged++;
        const target = serviceTarget(s);
        const repo = imageRepository(s) ?? '';
        // A proxy built locally (`FROM nginxproxy/nginx-proxy` plus a template) is still that proxy.
        const img = imageName(s) ?? builtBaseName(s, dockerfiles) ?? '';
        for (const v of sockets) {
          const data = { service: s.name.value, image: s.image?.value ?? 'built image', mode: v.readOnly ? ' (read-only)' : '' };
          if (SOCKET_PROXIES.test(repo)) {
            if (v.readOnly) ctx.pass(target);
            else ctx.fail('proxyWritable', { at: v.raw, target, severity: 'medium', data });
          } else if (READING_PROXIES.test(img)) {
            ctx.fail('readingProxy', { at: v.raw, target, severity: v.readOnly ? 'medium' : 'high', data });
          } else {
            ctx.fail('mounted', { at: v.raw, target, data });
          }
        }
      }
    }
    if (projects.length > 0 && judged === 0) {
      for (const p of projects) ctx.pass(`${p.file}: no service mounts the Docker socket`);
    }
  },
});
