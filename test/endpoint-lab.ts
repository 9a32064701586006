// A real nginx on 127.0.0.1 for the endpoint probes: certificates made by openssl in a temp dir (own CA, expiring,
// expired, wrong host, self-signed, weak legacy), an http:// companion per site, and a Django-like upstream app that
// can render Django's technical 404/500 debug pages. Network traffic stays on the loopback interface.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, connect, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SiteName = 'good' | 'debug' | 'partial' | 'expiring' | 'expiring20' | 'expired' | 'wronghost' | 'selfsigned' | 'legacy' | 'slow' | 'offhost';
type Profile = 'good' | 'debug' | 'partial' | 'slow' | 'legacy';

interface SiteSpec {
  /** What the certificate is like. */
  cert: { key: 'ec' | 'rsa2048' | 'rsa1024'; md: 'sha256' | 'sha1'; fromDays: number; toDays: number; san: string; selfSigned?: boolean };
  protocols: string;
  /** Lets nginx negotiate TLS 1.0/1.1 and load weak keys (Debian's OpenSSL refuses them at its default SECLEVEL). */
  legacyCiphers?: boolean;
  profile: Profile;
  /** What the http:// companion does: redirect to this site over https, serve the app, or redirect to another host. */
  http: 'redirect' | 'serve' | 'other-host';
  serverTokens: boolean;
  /** Content-Security-Policy added by nginx, if any. */
  csp: string | null;
  /** nginx answers / with a redirect to another host. */
  offHost?: boolean;
}

const LOOPBACK_SAN = 'IP:127.0.0.1,DNS:localhost';
const GOOD_CSP = "default-src 'self'; frame-ancestors 'none'";

export const SITES: Record<SiteName, SiteSpec> = {
  good: { cert: { key: 'rsa2048', md: 'sha256', fromDays: -1, toDays: 200, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'good', http: 'redirect', serverTokens: false, csp: GOOD_CSP },
  debug: { cert: { key: 'ec', md: 'sha256', fromDays: -1, toDays: 200, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'debug', http: 'serve', serverTokens: true, csp: null },
  expiring: { cert: { key: 'ec', md: 'sha256', fromDays: -85, toDays: 5, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'good', http: 'redirect', serverTokens: false, csp: GOOD_CSP },
  expiring20: { cert: { key: 'ec', md: 'sha256', fromDays: -70, toDays: 20, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'good', http: 'redirect', serverTokens: false, csp: GOOD_CSP },
  /** Headers where opsaudit and the MDN Observatory disagree on purpose: 6-month HSTS, no Referrer-Policy, CSP with 'unsafe-inline'. */
  partial: { cert: { key: 'ec', md: 'sha256', fromDays: -1, toDays: 200, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'partial', http: 'redirect', serverTokens: false, csp: "default-src 'self'; script-src 'self' 'unsafe-inline'" },
  expired: { cert: { key: 'ec', md: 'sha256', fromDays: -93, toDays: -3, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'good', http: 'redirect', serverTokens: false, csp: GOOD_CSP },
  wronghost: { cert: { key: 'ec', md: 'sha256', fromDays: -1, toDays: 200, san: 'DNS:other.example' }, protocols: 'TLSv1.2 TLSv1.3', profile: 'good', http: 'redirect', serverTokens: false, csp: GOOD_CSP },
  selfsigned: { cert: { key: 'ec', md: 'sha256', fromDays: -1, toDays: 200, san: LOOPBACK_SAN, selfSigned: true }, protocols: 'TLSv1.2 TLSv1.3', profile: 'good', http: 'redirect', serverTokens: false, csp: GOOD_CSP },
  legacy: { cert: { key: 'rsa1024', md: 'sha1', fromDays: -1, toDays: 200, san: LOOPBACK_SAN }, protocols: 'TLSv1 TLSv1.1 TLSv1.2', legacyCiphers: true, profile: 'legacy', http: 'other-host', serverTokens: false, csp: null },
  slow: { cert: { key: 'ec', md: 'sha256', fromDays: -1, toDays: 200, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'slow', http: 'redirect', serverTokens: false, csp: GOOD_CSP },
  offhost: { cert: { key: 'ec', md: 'sha256', fromDays: -1, toDays: 200, san: LOOPBACK_SAN }, protocols: 'TLSv1.2 TLSv1.3', profile: 'good', http: 'redirect', serverTokens: false, csp: GOOD_CSP, offHost: true },
};

/** The slow profile's delay; tests use thresholds below it. */
export const SLOW_MS = 400;

export interface Lab {
  dir: string;
  /** The lab CA certificate (PEM): pass it as the probe's `ca` so chain validation succeeds. */
  ca: string;
  caPath: string;
  url(site: SiteName, path?: string): string;
  httpsPort(site: SiteName): number;
  httpPort(site: SiteName): number;
  /** A loopback port where nothing listens. */
  refusedUrl: string;
  /** A loopback port that accepts TCP and never answers. */
  silentUrl: string;
  /** A name that never resolves (RFC 6761 .invalid). */
  dnsUrl: string;
  stop(): Promise<void>;
}

/** Below Linux's ephemeral range (32768-60999), so no outgoing connection takes the port between check and bind. */
const PORT_MIN = 20_000;
const PORT_MAX = 32_000;
const taken = new Set<number>();

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = PORT_MIN + Math.floor(Math.random() * (PORT_MAX - PORT_MIN));
    if (taken.has(port)) continue;
    taken.add(port);
    if (await canListen(port)) return port;
  }
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** YYYYMMDDHHMMSSZ, as openssl ca -startdate/-enddate take it. */
function asn1Time(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

const CA_CONFIG = `[ca]
default_ca = lab
[lab]
database = index.txt
new_certs_dir = issued
serial = serial
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
`;

function keyArgs(key: SiteSpec['cert']['key']): string[] {
  if (key === 'ec') return ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  return ['-newkey', key === 'rsa1024' ? 'rsa:1024' : 'rsa:2048'];
}

function makeCa(dir: string): void {
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  mkdirSync(join(dir, 'issued'));
  openssl(dir, ['req', '-x509', ...keyArgs('ec'), '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=opsaudit lab CA', '-days', '30',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

function makeCert(dir: string, name: string, spec: SiteSpec['cert']): void {
  const key = `${name}.key`;
  const pem = `${name}.pem`;
  const subject = spec.san.includes('other.example') ? '/CN=other.example' : '/CN=127.0.0.1';
  if (spec.selfSigned) {
    openssl(dir, ['req', '-x509', ...keyArgs(spec.key), '-nodes', '-keyout', key, '-out', pem, '-subj', subject, '-days', String(spec.toDays), `-${spec.md}`,
      '-addext', `subjectAltName=${spec.san}`]);
    return;
  }
  writeFileSync(join(dir, `${name}.ext`), `[leaf]\nbasicConstraints = CA:FALSE\nkeyUsage = digitalSignature, keyEncipherment\nextendedKeyUsage = serverAuth\nsubjectAltName = ${spec.san}\n`);
  openssl(dir, ['req', '-new', ...keyArgs(spec.key), '-nodes', '-keyout', key, '-out', `${name}.csr`, '-subj', subject]);
  openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', pem, '-notext',
    '-md', spec.md, '-extfile', `${name}.ext`, '-extensions', 'leaf', '-startdate', asn1Time(spec.fromDays), '-enddate', asn1Time(spec.toDays)]);
}

// --- the upstream app: what Django would answer behind nginx ---------------------------------------------------------

const GOOD_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
const PARTIAL_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=15768000',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};
const LEGACY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=300',
  'X-Frame-Options': 'ALLOW-FROM https://partner.example',
  'Referrer-Policy': 'unsafe-url',
  'X-Powered-By': 'PHP/7.4.3',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Django 4.2's technical_404.html, abridged (the parts the detector and a reader look at are verbatim). */
export function technical404(path: string, fullUrl: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <title>Page not found at ${esc(path)}</title>
  <meta name="robots" content="NONE,NOARCHIVE">
</head>
<body>
  <div id="summary">
    <h1>Page not found <span>(404)</span></h1>
    <table class="meta">
      <tr>
        <th>Request Method:</th>
        <td>GET</td>
      </tr>
      <tr>
        <th>Request URL:</th>
        <td>${esc(fullUrl)}</td>
      </tr>
    </table>
  </div>
  <div id="info">
      <p>
      Using the URLconf defined in <code>config.urls</code>,
      Django tried these URL patterns, in this order:
      </p>
      <ol>
          <li>
                admin/
          </li>
          <li>
                health/
          </li>
          <li>
                boom/
          </li>
      </ol>
      <p>
          The current path, <code>${esc(path.replace(/^\//, ''))}</code>,
          didn’t match any of these.
      </p>
  </div>
  <div id="explanation">
    <p>
      You’re seeing this error because you have <code>DEBUG = True</code> in
      your Django settings file. Change that to <code>False</code>, and Django
      will display a standard 404 page.
    </p>
  </div>
</body>
</html>
`;
}

/** Django 4.2's technical_500.html, abridged; SECRET_KEY shows masked as Django masks it. */
export function technical500(path: string, fullUrl: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>ZeroDivisionError
          at ${esc(path)}</title>
</head>
<body>
<div id="summary">
  <h1>ZeroDivisionError
       at ${esc(path)}</h1>
  <pre class="exception_value">division by zero</pre>
  <table class="meta">
    <tr>
      <th>Request Method:</th>
      <td>GET</td>
    </tr>
    <tr>
      <th>Request URL:</th>
      <td>${esc(fullUrl)}</td>
    </tr>
    <tr>
      <th>Django Version:</th>
      <td>4.2.7</td>
    </tr>
    <tr>
      <th>Exception Type:</th>
      <td>ZeroDivisionError</td>
    </tr>
    <tr>
      <th>Exception Value:</th>
      <td><pre>division by zero</pre></td>
    </tr>
  </table>
</div>
<div id="traceback">
  <h2>Traceback <span class="commands"><a href="#" onclick="return switchPastebinFriendly(this);">Switch to copy-and-paste view</a></span></h2>
  <div id="browserTraceback">
    <ul class="traceback">
        <li class="frame user">
          <code class="fname">/app/shop/views.py</code>, line 12, in boom
        </li>
    </ul>
  </div>
</div>
<div id="requestinfo">
  <h3 id="settings-info">Settings</h3>
  <h4>Using settings module <code>config.settings.production</code></h4>
  <table class="req">
    <tbody>
        <tr>
          <td>SECRET_KEY</td>
          <td class="code"><pre>&#x27;********************&#x27;</pre></td>
        </tr>
    </tbody>
  </table>
</div>
<div id="explanation">
  <p>
    You’re seeing this error because you have <code>DEBUG = True</code> in your
    Django settings file. Change that to <code>False</code>, and Django will
    display a standard page generated by the handler for this status code.
  </p>
</div>
</body>
</html>
`;
}

const HOME = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1></body></html>\n';
const LOGIN = '<!DOCTYPE html>\n<html lang="en-us"><head><title>Log in | Django site admin</title></head><body><h1 id="site-name"><a href="/admin/">Django administration</a></h1></body></html>\n';
const NOT_FOUND = '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n';

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]>, delayMs = 0): void {
  setTimeout(() => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  }, delayMs);
}

function upstream(req: IncomingMessage, res: ServerResponse): void {
  const profile = (req.headers['x-lab-profile'] as Profile | undefined) ?? 'good';
  const url = new URL(req.url ?? '/', `${req.headers['x-forwarded-proto'] ?? 'http'}://${req.headers.host ?? '127.0.0.1'}`);
  const path = url.pathname;
  const secureFlag = profile === 'debug' ? '' : '; Secure';
  const base = profile === 'good' || profile === 'slow' ? GOOD_HEADERS : profile === 'legacy' ? LEGACY_HEADERS : profile === 'partial' ? PARTIAL_HEADERS : {};
  const json = { ...base, 'Content-Type': 'application/json' };
  const delay = profile === 'slow' ? SLOW_MS : 0;
  const cookies =
    profile === 'debug'
      ? ['csrftoken=Zm9vYmFyYmF6cXV4Y3NyZnRva2VuMDAwMDAwMDA; expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=31449600; Path=/', 'sessionid=k3y5e55i0nv4lu3d3bugm0d3; Path=/']
      : [
          `csrftoken=Zm9vYmFyYmF6cXV4Y3NyZnRva2VuMDAwMDAwMDA; expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax${secureFlag}`,
          `sessionid=k3y5e55i0nv4lu3d3bugm0d3; HttpOnly; Path=/; SameSite=Lax${secureFlag}`,
        ];
  if (path === '/') return send(res, 200, HOME, { ...base, 'Set-Cookie': cookies }, delay);
  if (path === '/health/') {
    if (profile === 'debug') return send(res, 503, JSON.stringify({ status: 'error', database: 'down' }), json);
    if (profile === 'legacy') return send(res, 200, JSON.stringify({ status: 'degraded', checks: { database: { status: 'down', error: 'connection refused' }, cache: { status: 'ok' } } }), json);
    return send(res, 200, JSON.stringify({ status: 'ok', database: 'ok' }), json, delay);
  }
  if (path === '/admin/') return send(res, 302, '', { ...base, Location: '/admin/login/?next=/admin/' });
  if (path === '/admin/login/') return send(res, 200, LOGIN, { ...base, 'Set-Cookie': cookies.slice(0, 1) });
  if (profile === 'debug' && path === '/boom/') return send(res, 500, technical500(path, url.href), base);
  if (profile === 'debug') return send(res, 404, technical404(path, url.href), base);
  return send(res, 404, NOT_FOUND, base);
}

// --- nginx ------------------------------------------------------------------------------------------------------------

function serverBlocks(dir: string, name: SiteName, spec: SiteSpec, https: number, http: number, up: number): string {
  const proxy = `proxy_pass http://127.0.0.1:${up}; proxy_set_header Host $http_host; proxy_set_header X-Lab-Profile ${spec.profile}; proxy_set_header X-Forwarded-Proto $scheme;`;
  const root = spec.offHost ? 'return 301 https://www.example.invalid$request_uri;' : proxy;
  const plain =
    spec.http === 'serve' ? proxy : spec.http === 'redirect' ? `return 301 https://$host:${https}$request_uri;` : 'return 301 https://www.example.invalid$request_uri;';
  return `
  # ${name}
  server {
    listen 127.0.0.1:${https} ssl;
    ssl_certificate ${join(dir, `${name}.pem`)};
    ssl_certificate_key ${join(dir, `${name}.key`)};
    ssl_protocols ${spec.protocols};
    ${spec.legacyCiphers ? 'ssl_ciphers DEFAULT:@SECLEVEL=0;' : ''}
    server_tokens ${spec.serverTokens ? 'on' : 'off'};
    ${spec.csp ? `add_header Content-Security-Policy "${spec.csp}" always;` : ''}
    location / { ${root} }
  }
  server {
    listen 127.0.0.1:${http};
    server_tokens ${spec.serverTokens ? 'on' : 'off'};
    location / { ${plain} }
  }
`;
}

function waitForPort(port: number, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s: Socket = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`nginx did not listen on 127.0.0.1:${port}`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

/**
 * Starts nginx with the named sites (only their certificates are made). Another process may take a port between the
 * check and nginx's bind; such a start is retried on new ports.
 */
export async function startLab(names: readonly SiteName[]): Promise<Lab> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startLabOnce(names);
    } catch (err) {
      if (attempt >= 3 || !/Address already in use|did not listen/.test((err as Error).message)) throw err;
    }
  }
}

async function startLabOnce(names: readonly SiteName[]): Promise<Lab> {
  const sites = [...new Set(names)];
  const dir = mkdtempSync(join(tmpdir(), 'opsaudit-lab-'));
  // nginx workers run as nobody when the tests run as root: they must reach the temp paths.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'tmp'), { mode: 0o777 });
  chmodSync(join(dir, 'tmp'), 0o777);
  makeCa(dir);
  for (const s of sites) makeCert(dir, s, SITES[s].cert);

  const app: Server = createHttpServer(upstream);
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  const upPort = (app.address() as { port: number }).port;
  const held = new Set<Socket>();
  const silent: NetServer = createNetServer((sock) => {
    // Accepts and never answers: the probe's own time limit must end the wait.
    held.add(sock);
    sock.on('error', () => {});
    sock.on('close', () => held.delete(sock));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const silentPort = (silent.address() as { port: number }).port;

  const ports = new Map<SiteName, { https: number; http: number }>();
  for (const s of sites) ports.set(s, { https: await freePort(), http: await freePort() });
  const refusedPort = await freePort();

  const tmp = join(dir, 'tmp');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const conf = `${isRoot ? 'user nobody nogroup;' : ''}
worker_processes 1;
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  default_type text/html;
${sites.map((s) => serverBlocks(dir, s, SITES[s], ports.get(s)!.https, ports.get(s)!.http, upPort)).join('')}
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const nginx: ChildProcess = spawn('nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  nginx.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => nginx.once('exit', (code) => r(code)));
  const deadline = Date.now() + 10_000;
  try {
    await Promise.race([
      Promise.all([...ports.values()].flatMap((p) => [waitForPort(p.https, deadline), waitForPort(p.http, deadline)])),
      exited.then((code) => {
        let log = '';
        try {
          log = readFileSync(join(dir, 'error.log'), 'utf8');
        } catch {
          // no log written
        }
        throw new Error(`nginx exited (${code}) before listening:\n${stderr}\n${log}`);
      }),
    ]);
  } catch (err) {
    nginx.kill('SIGKILL');
    app.close();
    silent.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
  const port = (s: SiteName) => {
    const p = ports.get(s);
    if (!p) throw new Error(`site ${s} was not started in this lab (startLab([... '${s}']))`);
    return p;
  };
  return {
    dir,
    ca,
    caPath: join(dir, 'ca.pem'),
    url: (s, path = '/') => `https://127.0.0.1:${port(s).https}${path}`,
    httpsPort: (s) => port(s).https,
    httpPort: (s) => port(s).http,
    refusedUrl: `https://127.0.0.1:${refusedPort}/`,
    silentUrl: `https://127.0.0.1:${silentPort}/`,
    dnsUrl: 'https://app.opsaudit.invalid/',
    async stop() {
      if (nginx.exitCode === null) {
        nginx.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (nginx.exitCode === null) nginx.kill('SIGKILL');
      }
      await new Promise((r) => app.close(r));
      app.closeAllConnections();
      for (const sock of held) sock.destroy();
      silent.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when nginx and openssl are installed (the lab tests skip with a clear message otherwise). */
export function labAvailable(): string | null {
  for (const bin of ['nginx', 'openssl']) {
    try {
      execFileSync(bin, ['-v'], { stdio: 'ignore' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return `${bin} is not installed (apt-get install nginx-light openssl)`;
    }
  }
  return null;
}
