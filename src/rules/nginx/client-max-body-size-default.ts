// An app that accepts uploads needs client_max_body_size above nginx's 1 MB default.
import { defineRule } from '../../core/define-rule.js';
import { uploadsEvidence } from './_app.js';
import { lastOf, lookup, proxiedLocations, walk } from './_nginx.js';
import { judgedAppServers } from './_scope.js';

const MEDIA_LOCATION = /(^|\/)(media|mediafiles|uploads?)(\/|$)/i;

export default defineRule({
  id: 'nginx/client-max-body-size-default',
  title: "Uploads are capped by nginx's 1 MB default body size",
  category: 'webserver',
  severity: 'medium',
  requires: ['nginx', 'django', 'compose', 'dockerfiles'],
  why: "nginx rejects any request body larger than client_max_body_size (default 1m) with 413 Request Entity Too Large before Django sees it: photo, PDF and spreadsheet uploads of a few megabytes fail in production although they work in development, and the error page is nginx's, not the app's.",
  fix: 'Set client_max_body_size to the largest upload the app accepts (e.g. `client_max_body_size 20m;` in the server block, or only in the upload locations), and keep Django\'s DATA_UPLOAD_MAX_MEMORY_SIZE / FILE_UPLOAD_MAX_MEMORY_SIZE consistent with it.',
  references: [
    { title: 'nginx: client_max_body_size', url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_max_body_size' },
    { title: 'Django: File uploads', url: 'https://docs.djangoproject.com/en/stable/topics/http/file-uploads/' },
    { title: 'Django settings: MEDIA_ROOT', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#media-root' },
  ],
  verify: "head -c 5000000 /dev/urandom > /tmp/5mb.bin && curl -s -o /dev/null -w '%{http_code}\\n' -F file=@/tmp/5mb.bin https://<your-domain>/   # expect anything but 413",
  messages: {
    unset: "client_max_body_size is not set for {server}, so nginx's 1m default rejects larger uploads with 413, while the app accepts uploads ({evidence}).",
  },
  check(facts, ctx) {
    const judged = judgedAppServers(facts, ctx);
    if (!judged) return;
    const { scope, servers } = judged;
    let uploads = uploadsEvidence(facts);
    if (uploads.state !== 'yes') {
      // The nginx config itself serving /media/ says the app stores uploads.
      const media = scope.configs.flatMap((c) => walk(c.directives)).find((d) => d.name === 'location' && d.args.some((a) => MEDIA_LOCATION.test(a)));
      if (media) uploads = { state: 'yes', how: `nginx serves location ${media.args.join(' ')}`, at: media.loc };
    }
    if (uploads.state === 'no') {
      ctx.notApplicable(`the app does not seem to accept uploads (${uploads.how}; no media volume or /media/ location)`);
      return;
    }
    for (const server of servers) {
      const unset = proxiedLocations(server.config, server).map((p) => lookup(server.config, p.level, 'client_max_body_size')).filter((l) => !lastOf(l));
      if (unset.length === 0) {
        const l = lookup(server.config, proxiedLocations(server.config, server)[0].level, 'client_max_body_size');
        ctx.pass(server.target, `client_max_body_size ${lastOf(l)?.args[0] ?? ''}`);
      } else if (unset.some((l) => l.opaque.length > 0)) {
        ctx.unknown(server.target, 'client_max_body_size is not set in the repository, but an include outside the repository may set it');
      } else if (uploads.state === 'unknown') {
        ctx.unknown(server.target, `client_max_body_size is left at 1m; whether the app accepts uploads could not be told: ${uploads.reason}`);
      } else {
        ctx.fail('unset', { at: server.anchor, also: uploads.at ? [uploads.at] : [], target: server.target, data: { server: server.label, evidence: uploads.how } });
      }
    }
  },
});
