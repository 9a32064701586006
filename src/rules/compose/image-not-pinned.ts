// Third-party images referenced without a version tag (or with `latest`) change under a running setup.
import { defineRule } from '../../core/define-rule.js';
import { auditedProjects, imageName, serviceTarget } from './_shared.js';

const STATEFUL = /^(postgres|postgresql|postgis|pgvector|timescaledb(-ha)?|mysql|mariadb|mongo|mongodb|redis|valkey|elasticsearch|opensearch|rabbitmq|minio)$/;

/** Splits an image reference into repository, tag and digest. */
function parseReference(ref: string): { tag: string | null; digest: string | null } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : null;
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const slash = name.lastIndexOf('/');
  const colon = name.indexOf(':', slash + 1);
  return { tag: colon >= 0 ? name.slice(colon + 1) : null, digest };
}

export default defineRule({
  id: 'compose/image-not-pinned',
  title: 'Image not pinned to a version',
  category: 'container',
  severity: 'medium',
  requires: ['compose'],
  why:
    'An image without a version tag, or with `latest` / `alpine` / `stable`, is whatever the registry serves on the day of the next pull: a routine `docker compose pull` or a new server can bring a new major version. For databases that means a server that refuses the old data directory (PostgreSQL major upgrades need pg_upgrade), for proxies changed defaults, and a rollback target that no longer exists.',
  fix: 'Pin each third-party image to at least a major version tag (postgres:16-alpine, redis:7.4, nginx:1.27); pin a digest (@sha256:...) for fully reproducible deploys, and update on purpose.',
  references: [
    { title: 'Docker build best practices: pin base image versions', url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions' },
    { title: 'Compose file reference: image', url: 'https://docs.docker.com/reference/compose-file/services/#image' },
    { title: 'PostgreSQL: upgrading a cluster (major versions)', url: 'https://www.postgresql.org/docs/current/upgrading.html' },
  ],
  verify: 'docker compose config --images   # expect every third-party image with a version tag or digest',
  messages: {
    noTag: 'Service "{service}" uses {image} without a tag (that is :latest).',
    latest: 'Service "{service}" uses {image}: the latest tag moves with every release.',
    floating: 'Service "{service}" uses {image}: the tag "{tag}" names no version and moves with every release.',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      // A service with build: and image: names the image it builds itself; services that run that same image
      // without build: (cookiecutter-django's celeryworker/celerybeat/flower) reuse the project's own build.
      // Compared with an explicit tag, as Docker does: `myproj_django` is `myproj_django:latest`.
      const withTag = (ref: string) => {
        const { tag, digest } = parseReference(ref);
        return tag === null && digest === null ? `${ref}:latest` : ref;
      };
      const builtHere = new Map(p.services.filter((b) => b.build && b.image?.value.trim()).map((b) => [withTag(b.image!.value.trim()), b.name.value]));
      for (const s of p.services) {
        if (!s.image || s.build) continue;
        judged++;
        const target = serviceTarget(s);
        const ref = s.image.value.trim();
        const builder = ref === '' ? undefined : builtHere.get(withTag(ref));
        if (builder !== undefined) {
          ctx.pass(target, `runs ${ref}, the image that service "${builder}" builds`);
          continue;
        }
        const { tag, digest } = parseReference(ref);
        const severity = STATEFUL.test(imageName(s) ?? '') ? 'high' : undefined;
        const data = { service: s.name.value, image: ref, tag: tag ?? '' };
        if (digest) ctx.pass(target);
        else if (ref === '' || tag === '') ctx.unknown(target, `the image of service "${s.name.value}" comes from a variable that no env file defines`);
        else if (tag === null) ctx.fail('noTag', { at: s.image, target, severity, data });
        else if (tag.toLowerCase() === 'latest') ctx.fail('latest', { at: s.image, target, severity, data });
        else if (!/\d/.test(tag)) ctx.fail('floating', { at: s.image, target, severity, data });
        else ctx.pass(target);
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('every audited service builds its own image');
  },
});
