// Cross-file: the directory nginx serves /static/ and /media/ from must be where Django writes them
// (STATIC_ROOT / MEDIA_ROOT, through the same volume when both run in compose).
import { defineRule } from '../../core/define-rule.js';
import type { SourceLoc } from '../../core/types/located.js';
import type { ComposeService, ComposeVolumeMount } from '../../facts/compose.js';
import type { NginxDirective, ShellScript } from '../../facts/scripts.js';
import { createOperation, expandWord, scriptVariables } from '../compose/_install.js';
import { builtStage, effectiveCommand, serviceRole } from '../compose/_shared.js';
import { isDjangoService } from '../django/_stack.js';
import { djangoProjects, filesSetting } from './_app.js';
import { productionLinks, serviceLinks, type DeployFacts } from './_deploy.js';
import { fragmentLevel, lastOf, locationsOf, lookup, type Level } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';

type Kind = 'STATIC' | 'MEDIA';

const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

/** A URL prefix as a location path ("static/" -> "/static/"); null for a full URL (a CDN) or nothing. */
function urlPrefix(url: string | null): string | null {
  if (url === null || /^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return null;
  const inner = url.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : null;
}

/** Where the app's BASE_DIR sits inside its container: the WORKDIR the build context is copied to (`COPY . .`). */
function baseDirInContainer(svc: ComposeService, facts: DeployFacts, projectRoot: string): string | null {
  const built = builtStage(svc, facts.dockerfiles);
  if (!built || !('stage' in built) || !svc.build) return null;
  let workdir = '/';
  let copied: string | null = null;
  for (const i of built.stage.instructions) {
    if (i.keyword === 'WORKDIR') workdir = i.expanded.startsWith('/') ? i.expanded : `${trim(workdir)}/${i.expanded}`;
    if (i.keyword === 'COPY' && !i.flags.some((f) => f.name === 'from')) {
      const words = i.execForm ?? i.expanded.split(/\s+/).filter((w) => w && !w.startsWith('--'));
      if (words.length === 2 && (words[0] === '.' || words[0] === './')) copied = words[1] === '.' || words[1] === './' ? workdir : words[1].startsWith('/') ? words[1] : `${trim(workdir)}/${words[1]}`;
    }
  }
  if (!copied) return null;
  const dir = svc.file.includes('/') ? svc.file.slice(0, svc.file.lastIndexOf('/')) : '';
  const context = [dir, svc.build.context.value].filter((x) => x && x !== '.').join('/').replace(/(^|\/)\.\//g, '$1').replace(/\/$/, '');
  if (context.includes('..')) return null;
  if (context && projectRoot !== context && !projectRoot.startsWith(`${context}/`)) return null;
  const rel = context ? projectRoot.slice(context.length).replace(/^\//, '') : projectRoot;
  return trim(rel ? `${trim(copied)}/${rel}` : copied);
}

/** Shell scripts a service starts (`/start.sh`, `./docker/entrypoint.sh`), and the scripts those name, by file name. */
function startScripts(svc: ComposeService, facts: DeployFacts): ShellScript[] {
  const found: ShellScript[] = [];
  const visit = (words: string[], depth: number) => {
    for (const word of words) {
      const base = word.replace(/^['"]|['"]$/g, '').split('/').pop() ?? '';
      if (!/[a-z]/i.test(base)) continue;
      for (const sh of facts.shell) {
        if (sh.path.split('/').pop() !== base || found.includes(sh)) continue;
        found.push(sh);
        if (depth < 2) visit(sh.commands.flatMap((c) => [c.name, ...c.args]), depth + 1);
      }
    }
  };
  visit((effectiveCommand(svc, facts) ?? '').split(/\s+/), 0);
  return found;
}

/**
 * Whether the start script of a service copies files into the directory it mounts at `mountTarget`
 * (`cp -r staticfiles/ $DOCKER_SHARED_DIR/` with DOCKER_SHARED_DIR=/nginx in the compose environment): `fills` when
 * the copy lands at `dir` (the directory nginx serves, in the service's file system), `some` when it lands
 * elsewhere in the volume. Variables come from the compose environment, the Dockerfile ENV and the script itself.
 */
function copiedIntoVolume(svc: ComposeService, mountTarget: string, dir: string, facts: DeployFacts): { state: 'fills' | 'some'; label: string } | null {
  const built = builtStage(svc, facts.dockerfiles);
  const stageEnv = built && 'stage' in built ? built.stage.env : {};
  let some: { state: 'some'; label: string } | null = null;
  for (const sh of startScripts(svc, facts)) {
    const vars = scriptVariables(sh);
    const lookup = (name: string) => svc.environment.find((e) => e.key.value === name)?.value?.value ?? vars.get(name) ?? stageEnv[name]?.value;
    for (const c of sh.commands) {
      const op = createOperation(c);
      if (!op || !['cp', 'rsync', 'mv'].includes(op.program)) continue;
      const dest = expandWord(op.created[0], lookup);
      if (dest === null || !dest.startsWith('/')) continue;
      const to = trim(dest);
      if (to !== mountTarget && !to.startsWith(`${mountTarget}/`)) continue;
      const label = `${sh.path}:${c.loc.line} (${c.text})`;
      const landing = [to, ...op.sources.map((src) => `${to === '/' ? '' : to}/${trim(src).split('/').pop()}`)];
      if (landing.includes(dir)) return { state: 'fills', label };
      some ??= { state: 'some', label };
    }
  }
  return some;
}

const sameSource = (a: ComposeVolumeMount, b: ComposeVolumeMount) => a.type === b.type && (a.type === 'volume' ? a.source === b.source : (a.sourcePath ?? a.source) === (b.sourcePath ?? b.source));

export default defineRule({
  id: 'nginx/static-path-mismatch',
  title: 'nginx serves static/media files from a directory Django does not write to',
  category: 'deployment',
  severity: 'medium',
  requires: ['nginx', 'django', 'compose', 'dockerfiles'],
  why: "nginx serves /static/ and /media/ straight from disk. When its alias/root is not where collectstatic writes STATIC_ROOT (or where uploads land in MEDIA_ROOT) — a different path, a volume only nginx mounts, nothing mounted at all — every CSS/JS file or upload answers 404: the admin and the site lose their styling, uploaded images disappear, while everything works with runserver.",
  fix: 'Make the paths meet: alias the location to STATIC_ROOT / MEDIA_ROOT (with a trailing slash on both), and in compose mount the same named volume in the Django service at STATIC_ROOT and in nginx at the aliased path.',
  references: [
    { title: 'Django: Deploying static files', url: 'https://docs.djangoproject.com/en/stable/howto/static-files/deployment/' },
    { title: 'Django settings: STATIC_ROOT', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#static-root' },
    { title: 'nginx: alias', url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#alias' },
    { title: 'Docker: Volumes', url: 'https://docs.docker.com/engine/storage/volumes/' },
  ],
  verify: "curl -s -o /dev/null -w '%{http_code}\\n' https://<your-domain>{url}admin/css/base.css   # expect 200 (for /static/ with django.contrib.admin)",
  messages: {
    notMounted: '{location} serves {dir}, but compose service {service} mounts nothing there and uses the stock image: every {url} request answers 404.',
    volumeUnfed: '{location} serves {dir} from volume {volume}, but no other service of {project} mounts it: nothing ever writes the {kind} files there.',
    rootMismatch: '{location} serves {dir}{container}, but {setting} is {root}: {kind} files are written elsewhere.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    const settings = { STATIC: filesSetting(facts, 'STATIC'), MEDIA: filesSetting(facts, 'MEDIA') };
    const prefixes: [Kind, string][] = (['STATIC', 'MEDIA'] as Kind[]).map((k) => [k, urlPrefix(settings[k].url) ?? `/${k.toLowerCase()}/`]);
    const project = djangoProjects(facts).projects[0] ?? null;
    const seen = new Set<string>();
    let judged = 0;
    for (const config of scope.configs) {
      const levels: Level[] = config.context === 'server' ? [fragmentLevel(config)] : scope.servers.filter((s) => s.config === config).map((s) => s.level);
      const links = productionLinks(serviceLinks(config, facts));
      for (const level of levels) {
        for (const loc of locationsOf(config, level)) {
          if (loc.modifier !== null && loc.modifier !== '^~') continue;
          const path = loc.path.endsWith('/') ? loc.path : `${loc.path}/`;
          const kind = prefixes.find(([, p]) => p === path)?.[0];
          if (!kind) continue;
          const alias = loc.level.list.find((d) => d.name === 'alias');
          const root = alias ? null : lastOf(lookup(config, loc.level, 'root'));
          const directive: NginxDirective | null = alias ?? root;
          if (!directive || !directive.args[0] || directive.args[0].includes('$')) continue;
          const key = `${directive.loc.file}:${directive.loc.line}:${loc.node.loc.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          judged++;
          const dir = trim(alias ? directive.args[0] : `${trim(directive.args[0])}${trim(path)}`);
          const target = `${loc.node.loc.file}#location ${loc.path}`;
          const at: SourceLoc = directive.loc;
          const label = `\`location ${loc.path}\` (${directive.name} ${directive.args[0]})`;
          const setting = settings[kind].root;
          const data = { location: label, dir, kind: kind.toLowerCase(), url: path, setting: `${kind}_ROOT` };

          // Where Django writes, as a path: literal absolute, or relative to BASE_DIR ("<BASE_DIR>/staticfiles").
          const compare = (containerDir: string, base: string | null): 'match' | 'mismatch' | 'unknown' => {
            if (setting.state !== 'yes' || !('value' in setting) || !setting.value) return 'unknown';
            const value = trim(setting.value);
            if (value.startsWith('/')) return trim(containerDir) === value ? 'match' : 'mismatch';
            const m = /^<BASE_DIR>(\/.*)?$/.exec(value);
            if (!m) return 'unknown';
            const tail = m[1] ?? '';
            if (base !== null) return trim(containerDir) === trim(`${base}${tail}`) ? 'match' : 'mismatch';
            return tail && trim(containerDir).endsWith(tail) ? 'match' : 'unknown';
          };
          const rootText = setting.state === 'yes' && 'value' in setting ? String(setting.value) : '';

          if (links.length === 0) {
            // A host install: nginx reads the same file system Django writes.
            if (setting.state === 'unknown') ctx.unknown(target, setting.reason);
            else if (setting.state === 'no') ctx.unknown(target, `${kind}_ROOT is not set in the production settings, so where Django writes is not known (see django/${kind.toLowerCase()}-root-missing)`);
            else {
              const r = compare(dir, null);
              if (r === 'match') ctx.pass(target, `${kind}_ROOT is ${rootText}`);
              else if (r === 'mismatch') ctx.fail('rootMismatch', { at, also: setting.at ? [setting.at] : [], target, data: { ...data, container: '', root: rootText } });
              else ctx.unknown(target, `${kind}_ROOT is ${rootText}, relative to the project directory, whose location on the server is not in the repository`);
            }
            continue;
          }
          const link = links[0];
          const mount = [...link.service.volumes]
            .filter((v) => dir === trim(v.target) || dir.startsWith(`${trim(v.target)}/`))
            .sort((a, b) => b.target.length - a.target.length)[0];
          if (!mount) {
            if (link.service.build) ctx.unknown(target, `service ${link.service.name.value} mounts nothing at ${dir}, but its image is built and may contain the files`);
            else ctx.fail('notMounted', { at, also: [link.service.name], target, data: { ...data, service: link.service.name.value } });
            continue;
          }
          const rel = dir.slice(trim(mount.target).length);
          const writers = link.project.services.flatMap((s) => (s === link.service ? [] : s.volumes.filter((v) => sameSource(v, mount)).map((v) => ({ s, v }))));
          if (writers.length === 0) {
            if (mount.type === 'volume') {
              ctx.fail('volumeUnfed', { at, also: [mount.raw], target, data: { ...data, volume: mount.source ?? '?', project: link.project.file } });
            } else {
              ctx.unknown(target, `${dir} is the host directory ${mount.source ?? '?'}, filled outside compose (collectstatic on the host?)`);
            }
            continue;
          }
          const django = writers.filter((w) => isDjangoService(w.s, facts.dockerfiles) || serviceRole(w.s, facts).role === 'web' || /django|web|app|backend|api/i.test(w.s.name.value));
          if (django.length === 0) {
            ctx.unknown(target, `the volume is also mounted by ${writers.map((w) => w.s.name.value).join(', ')}, which could not be recognised as the Django service`);
            continue;
          }
          // A start script may fill the volume itself (copying the collected files into it) instead of pointing
          // STATIC_ROOT at it.
          const copies = django.map((w) => copiedIntoVolume(w.s, trim(w.v.target), `${trim(w.v.target)}${rel}`, facts)).filter((c) => c !== null);
          const fills = copies.find((c) => c.state === 'fills');
          if (fills) {
            ctx.pass(target, `the start script copies the files into the shared volume at ${dir}: ${fills.label}`);
            continue;
          }
          if (setting.state === 'unknown') {
            ctx.unknown(target, setting.reason);
            continue;
          }
          if (setting.state === 'no') {
            ctx.unknown(target, `${kind}_ROOT is not set in the production settings (see django/${kind.toLowerCase()}-root-missing)`);
            continue;
          }
          const verdicts = django.map((w) => {
            const containerDir = `${trim(w.v.target)}${rel}`;
            return { w, containerDir, r: compare(containerDir, project ? baseDirInContainer(w.s, facts, project.project.root) : null) };
          });
          const match = verdicts.find((v) => v.r === 'match');
          const mismatch = verdicts.find((v) => v.r === 'mismatch');
          if (match) ctx.pass(target, `service ${match.w.s.name.value} writes ${kind}_ROOT (${match.containerDir}) to the same volume`);
          else if (mismatch && copies.length > 0)
            ctx.unknown(target, `${kind}_ROOT is ${rootText}, but the start script copies files into the volume nginx reads (${copies[0].label}), which may put them at ${dir}`);
          else if (mismatch)
            ctx.fail('rootMismatch', {
              at,
              also: [mismatch.w.v.raw, ...(setting.at ? [setting.at] : [])],
              target,
              data: { ...data, container: ` (${mismatch.containerDir} in service ${mismatch.w.s.name.value}, through ${mount.source ?? 'the mount'})`, root: rootText },
            });
          else ctx.unknown(target, `${kind}_ROOT is ${rootText}; where the project directory sits in service ${verdicts[0].w.s.name.value} could not be told from its Dockerfile`);
        }
      }
    }
    if (judged === 0) ctx.notApplicable('no nginx location serves the static or media URL from disk');
  },
});
