// Uploaded media has a home: when the stack mounts or serves a media directory, MEDIA_ROOT and MEDIA_URL are set.
import { defineRule } from '../../core/define-rule.js';
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { Facts } from '../../facts/index.js';
import type { SettingValue } from '../../facts/django.js';
import { absentSetting, dict, judge, mayBeHidden, productionProjects, pyRepr, targetOf, truthy } from './_settings.js';
import { isDevFile, isDjangoService, isProxyService, productionCompose, walkNginx } from './_stack.js';

const MEDIA_PATH = /(^|\/)media(files)?(\/|$)/i;
/** Storage backends that keep files elsewhere (S3, GCS, Azure...): MEDIA_ROOT is not used then. */
const REMOTE_STORAGE = /(storages\.backends|s3|gcloud|google|azure|dropbox|cloudinary|sftp|minio)/i;

interface MediaEvidence {
  label: string;
  at: Located<unknown> | SourceLoc;
}

/** Where the stack expects a media directory: a compose volume mounted at .../media, or an nginx location /media/. */
function mediaEvidence(facts: Pick<Facts, 'compose' | 'dockerfiles' | 'nginx'>): MediaEvidence | null {
  for (const project of productionCompose(facts.compose)) {
    // The Django service's own mount first: that is where uploads are written.
    const services = [...project.services].sort((a, b) => Number(isDjangoService(b, facts.dockerfiles)) - Number(isDjangoService(a, facts.dockerfiles)));
    for (const svc of services) {
      // Only the app and the web server that serves its files count: other services' "media" (a media server,
      // a transcoder) says nothing about Django uploads.
      if (!isDjangoService(svc, facts.dockerfiles) && !isProxyService(svc)) continue;
      const mount = svc.volumes.find((v) => MEDIA_PATH.test(v.target));
      if (mount) return { label: `service ${svc.name.value} mounts ${mount.target} (${svc.file})`, at: mount.raw };
    }
  }
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    const loc = walkNginx(conf.directives).find((d) => d.name === 'location' && d.args.some((a) => MEDIA_PATH.test(a.replace(/^\^/, ''))));
    if (loc) return { label: `nginx serves location ${loc.args.join(' ')} (${conf.path})`, at: loc.loc };
  }
  return null;
}

/** A literal that leaves the setting empty ('' or None); any other assignment counts as set. */
function emptyLiteral(v: SettingValue | undefined): boolean {
  return v?.kind === 'literal' && !truthy(v.value);
}

export default defineRule({
  id: 'django/media-root-missing',
  title: 'Media uploads are mounted or served but MEDIA_ROOT / MEDIA_URL are not set',
  category: 'environment',
  severity: 'high',
  requires: ['django', 'compose', 'nginx'],
  why: "The deployment prepares a media directory (a volume or an nginx location), but Django does not know it: with MEDIA_ROOT unset, FileField and ImageField uploads are written relative to the process's working directory inside the container (lost on the next deploy, never served), and with MEDIA_URL unset file URLs are relative paths that do not reach the nginx location.",
  fix: "Set MEDIA_ROOT to the mounted path (e.g. MEDIA_ROOT = '/app/media') and MEDIA_URL = '/media/' in the production settings, matching the volume target and the proxy's location.",
  references: [
    { title: 'Django settings: MEDIA_ROOT', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#media-root' },
    { title: 'Django: Managing files', url: 'https://docs.djangoproject.com/en/stable/topics/files/' },
    { title: 'Django deployment checklist: MEDIA_ROOT and MEDIA_URL', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#media-root-and-media-url' },
  ],
  verify: 'docker compose exec web python manage.py shell -c "from django.conf import settings; print(settings.MEDIA_ROOT, settings.MEDIA_URL)"   # expect the mounted path and /media/',
  messages: {
    rootMissing: 'MEDIA_ROOT is not set{urlToo} in the production settings, but {evidence}.',
    rootEmpty: 'MEDIA_ROOT is {value} in the production settings, but {evidence}.',
    urlMissing: 'MEDIA_URL is not set in the production settings (default empty), but {evidence}: file URLs will not point at it.',
  },
  check(facts, ctx) {
    const evidence = mediaEvidence(facts);
    if (!evidence) {
      ctx.notApplicable('no media volume or /media/ location in the production compose files or nginx configs');
      return;
    }
    for (const p of productionProjects(facts.django, ctx)) {
      const settings = p.project.settings;
      const storage = judge(p, 'STORAGES', (v) => {
        const backend = dict(dict(v)?.default ?? null)?.BACKEND;
        return typeof backend === 'string' ? backend : null;
      });
      const legacy = judge(p, 'DEFAULT_FILE_STORAGE', (v) => (typeof v === 'string' ? v : null));
      const backends = [storage, legacy].flatMap((j) => (j.state !== 'unknown' && j.result ? [j.result] : []));
      const rootTarget = targetOf(p, 'MEDIA_ROOT');
      if (backends.some((b) => REMOTE_STORAGE.test(b))) {
        ctx.pass(rootTarget);
        continue;
      }
      const root = settings.MEDIA_ROOT?.value;
      const url = settings.MEDIA_URL?.value;
      const hidden = mayBeHidden(p, 'MEDIA_ROOT');
      if (hidden) {
        ctx.unknown(rootTarget, hidden);
        continue;
      }
      if (!root) {
        ctx.fail('rootMissing', {
          at: absentSetting(p, 'MEDIA_ROOT'),
          also: [evidence.at],
          target: rootTarget,
          data: { evidence: evidence.label, urlToo: url && !emptyLiteral(url) ? '' : ' (nor MEDIA_URL)' },
        });
        continue;
      }
      if (emptyLiteral(root)) {
        ctx.fail('rootEmpty', { at: root.loc, also: [evidence.at], target: rootTarget, data: { evidence: evidence.label, value: pyRepr(root.kind === 'literal' ? root.value : null) } });
        continue;
      }
      ctx.pass(rootTarget);
      const urlTarget = targetOf(p, 'MEDIA_URL');
      if (!url || emptyLiteral(url)) {
        ctx.fail('urlMissing', { at: url ? url.loc : absentSetting(p, 'MEDIA_URL'), also: [evidence.at], target: urlTarget, severity: 'medium', data: { evidence: evidence.label } });
      } else {
        ctx.pass(urlTarget);
      }
    }
  },
});
