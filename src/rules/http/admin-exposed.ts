// Reports whether the Django admin login is reachable from where opsaudit runs (information for the reader).
import { defineRule } from '../../core/define-rule.js';
import { fetchProblem, httpProof, lastHop } from './_shared.js';

const ADMIN_PAGE = /Django site admin|Django administration|id="login-form"/i;

export default defineRule({
  id: 'http/admin-exposed',
  title: 'Django admin login is reachable from the internet',
  category: 'security',
  severity: 'info',
  requires: ['endpoints'],
  why: 'An admin login at the well-known /admin/ path receives credential-stuffing and brute-force attempts from every scanner; any weak or reused staff password becomes full access to the data. Reachability is not a flaw by itself, so this is information: decide whether the internet needs it.',
  fix: 'If staff only work from known networks, restrict the admin in nginx (location /admin/ { allow <office/VPN range>; deny all; }) or serve it on an internal host name; otherwise protect it: 2FA for staff (django-otp), rate limiting of logins (django-axes), and a less obvious path.',
  references: [
    { title: 'Django admin: security considerations', url: 'https://docs.djangoproject.com/en/stable/ref/contrib/admin/' },
    { title: 'OWASP Authentication Cheat Sheet: protect against automated attacks', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#protect-against-automated-attacks' },
    { title: 'nginx: ngx_http_access_module (allow/deny)', url: 'https://nginx.org/en/docs/http/ngx_http_access_module.html' },
  ],
  verify: 'curl -s -o /dev/null -w "%{http_code}\\n" -L {adminUrl}   # from outside your network: expect 403 or 404',
  messages: {
    reachable: 'The Django admin login answers at {pageUrl}.',
  },
  check({ endpoints }, ctx) {
    if (!endpoints || endpoints.length === 0) {
      ctx.notApplicable('no URL was probed (pass --url https://your-domain to check the live site)');
      return;
    }
    for (const e of endpoints) {
      const target = `${e.url}#admin`;
      const problem = fetchProblem(e, e.admin, `the admin path ${e.settings.adminPath}`);
      if (problem || !e.admin) {
        ctx.unknown(target, problem ?? 'the admin path was not requested');
        continue;
      }
      const x = lastHop(e.admin);
      if (x.status === 200 && ADMIN_PAGE.test(x.body)) ctx.fail('reachable', { at: httpProof(x, ['content-type']), target, data: { pageUrl: x.url, adminUrl: e.admin.hops[0].url } });
      else ctx.pass(target, `${e.admin.hops[0].url} answers ${x.status}${x.status === 200 ? ' without a Django admin login page' : ''}`);
    }
  },
});
