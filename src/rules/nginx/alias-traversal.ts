// A prefix location without a trailing slash aliased to a directory with one lets `/static../` escape the directory.
import { defineRule } from '../../core/define-rule.js';
import { fragmentLevel, locationLabel, locationsOf } from './_nginx.js';
import { nginxScope, noNginxReason } from './_scope.js';

export default defineRule({
  id: 'nginx/alias-traversal',
  title: 'nginx alias allows path traversal out of the static/media directory',
  category: 'security',
  severity: 'high',
  requires: ['nginx'],
  why: 'With `location /static { alias /app/static/; }` nginx replaces "/static" by "/app/static/", so a request for "/static../settings.py" becomes "/app/static/../settings.py": anyone can download files next to the aliased directory — source code, settings with secrets, the SQLite database, .env files.',
  fix: 'End the location with a slash whenever the alias does (`location /static/ { alias /app/static/; }`), or use `root` instead of `alias` when the path in the URL matches the directory name.',
  references: [
    { title: 'nginx: alias directive', url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#alias' },
    { title: 'Gixy: path traversal via misconfigured alias', url: 'https://github.com/yandex/gixy/blob/master/docs/en/plugins/aliastraversal.md' },
    { title: 'OWASP: Path Traversal', url: 'https://owasp.org/www-community/attacks/Path_Traversal' },
  ],
  verify: "curl -s -o /dev/null -w '%{http_code}\\n' https://<your-domain>{location}../   # expect 404, not 200 or 403",
  messages: {
    traversal: '`{location}` has no trailing slash but its alias `{alias}` has one: `{location}../` reaches the parent directory of {alias}.',
  },
  check(facts, ctx) {
    const scope = nginxScope(facts);
    if (scope.configs.length === 0) {
      ctx.notApplicable(noNginxReason(facts));
      return;
    }
    const seen = new Set<string>();
    let aliases = 0;
    for (const config of scope.configs) {
      const top = config.context === 'server' ? fragmentLevel(config) : null;
      const levels = top ? [top] : scope.servers.filter((s) => s.config === config).map((s) => s.level);
      for (const level of levels) {
        for (const loc of locationsOf(config, level)) {
          const alias = loc.level.list.find((d) => d.name === 'alias');
          if (!alias) continue;
          const key = `${alias.loc.file}:${alias.loc.line}:${alias.loc.col}`;
          if (seen.has(key)) continue;
          seen.add(key);
          aliases++;
          const target = `${alias.loc.file}#${locationLabel(loc)}`;
          // Regex locations substitute captures into the alias and exact matches serve one file: neither can be escaped.
          const prefix = loc.modifier === null || loc.modifier === '^~';
          const path = alias.args[0] ?? '';
          if (prefix && !loc.path.endsWith('/') && path.endsWith('/')) {
            ctx.fail('traversal', { at: alias.loc, target, data: { location: loc.path, alias: path } });
          } else {
            ctx.pass(target, prefix ? 'the location and the alias agree on the trailing slash' : `${locationLabel(loc)} is not a prefix location`);
          }
        }
      }
    }
    if (aliases === 0) ctx.notApplicable('no location uses alias in the nginx configs');
  },
});
