// A relative bind mount whose source is not in the repository: Docker creates an empty directory in its place.
import { defineRule } from '../../core/define-rule.js';
import type { ComposeVolumeMount } from '../../facts/compose.js';
import { auditedProjects, serviceTarget } from './_shared.js';

/** Where a container writes data at run time: Docker creating the empty directory is what the author wants. */
const DATA_DIR = /(^|\/)(backups?|dumps?|logs?|data|media|uploads?|storage|var|tmp|cache|run)(\/|$)/i;

/**
 * A missing source matters when the container expects content from it: read-only mounts, file paths,
 * configuration targets. A writable mount of a data directory is created empty by Docker on purpose.
 */
function expectsContent(v: ComposeVolumeMount): boolean {
  if (v.readOnly) return true;
  const base = (v.source ?? '').replace(/\/+$/, '').split('/').pop() ?? '';
  if (/\.[A-Za-z0-9]{1,5}$/.test(base)) return true;
  if (/^\/(etc|usr|opt\/[^/]+\/conf)/.test(v.target) || /conf|config|certs?|nginx|ssl|secrets?/i.test(v.source ?? '')) return true;
  return !DATA_DIR.test(v.source ?? '') && !DATA_DIR.test(v.target);
}

export default defineRule({
  id: 'compose/bind-mount-source-missing',
  title: 'Bind-mount source missing from the repository',
  category: 'deployment',
  severity: 'high',
  requires: ['compose'],
  why:
    'When the source of a bind mount does not exist, Docker silently creates an empty, root-owned directory there: the container starts with an empty config directory (nginx without its site config), or fails because a directory sits where a file was expected. A fresh clone on a new server does not reproduce the setup.',
  fix:
    'Commit the file or directory the mount expects (a config directory with its files, or a `.gitkeep`), fix the path, or remove the mount. Paths created at run time (logs, backups, media) should be listed in .gitignore.',
  references: [
    { title: 'Docker bind mounts (a missing source is created as an empty directory)', url: 'https://docs.docker.com/engine/storage/bind-mounts/' },
    { title: 'Compose file reference: volumes (create_host_path)', url: 'https://docs.docker.com/reference/compose-file/services/#volumes' },
  ],
  verify: 'git ls-files -- {path} | head   # expect the mounted file or directory to be listed',
  messages: {
    missing: 'Service "{service}" bind-mounts {source}, which does not exist in the repository.',
  },
  check({ compose }, ctx) {
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        for (const v of s.volumes) {
          if (v.type !== 'bind' || v.sourcePath === null || v.exists === null) continue;
          judged++;
          const target = `${serviceTarget(s)}:${v.source}`;
          if (v.exists) ctx.pass(target);
          else if (v.gitignored) ctx.notApplicable(`${v.source} (service "${s.name.value}") is git-ignored: it is created at run time, not committed`);
          else if (!expectsContent(v)) ctx.pass(target, `${v.source} is a writable data directory that Docker creates at first start`);
          else ctx.fail('missing', { at: v.raw, target, data: { service: s.name.value, source: v.source ?? '', path: v.sourcePath } });
        }
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no relative bind mount in the audited compose files');
  },
});
