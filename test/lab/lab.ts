// The lab: real sshd, nginx, PostgreSQL and Redis processes on 127.0.0.1 high ports, with throwaway keys and
// data in temp directories, so the host audit runs against real things. Nothing listens beyond loopback.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';
/** An unprivileged login created by .ci/run (useradd opsaudit-lab); tests that need it skip without it. */
export const LAB_USER = 'opsaudit-lab';

/** A free TCP port on 127.0.0.1 (bound then released). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolvePort(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Resolves when something accepts TCP connections on 127.0.0.1:port. */
export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((res) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function have(path: string): boolean {
  return existsSync(path);
}

export function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Which real parts are installed (the tests skip, saying why, when one is missing). */
export function missingParts(): string[] {
  const need = [SSHD, '/usr/bin/ssh-keygen', '/usr/sbin/nginx', '/usr/bin/redis-server', '/usr/lib/postgresql'];
  return need.filter((p) => !have(p));
}

function pgBin(name: string): string {
  const dir = '/usr/lib/postgresql';
  const versions = existsSync(dir) ? execFileSync('ls', [dir]).toString().split('\n').filter(Boolean).sort() : [];
  return join(dir, versions[versions.length - 1] ?? '15', 'bin', name);
}

export interface SshdLab {
  port: number;
  dir: string;
  userKey: string;
  hostKeyPub: string;
  knownHosts: string;
  process: ChildProcess;
}

/** Writes a key pair with ssh-keygen (no passphrase). */
export function keygen(path: string, type = 'ed25519'): string {
  execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'opsaudit-lab', '-f', path]);
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

/** Starts sshd on 127.0.0.1:<free port> with a throwaway host key; the user key may log in as root and LAB_USER. */
export async function startSshd(root: string, shared?: { userKey: string; forceCommand?: string; maxSessions?: number }): Promise<SshdLab> {
  const dir = join(root, 'sshd');
  mkdirSync(dir, { recursive: true });
  // sshd reads AuthorizedKeysFile as the logging-in user: the unprivileged lab user must be able to reach it.
  chmodSync(root, 0o755);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKeyPub = keygen(join(dir, 'host_key'));
  const userKey = shared?.userKey ?? join(dir, 'user_key');
  const userPub = shared ? readFileSync(`${shared.userKey}.pub`, 'utf8').trim() : keygen(userKey);
  writeFileSync(join(dir, 'authorized_keys'), `${userPub}\n`, { mode: 0o644 });
  chmodSync(dir, 0o755);
  const port = await freePort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_key')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    `AllowUsers ${userInfo().username} ${LAB_USER}`,
    `MaxSessions ${shared?.maxSessions ?? 20}`,
    'MaxStartups 100',
    'LogLevel ERROR',
    ...(shared?.forceCommand ? [`ForceCommand ${shared.forceCommand}`] : []),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'sshd_config'), config);
  const proc = spawn(SSHD, ['-f', join(dir, 'sshd_config'), '-D', '-e'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  try {
    await waitForPort(port);
  } catch (e) {
    proc.kill();
    throw new Error(`sshd did not start: ${stderr}\n${(e as Error).message}`);
  }
  const knownHosts = join(dir, 'known_hosts');
  const [type, key] = hostKeyPub.split(' ');
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${type} ${key}\n`);
  return { port, dir, userKey, hostKeyPub, knownHosts, process: proc };
}

export interface Services {
  nginxPort: number;
  pgPort: number;
  redisPort: number;
  pgSocketDir: string;
  /** PostgreSQL's own directory (owned by postgres; removed by stopAll when listed). */
  pgDir: string;
  processes: ChildProcess[];
}

/** Runs a command as the postgres user when root (initdb and postgres refuse to run as root). */
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

/** Starts nginx, PostgreSQL and Redis on loopback high ports, their files under `root`. */
export async function startServices(root: string): Promise<Services> {
  const processes: ChildProcess[] = [];
  // nginx
  const ng = join(root, 'nginx');
  mkdirSync(join(ng, 'logs'), { recursive: true });
  const nginxPort = await freePort();
  writeFileSync(
    join(ng, 'nginx.conf'),
    `worker_processes 1;\npid ${ng}/nginx.pid;\nerror_log ${ng}/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log ${ng}/logs/access.log;\n  client_body_temp_path ${ng}/body;\n  proxy_temp_path ${ng}/proxy;\n  fastcgi_temp_path ${ng}/fastcgi;\n  uwsgi_temp_path ${ng}/uwsgi;\n  scgi_temp_path ${ng}/scgi;\n  server { listen 127.0.0.1:${nginxPort}; location / { return 200 "ok\\n"; } }\n}\n`,
  );
  processes.push(spawn('/usr/sbin/nginx', ['-p', `${ng}/`, '-c', join(ng, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' }));
  // Redis
  const redisPort = await freePort();
  const rd = join(root, 'redis');
  mkdirSync(rd, { recursive: true });
  processes.push(spawn('/usr/bin/redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', rd], { stdio: 'ignore' }));
  // PostgreSQL: its own directory owned by the postgres user.
  const pg = mkdtempSync(join(tmpdir(), 'opsaudit-lab-pg-'));
  const pgSocketDir = join(pg, 'sock');
  mkdirSync(pgSocketDir);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(pg, uid, gid);
    chownSync(pgSocketDir, uid, gid);
  }
  const [initCmd, initArgs] = asPostgres(pgBin('initdb'), ['-D', join(pg, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const pgPort = await freePort();
  const [pgCmd, pgArgs] = asPostgres(pgBin('postgres'), ['-D', join(pg, 'data'), '-p', String(pgPort), '-k', pgSocketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off']);
  processes.push(spawn(pgCmd, pgArgs, { stdio: 'ignore' }));
  await Promise.all([waitForPort(nginxPort), waitForPort(redisPort), waitForPort(pgPort, 30_000)]);
  return { nginxPort, pgPort, redisPort, pgSocketDir, pgDir: pg, processes };
}

/** Stops what the lab started (by process, never by name) and removes its directories. */
export async function stopAll(children: readonly ChildProcess[], dirs: readonly string[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((res) => {
          if (c.exitCode !== null || c.signalCode !== null) return res();
          const t = setTimeout(() => {
            c.kill('SIGKILL');
            res();
          }, 5000);
          c.once('exit', () => {
            clearTimeout(t);
            res();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

/** A temp directory for one lab. */
export function labDir(): string {
  return mkdtempSync(join(tmpdir(), 'opsaudit-lab-'));
}

export { pgBin };
