// A relative bind mount whose source is not in the repository: Docker creates an empty directory in its place.
import { defineRule } from '../../core/define-rule.js';
import { auditedProjects, serviceTarget } from './_shared.js';

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
          else ctx.fail('missing', { at: v.raw, target, data: { service: s.name.value, source: v.source ?? '', path: v.sourcePath } });
        }
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no relative bind mount in the audited compose files');
  },
});
