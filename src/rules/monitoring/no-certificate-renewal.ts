// TLS certificates are files and nothing renews them (seed 001: "no certbot container, no renewal cron job").
import { defineRule } from '../../core/define-rule.js';
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { Facts } from '../../facts/index.js';
import type { ComposeService } from '../../facts/compose.js';
import { isDevFile, isDjangoService, isProxyService, walkNginx } from '../django/_stack.js';
import { docLine } from '../dr/_docs.js';

/** A certificate the proxy reads from a file. */
interface CertFile {
  path: string;
  at: Located<unknown> | SourceLoc;
  acme: boolean;
  /** nginx runs in a compose service (its config or the certificates are mounted into one). */
  container: boolean;
}

const ACME_PATH = /(letsencrypt|certbot|acme|\.lego|dehydrated)/i;
const CERT_MOUNT = /(^|\/)(letsencrypt|certbot|acme|certs?|ssl|tls)(\/|$)/i;
/** Images that obtain and renew certificates by themselves. */
const RENEWING_IMAGE =
  /(acme-companion|letsencrypt-nginx-proxy-companion|docker-letsencrypt|linuxserver\/(swag|letsencrypt)|(^|\/)swag(:|$)|nginx-certbot|nginx-proxy-manager|https-portal|auto-ssl|(^|\/)caddy(:|$)|caddy-docker-proxy)/i;

function certFiles(facts: Facts): CertFile[] {
  const out: CertFile[] = [];
  const proxies = facts.compose
    .filter((p) => p.purpose.kind !== 'development' && p.purpose.kind !== 'test' && !isDevFile(p.file))
    .flatMap((p) => p.services.filter((s) => isProxyService(s) && !isDjangoService(s, facts.dockerfiles)));
  const mounted = (path: string) => proxies.some((s) => s.volumes.some((v) => v.sourcePath !== null && (path === v.sourcePath || path.startsWith(`${v.sourcePath}/`) || v.sourcePath === '')));
  for (const conf of facts.nginx) {
    if (isDevFile(conf.path)) continue;
    for (const d of walkNginx(conf.directives)) {
      if (d.name !== 'ssl_certificate') continue;
      const path = d.args[0] ?? '';
      if (path === '' || path.includes('$') || /snakeoil|self-?signed|selfsigned|localhost/i.test(path)) continue;
      out.push({ path, at: d.loc, acme: ACME_PATH.test(path), container: conf.files.some(mounted) });
    }
  }
  for (const s of proxies) {
    for (const v of s.volumes) {
      if (!CERT_MOUNT.test(v.target) && !(v.source && CERT_MOUNT.test(v.source))) continue;
      out.push({ path: v.target, at: v.raw, acme: ACME_PATH.test(`${v.source ?? ''} ${v.target}`), container: true });
    }
  }
  return out;
}

function renewsItself(s: ComposeService, facts: Facts): string | null {
  const image = s.image?.value ?? '';
  const cmd = `${s.entrypoint?.value ?? ''} ${s.command?.value ?? ''}`;
  if (RENEWING_IMAGE.test(image)) return `compose service "${s.name.value}" (${image})`;
  if (/certbot/i.test(`${image} ${s.name.value}`) && /\brenew\b/.test(cmd)) return `compose service "${s.name.value}" runs certbot renew`;
  if (/traefik/i.test(image)) {
    const labels = JSON.stringify(s.keys.labels?.value ?? '');
    const configs = facts.texts.filter((t) => /traefik/i.test(t.path)).flatMap((t) => t.lines.map((l) => l.value)).join('\n');
    if (/acme|certresolver|certificatesresolvers/i.test(`${cmd} ${labels} ${configs}`)) return `Traefik ACME in compose service "${s.name.value}"`;
  }
  return null;
}

const RENEW_COMMAND = /\b(certbot(-auto)?\s+[^\n]*\brenew\b|acme\.sh\s+[^\n]*--(cron|renew|install-cronjob)|lego\s+[^\n]*\brenew\b|dehydrated\s+[^\n]*(-c|--cron)\b|getssl\b)/;
const CERTBOT_PACKAGE = /\b(apt(-get)?|yum|dnf|zypper|apk|snap|pip3?|pipx)\s+[^\n]*install\b[^\n]*\b(certbot|python3-certbot[\w-]*)\b/;

/** Something that renews certificates: inside the stack (a container) or on the host (cron, timer, package). */
interface Renewer {
  what: string;
  where: 'stack' | 'host';
}

const RELOAD_HOOK = /(nginx\s+-s\s+reload|--deploy-hook|--post-hook|renewal-hooks|(restart|reload|kill\s+-s\s+HUP)\s+\S*nginx|nginx\S*\s+(restart|reload))/;

/** What renews certificates: an ACME container, a renew command in cron/timers/scripts, or certbot from a package. */
function renewer(facts: Facts): Renewer | null {
  for (const p of facts.compose) for (const s of p.services) {
    const r = renewsItself(s, facts);
    if (r) return { what: r, where: 'stack' };
  }
  for (const e of facts.cron) if (RENEW_COMMAND.test(e.command.value)) return { what: `crontab ${e.path}`, where: 'host' };
  for (const u of facts.systemd) {
    if (/(certbot|letsencrypt|acme|cert-?renew)/i.test(u.name) && (u.type === 'timer' || u.commands.some((c) => RENEW_COMMAND.test(c.text)))) return { what: `systemd unit ${u.path}`, where: 'host' };
  }
  for (const s of facts.shell) {
    for (const c of s.commands) {
      const text = `${c.effectiveName} ${c.effectiveArgs.join(' ')}`;
      if (RENEW_COMMAND.test(text) && /(cron|timer|schedul)/i.test(`${s.path} ${c.text}`)) return { what: `${s.path}:${c.loc.line}`, where: 'host' };
      if (CERTBOT_PACKAGE.test(text)) return { what: `certbot installed from a package in ${s.path} (the package installs a renewal timer)`, where: 'host' };
    }
    for (const h of s.heredocs) if (RENEW_COMMAND.test(h.body.value)) return { what: `${s.path}:${h.body.loc.line}`, where: 'host' };
  }
  for (const w of facts.ci) {
    if (w.schedules.length === 0) continue;
    if (w.jobs.some((j) => j.steps.some((st) => RENEW_COMMAND.test(`${st.run?.value ?? ''}\n${Object.values(st.with ?? {}).map((v) => v.value).join('\n')}`)))) return { what: `scheduled workflow ${w.path}`, where: 'host' };
  }
  const doc = docLine(facts, CERTBOT_PACKAGE);
  if (doc) return { what: `certbot installed from a package per ${doc.file.path}:${doc.line.loc.line} (the package installs a renewal timer)`, where: 'host' };
  return null;
}

/** A reload of nginx after renewal, anywhere (deploy hooks, cron lines, scripts, docs). */
function reloadHook(facts: Facts): boolean {
  const texts = [
    ...facts.cron.map((e) => e.command.value),
    ...facts.shell.flatMap((s) => [...s.commands.map((c) => c.text), ...s.heredocs.map((h) => h.body.value)]),
    ...facts.texts.flatMap((t) => t.lines.map((l) => l.value)),
  ];
  return texts.some((t) => RELOAD_HOOK.test(t));
}

export default defineRule({
  id: 'monitoring/no-certificate-renewal',
  title: 'TLS certificates are not renewed automatically',
  category: 'webserver',
  severity: 'high',
  requires: ['nginx', 'compose', 'cron', 'systemd', 'shell', 'ci', 'texts'],
  why: "Let's Encrypt certificates expire after 90 days. Without automated renewal (and a reload of the web server afterwards) the site starts failing TLS one day: browsers show a hard error that HSTS does not let users click through, and API clients stop working.",
  fix: "Automate renewal where the certificate files live: a certbot service in compose running `certbot renew` every 12 hours plus an nginx reload, certbot's systemd timer on the host with a `--deploy-hook 'systemctl reload nginx'`, or a proxy that manages ACME itself (acme-companion, Traefik, Caddy). Monitor expiry (alert under 14 days) either way.",
  references: [
    { title: 'Certbot docs: Setting up automated renewal', url: 'https://eff-certbot.readthedocs.io/en/stable/using.html#automated-renewals' },
    { title: "Let's Encrypt: Integration guide (renewal)", url: 'https://letsencrypt.org/docs/integration-guide/' },
    { title: 'nginx: ssl_certificate', url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_certificate' },
  ],
  verify: 'echo | openssl s_client -connect <domain>:443 -servername <domain> 2>/dev/null | openssl x509 -noout -enddate; certbot renew --dry-run',
  messages: {
    noRenewal: "The proxy reads its certificate from {path} (Let's Encrypt), and nothing in the repository renews it: no certbot renew in cron, a systemd timer or a compose service, and no ACME-managing proxy.",
  },
  check(facts, ctx) {
    const certs = certFiles(facts);
    if (certs.length === 0) return ctx.notApplicable('no certificate files: TLS is terminated by an ACME-managing proxy, elsewhere, or not at all');
    const target = 'certificate renewal';
    const r = renewer(facts);
    const inContainer = certs.find((c) => c.acme && c.container);
    if (r && (r.where === 'stack' || !inContainer)) return ctx.pass(target, r.what);
    if (r && inContainer) {
      if (reloadHook(facts)) return ctx.pass(target, `${r.what}, with an nginx reload hook`);
      return ctx.unknown(target, `certificates are renewed on the host (${r.what}); whether the nginx container reloads them afterwards (a --deploy-hook) is not visible`);
    }
    if (inContainer) return ctx.fail('noRenewal', { at: inContainer.at, target, data: { path: inContainer.path } });
    const acme = certs.find((c) => c.acme);
    if (acme) {
      return ctx.unknown(target, `nginx on the host reads ${acme.path}; certbot installed from a distribution package or snap renews it with its own timer, but how certbot was installed is not visible in the repository`);
    }
    ctx.unknown(target, `certificates at ${certs[0].path} are provided by hand (purchased, origin or internal certificates?); their renewal and expiry are not visible in the repository`);
  },
});
