// `autoindex on` lists directory contents: every uploaded or collected file becomes discoverable.
import { defineRule } from '../../core/define-rule.js';
import { walk } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';

/** Locations that serve Django's collected static files or user uploads. */
const FILES_PATH = /(^|\/)(static|staticfiles|media|mediafiles|uploads?|files|protected)(\/|$)/i;

export default defineRule({
  id: 'nginx/autoindex-on',
  title: 'nginx lists directory contents (autoindex on)',
  category: 'security',
  severity: 'medium',
  requires: ['nginx'],
  why: 'With autoindex on, a request for a directory returns a listing of every file in it: user uploads (invoices, ID scans, private attachments whose URLs were meant to be unguessable), source maps, backups or dumps left in the static tree become discoverable by anyone.',
  fix: 'Remove `autoindex on;` (the default is off). If a listing is really needed, put it behind authentication (auth_basic or auth_request) in its own location.',
  references: [
    { title: 'nginx: ngx_http_autoindex_module', url: 'https://nginx.org/en/docs/http/ngx_http_autoindex_module.html' },
    { title: 'CWE-548: Exposure of Information Through Directory Listing', url: 'https://cwe.mitre.org/data/definitions/548.html' },
  ],
  verify: "curl -s https://<your-domain>{path} | grep -i 'Index of'   # expect no output",
  messages: {
    files: '`autoindex on` in {where}: anyone can list the files served there.',
    other: '`autoindex on` in {where}: the directory contents are listed to anyone.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    const seen = new Set<string>();
    for (const config of scope.configs) {
      let found = false;
      // Walk with the enclosing blocks so the message can say where the listing applies.
      const visit = (list: typeof config.directives, chain: string[]) => {
        for (const d of list) {
          if (d.name === 'autoindex' && d.args[0] === 'on') {
            found = true;
            const key = `${d.loc.file}:${d.loc.line}:${d.loc.col}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const where = chain.length > 0 ? chain[chain.length - 1] : `the top level of ${d.loc.file}`;
            const location = [...chain].reverse().find((c) => c.startsWith('location'));
            const path = location ? location.split(' ').pop() ?? '/' : '/';
            // Server- or http-wide, or in a static/media location: the files Django serves are listed.
            const onFiles = !location || FILES_PATH.test(path);
            ctx.fail(onFiles ? 'files' : 'other', { at: d.loc, target: `${d.loc.file}#autoindex`, severity: onFiles ? 'medium' : 'low', data: { where, path } });
          }
          if (d.block) visit(d.block, [...chain, d.name === 'location' ? `location ${d.args.join(' ')}` : `${d.name}${d.args.length ? ` ${d.args.join(' ')}` : ''} block`]);
        }
      };
      visit(config.directives, []);
      if (!found && walk(config.directives).length > 0) ctx.pass(config.path, 'no autoindex on (nginx defaults to off)');
    }
  },
});
