// Text collector: documentation, Makefiles and tool configs that no structured collector reads, kept as located lines.
import type { FactKind } from '../../facts/index.js';
import type { RepoFile } from '../../facts/repo.js';
import type { TextFile, TextRole } from '../../facts/texts.js';
import { locatedLines, parseOutline, textLines } from '../../parsers/doc-outline.js';
import { parseMakefile } from '../../parsers/makefile.js';
import type { RepoCollectContext } from './context.js';

/** The fact kind these files are filed under (`Facts.texts`, wired in src/facts/index.ts). */
const KIND: FactKind = 'texts';

/** Larger documents are generated (API references, changelogs) and say nothing about operations. */
const MAX_BYTES = 512 * 1024;
/** Documentation files read at most (READMEs and runbooks first); big doc trees would only cost time. */
const MAX_DOCS = 400;

const DOC_EXT = /\.(md|markdown|rst|txt|adoc|asciidoc)$/i;
/** Documentation that never describes operations. */
const NOT_OPS_DOC = /^(changelog|changes|history|news|license|licence|copying|authors|contributors|code_of_conduct|security|funding|notice|todo|robots|humans|requirements.*|constraints.*|third[-_]party.*)\./i;
/** Trees whose text files are content, fixtures or vendored packages rather than project documentation. */
const NOT_DOC_TREE = /(^|\/)(static|assets|templates|locale|locales|fixtures|testdata|test-data|vendor|third_party|migrations|media|site-packages|\.github\/ISSUE_TEMPLATE)(\/|$)/i;
const DOC_TREE = /(^|\/)(docs?|documentation|ops|operations|runbooks?|wiki|handbook|guides?|deploy|deployment|infra|infrastructure)\//i;

/** Tool configurations kept as text: deployment platforms, proxies with ACME, monitoring, gunicorn, task runners. */
const TOOL_CONFIG =
  /^(procfile|fly\.toml|render\.ya?ml|heroku\.yml|app\.ya?ml|railway\.(json|toml)|caddyfile|traefik\.(ya?ml|toml)|alertmanager[\w.-]*\.ya?ml|prometheus[\w.-]*\.ya?ml|[\w.-]*rules?\.ya?ml|monitrc|gatus[\w.-]*\.ya?ml|fabfile\.py|jenkinsfile|capfile|uwsgi[\w.-]*\.ini|supervisord?[\w.-]*\.conf|chart\.yaml|playbook[\w.-]*\.ya?ml|site\.ya?ml|deploy[\w.-]*\.ya?ml)$/i;
/** Directories whose YAML files are monitoring, proxy or deployment tool configs. */
const TOOL_DIR = /(^|\/)(traefik|alertmanager|prometheus|grafana|gatus|monit|uptime-kuma|blackbox|caddy|ansible|playbooks|roles\/[^/]+\/tasks|kamal|config\/deploy)(\/|$)/i;

function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function roleOf(f: RepoFile): TextRole | null {
  const name = base(f.path);
  const lower = name.toLowerCase();
  if (/^(gnu)?makefile$|\.mk$|^justfile$/i.test(name)) return 'makefile';
  if (f.kinds.includes('gunicorn-config') && lower.endsWith('.py')) return 'tool-config';
  if ((f.kinds.includes('ci-workflow') && lower === 'jenkinsfile') || lower === 'fabfile.py') return 'tool-config';
  // Files another collector parses (compose, CI, shell, nginx...) are read there.
  if (f.kinds.some((k) => k !== 'runbook' && k !== 'requirements')) return null;
  if (TOOL_CONFIG.test(name) && !NOT_DOC_TREE.test(f.path)) return 'tool-config';
  if (/\.(ya?ml|toml)$/i.test(name) && TOOL_DIR.test(f.path)) return 'tool-config';
  if (!DOC_EXT.test(name) || f.kinds.includes('requirements') || NOT_OPS_DOC.test(name) || NOT_DOC_TREE.test(f.path)) return null;
  if (/^readme/i.test(name)) return 'readme';
  if (f.kinds.includes('runbook')) return 'runbook';
  if (!f.path.includes('/') || DOC_TREE.test(f.path)) return 'docs';
  return null;
}

const PRIORITY: Record<TextRole, number> = { readme: 0, runbook: 0, makefile: 0, 'tool-config': 0, docs: 1 };

/** Reads the documentation, Makefiles and tool configs of the repository as located lines. */
export function collectTexts(ctx: RepoCollectContext): TextFile[] {
  const chosen = ctx.files
    .map((f) => ({ f, role: roleOf(f) }))
    .filter((x): x is { f: RepoFile; role: TextRole } => x.role !== null && x.f.size <= MAX_BYTES)
    .sort((a, b) => PRIORITY[a.role] - PRIORITY[b.role] || (a.f.path < b.f.path ? -1 : 1));
  let docs = 0;
  let skipped = 0;
  const out: TextFile[] = [];
  for (const { f, role } of chosen) {
    const isDoc = role === 'readme' || role === 'runbook' || role === 'docs';
    if (isDoc && ++docs > MAX_DOCS) {
      skipped++;
      continue;
    }
    const src = ctx.read(f.path, KIND);
    if (!src) continue;
    const lines = textLines(src.text);
    out.push({
      path: f.path,
      role,
      lines: locatedLines(f.path, lines),
      headings: isDoc ? parseOutline(f.path, lines) : [],
      targets: role === 'makefile' ? parseMakefile(f.path, lines, /^justfile$/i.test(base(f.path))) : [],
    });
  }
  if (skipped > 0) ctx.notes.push(`Only ${MAX_DOCS} documentation files were read for operations notes; ${skipped} more were skipped.`);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
