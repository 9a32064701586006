// A relative bind mount whose source is not in the repository: Docker creates an empty directory in its place.
import { defineRule } from '../../core/define-rule.js';
import type { ComposeProject, ComposeService, ComposeVolumeMount } from '../../facts/compose.js';
import type { Facts } from '../../facts/index.js';
import { auditedProjects, serviceTarget } from './_shared.js';
import { createdByScript } from './_install.js';

/** Where a container writes data at run time: Docker creating the empty directory is what the author wants. */
const DATA_DIR = /(^|\/)(backups?|dumps?|logs?|data|[\w-]*[-_]data|media[\w-]*|static[\w-]*|uploads?|storage|var|tmp|cache|run|pg[\w-]*|postgres[\w-]*|mysql|redis[\w-]*)(\/|$)/i;

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

/** Suffixes of the template a setup step copies into place (`cp x.example x`). */
const TEMPLATE_SUFFIXES = ['.example', '.sample', '.dist', '.template', '.default', '.tmpl', '.tpl'];

/**
 * Why a missing source is made at install or run time rather than forgotten, or null: a committed template next to
 * it, another service mounting the same directory writable (a data directory the app fills), or a repository
 * script that creates or copies it.
 */
function createdElsewhere(v: ComposeVolumeMount, s: ComposeService, p: ComposeProject, facts: Pick<Facts, 'repo' | 'shell'>): string | null {
  const path = v.sourcePath!;
  for (const suffix of TEMPLATE_SUFFIXES) {
    const tpl = `${path}${suffix}`;
    if (facts.repo.files.some((f) => f.path === tpl || f.path.startsWith(`${tpl}/`))) return `${v.source} is made from the committed template ${tpl} at install time`;
  }
  const isFile = /\.[A-Za-z0-9]{1,5}$/.test(path.split('/').pop() ?? '');
  if (!isFile) {
    const writer = p.services.find((o) => o !== s && o.volumes.some((w) => w.type === 'bind' && w.sourcePath === path && !w.readOnly));
    if (writer) return `${v.source} is also mounted writable by service "${writer.name.value}": a data directory filled at run time`;
  }
  const script = createdByScript(v.source ?? path, facts.shell);
  if (script) return `${v.source} is created by ${script.loc.file}:${script.loc.line} (${script.text})`;
  return null;
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
  check(facts, ctx) {
    const projects = auditedProjects(facts.compose, ctx);
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
          else {
            const created = createdElsewhere(v, s, p, facts);
            if (created) ctx.pass(target, created);
            else ctx.fail('missing', { at: v.raw, target, data: { service: s.name.value, source: v.source ?? '', path: v.sourcePath } });
          }
        }
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no relative bind mount in the audited compose files');
  },
});
