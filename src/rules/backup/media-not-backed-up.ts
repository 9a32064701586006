// Uploaded media is part of the data: backups exist for the database, but nothing copies the media files.
import { defineRule } from '../../core/define-rule.js';
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { ComposeService, ComposeVolumeMount } from '../../facts/compose.js';
import { serviceRole } from '../compose/_shared.js';
import type { Facts } from '../../facts/index.js';
import type { ShellCommand } from '../../facts/scripts.js';
import { dict, judge, productionProjects } from '../django/_settings.js';
import { isDevFile, isDjangoService, isProxyService, productionCompose, walkNginx } from '../django/_stack.js';
import { backupJob, hasBackups, jobAnchor } from './_flow.js';

const MEDIA_PATH = /(^|\/)(media|mediafiles|uploads?|user[-_]?(files|uploads))(\/|$)/i;
/** Storage backends that keep uploads outside the server (object storage has its own durability). */
const REMOTE_STORAGE = /(storages\.backends|s3|gcloud|google|azure|dropbox|cloudinary|sftp|minio|b2)/i;
/** Commands that copy or archive files. */
const COPIERS = new Set(['tar', 'rsync', 'rclone', 'restic', 'borg', 'borgmatic', 'zip', '7z', 'cp', 'duplicity', 'rdiff-backup', 'azcopy', 'mc', 's3cmd', 'gsutil', 'aws', 'gcloud', 'scp', 'rsnapshot', 'docker']);
const COPY_TEXT = /\b(tar|rsync|rclone|restic|borg|zip|cp\s+-[a-zA-Z]*[rRa]|duplicity|azcopy|mc\s+(cp|mirror)|s3cmd|gsutil|aws\s+s3|docker\s+cp)\b/;

interface MediaUse {
  label: string;
  at: Located<unknown> | SourceLoc;
  /** Strings that name the media data in a backup command: paths, volume names. */
  hints: string[];
  /** Absolute media paths, whose parent directories also cover them. */
  paths: string[];
  strong: boolean;
}

function mountHints(v: ComposeVolumeMount): string[] {
  const out = [v.target];
  if (v.source) out.push(v.type === 'volume' ? v.source : v.source.replace(/^\.\//, ''));
  return out;
}

/** Where the deployment keeps uploads: the app's media mount, an nginx /media/ location, or MEDIA_ROOT. */
function mediaUses(facts: Facts): { uses: MediaUse[]; remote: string | null } {
  const uses: MediaUse[] = [];
  for (const project of productionCompose(facts.compose)) {
    // The Django service's own mount first: that is where uploads are written.
    const isApp = (svc: ComposeService) => isDjangoService(svc, facts.dockerfiles) || serviceRole(svc, facts).role === 'web';
    const services = [...project.services].sort((a, b) => Number(isApp(b)) - Number(isApp(a)));
    for (const svc of services) {
      if (!isApp(svc) && !isProxyService(svc)) continue;
      const mount = svc.volumes.find((v) => MEDIA_PATH.test(v.target) && !v.readOnly) ?? svc.volumes.find((v) => MEDIA_PATH.test(v.target));
      if (mount) uses.push({ label: `service "${svc.name.value}" mounts ${mount.target}`, at: mount.raw, hints: mountHints(mount), paths: [mount.target], strong: true });
    }
  }
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    const loc = walkNginx(conf.directives).find((d) => d.name === 'location' && d.args.some((a) => MEDIA_PATH.test(a.replace(/^\^/, ''))));
    if (!loc) continue;
    const alias = walkNginx(loc.block ?? []).find((d) => d.name === 'alias' || d.name === 'root');
    uses.push({ label: `nginx serves ${loc.args.join(' ')} (${conf.path})`, at: loc.loc, hints: alias ? [alias.args[0] ?? ''] : [], paths: alias?.args[0] ? [alias.args[0]] : [], strong: true });
  }
  let remote: string | null = null;
  const silent = { unknown() {}, notApplicable() {} };
  for (const p of productionProjects(facts.django, silent)) {
    const storage = judge(p, 'STORAGES', (v) => {
      const backend = dict(dict(v)?.default ?? null)?.BACKEND;
      return typeof backend === 'string' ? backend : null;
    });
    const legacy = judge(p, 'DEFAULT_FILE_STORAGE', (v) => (typeof v === 'string' ? v : null));
    remote = [storage, legacy].flatMap((j) => (j.state !== 'unknown' && j.result ? [j.result] : [])).find((b) => REMOTE_STORAGE.test(b)) ?? remote;
    const root = judge(p, 'MEDIA_ROOT', (v) => (typeof v === 'string' ? v : null));
    if (root.state === 'decided' && root.result) {
      const last = root.result.replace(/\/+$/, '').split('/').pop() ?? '';
      uses.push({ label: `MEDIA_ROOT is ${root.result}`, at: root.loc, hints: [root.result, last], paths: [root.result], strong: false });
    } else if (root.state === 'unknown' && root.loc) {
      uses.push({ label: 'MEDIA_ROOT is set', at: root.loc, hints: ['media', 'uploads'], paths: [], strong: false });
    }
  }
  return { uses, remote };
}

function mentions(text: string, hint: string): boolean {
  if (hint.length < 3) return false;
  const escaped = hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s/:="'])${escaped}($|[\\s/:"'])`).test(text);
}

/** A copy/archive command naming the media data (or a parent directory of it, or Docker's volume store). */
function coversMedia(c: ShellCommand, use: MediaUse[]): boolean {
  if (c.effectiveArgs.includes('mediabackup')) return true;
  const copier = COPIERS.has(c.effectiveName) || c.wrappers.some((w) => w.kind === 'docker-run');
  if (!copier) return false;
  const words = [...c.effectiveArgs, ...c.wrappers.map((w) => w.text)];
  const text = words.join(' ');
  if (/\/var\/lib\/docker\/volumes/.test(text)) return true;
  return use.some(
    (u) =>
      u.hints.some((h) => mentions(text, h)) ||
      u.paths.some((p) => c.effectiveArgs.some((a) => a.startsWith('/') && a.length > 1 && p.startsWith(`${a.replace(/\/+$/, '')}/`))),
  );
}

export default defineRule({
  id: 'backup/media-not-backed-up',
  title: 'Uploaded media files are not backed up',
  category: 'backup',
  severity: 'high',
  requires: ['shell', 'cron', 'compose', 'ci', 'django', 'nginx', 'systemd'],
  why: 'The database only stores the paths of uploaded files; the files themselves live in MEDIA_ROOT. After a disk or server loss the restored database points at documents and images that no longer exist, and users\' uploads cannot be recovered.',
  fix: 'Back up MEDIA_ROOT (or the media volume) with the database on the same schedule: `tar czf media-$(date +%F).tgz -C /app media`, `restic backup /srv/app/media`, or a volume-backup container mounting the media volume read-only — or move uploads to object storage (django-storages) with versioning.',
  references: [
    { title: 'Django settings: MEDIA_ROOT', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#media-root' },
    { title: 'Docker docs: Back up, restore, or migrate data volumes', url: 'https://docs.docker.com/engine/storage/volumes/#back-up-restore-or-migrate-data-volumes' },
    { title: 'CIS Critical Security Controls v8: Control 11 — Data Recovery', url: 'https://www.cisecurity.org/controls/data-recovery' },
  ],
  verify: 'Look in the newest backup set for the media archive   # expect a recent media-*.tgz or restic snapshot of the media path',
  messages: {
    notCovered: 'The app stores uploads ({media}) and the repository backs up the database ({backup}), but no backup copies the media files.',
  },
  check(facts, ctx) {
    const job = backupJob(facts);
    if (!hasBackups(job)) return ctx.notApplicable('no backup job in the repository (see backup/no-backup)');
    const { uses, remote } = mediaUses(facts);
    if (uses.length === 0) return ctx.notApplicable('no media volume, /media/ location or MEDIA_ROOT in the production configuration');
    if (remote) return ctx.notApplicable(`uploads go to object storage (${remote}), not to the server's disk`);
    const commands = [...facts.shell.flatMap((s) => s.commands), ...facts.cron.flatMap((e) => e.commands), ...facts.systemd.flatMap((u) => u.commands)];
    const target = 'media files';
    if (commands.some((c) => coversMedia(c, uses))) return ctx.pass(target, 'a backup command copies the media path');
    const mediaVolumes = new Set(uses.flatMap((u) => u.hints));
    const service = job.services.find((s) => s.volumes.some((v) => v.source !== null && mediaVolumes.has(v.type === 'volume' ? v.source : v.source.replace(/^\.\//, ''))));
    if (service) return ctx.pass(target, `backup service "${service.name.value}" mounts the media volume`);
    const ciText = facts.ci.flatMap((w) => w.jobs.flatMap((j) => j.steps.map((s) => s.run?.value ?? '')));
    if (ciText.some((t) => t.split('\n').some((l) => COPY_TEXT.test(l) && uses.some((u) => u.hints.some((h) => mentions(l, h)))))) return ctx.pass(target, 'a CI step archives the media path');
    const use = uses.find((u) => u.strong) ?? uses[0];
    const anchor = jobAnchor(job);
    // MEDIA_ROOT alone is often template boilerplate; an image library says uploads are really stored.
    const images = facts.django.some((d) => Object.keys(d.dependencies).some((k) => /^(pillow|django-imagekit|easy-thumbnails|sorl-thumbnail|django-filer|wagtail)$/i.test(k)));
    const severity = use.strong ? 'high' : images ? 'medium' : 'low';
    ctx.fail('notCovered', {
      at: use.at,
      also: anchor ? [anchor.at] : [],
      target,
      severity,
      data: { media: use.label, backup: anchor?.where ?? 'a backup job' },
    });
  },
});
