// The only commands opsaudit ever runs on an audited host: read-only probes, each a fixed argument vector.
// A template may name a typed parameter (a path, a unit, a container id) that is validated against a strict
// pattern and passed as ONE argument (argv locally, shell-quoted remotely); nothing else is ever substituted.

/** A placeholder in a template, filled by a validated value. `list` parameters expand to one argument each. */
export interface Param {
  param: 'path' | 'unit' | 'container';
  list?: boolean;
}

export type ArgTemplate = string | Param;

/**
 * `never`: runs as the login user. `root`: needs root (as root, or with --sudo through `sudo -n`), else the
 * probe is not run and its checks are unknown. `better`: runs as the user without --sudo (with less detail).
 */
export type SudoNeed = 'never' | 'root' | 'better';

export interface CommandSpec {
  id: string;
  /** The probe group that runs it (progress and `opsaudit probes`). */
  group: string;
  argv: readonly ArgTemplate[];
  sudo: SudoNeed;
  /** What it reads, for `opsaudit probes` and the README. */
  reads: string;
  /** A longer time limit than the per-command default, for commands known to be slow. */
  timeoutMs?: number;
}

const P = (param: Param['param'], list = false): Param => (list ? { param, list } : { param });

/** Every command opsaudit may run on a host, by id. Keep each read-only: no command here writes anything. */
export const COMMANDS = {
  'sudo-check': { group: 'system', argv: ['sudo', '-n', 'true'], sudo: 'never', reads: 'whether passwordless sudo works (only with --sudo)' },
  'id-u': { group: 'system', argv: ['id', '-u'], sudo: 'never', reads: 'the login user id (root or not)' },
  'os-release': { group: 'system', argv: ['cat', '/etc/os-release'], sudo: 'never', reads: 'the distribution name and version' },
  uname: { group: 'system', argv: ['uname', '-srm'], sudo: 'never', reads: 'kernel name, release and machine' },
  uptime: { group: 'system', argv: ['cat', '/proc/uptime'], sudo: 'never', reads: 'seconds since boot' },
  loadavg: { group: 'system', argv: ['cat', '/proc/loadavg'], sudo: 'never', reads: 'load averages' },
  nproc: { group: 'system', argv: ['nproc'], sudo: 'never', reads: 'number of CPUs' },
  df: { group: 'resources', argv: ['df', '-P', '-k'], sudo: 'never', reads: 'disk use per mount' },
  'df-inodes': { group: 'resources', argv: ['df', '-P', '-i'], sudo: 'never', reads: 'inode use per mount' },
  meminfo: { group: 'resources', argv: ['cat', '/proc/meminfo'], sudo: 'never', reads: 'memory and swap' },
  'systemctl-services': {
    group: 'services',
    argv: ['systemctl', 'list-units', '--type=service', '--all', '--plain', '--no-legend', '--no-pager'],
    sudo: 'never',
    reads: 'systemd services and their states',
  },
  'systemctl-failed': {
    group: 'services',
    argv: ['systemctl', 'list-units', '--state=failed', '--all', '--plain', '--no-legend', '--no-pager'],
    sudo: 'never',
    reads: 'failed systemd units',
  },
  'systemctl-timers': {
    group: 'services',
    argv: ['systemctl', 'list-timers', '--all', '--plain', '--no-legend', '--no-pager'],
    sudo: 'never',
    reads: 'systemd timers (backups, certificate renewal)',
  },
  'systemctl-show': {
    group: 'services',
    argv: ['systemctl', 'show', '--no-pager', '--property=Id,ActiveState,SubState,WorkingDirectory,ActiveEnterTimestamp', P('unit')],
    sudo: 'never',
    reads: "an app unit's state and working directory",
  },
  ps: { group: 'services', argv: ['ps', '-eo', 'pid=,user=,etimes=,comm=,args='], sudo: 'never', reads: 'running processes' },
  'docker-ps': {
    group: 'docker',
    argv: ['docker', 'ps', '--all', '--no-trunc', '--format', '{{json .}}'],
    sudo: 'better',
    reads: 'containers (state, image, compose labels)',
  },
  'docker-inspect': {
    group: 'docker',
    argv: ['docker', 'inspect', P('container', true)],
    sudo: 'better',
    reads: 'container health, restart count, restart policy, creation time',
  },
  ss: { group: 'network', argv: ['ss', '-H', '-tlnp'], sudo: 'better', reads: 'listening TCP sockets (process names need root)' },
  'ip-addr': { group: 'network', argv: ['ip', '-o', 'addr', 'show'], sudo: 'never', reads: 'network interfaces and addresses' },
  ufw: { group: 'firewall', argv: ['ufw', 'status', 'verbose'], sudo: 'root', reads: 'ufw state, default policy and rules' },
  nft: { group: 'firewall', argv: ['nft', 'list', 'ruleset'], sudo: 'root', reads: 'nftables rules' },
  iptables: { group: 'firewall', argv: ['iptables', '-S'], sudo: 'root', reads: 'iptables rules' },
  'sshd-effective': { group: 'ssh', argv: ['sshd', '-T'], sudo: 'root', reads: 'the effective sshd configuration' },
  'sshd-config': { group: 'ssh', argv: ['cat', '/etc/ssh/sshd_config'], sudo: 'never', reads: 'the sshd configuration file' },
  'sshd-config-d': {
    group: 'ssh',
    argv: ['find', '/etc/ssh/sshd_config.d', '-maxdepth', '1', '-type', 'f', '-name', '*.conf'],
    sudo: 'never',
    reads: 'sshd drop-in files',
  },
  'fail2ban-status': { group: 'ssh', argv: ['fail2ban-client', 'status'], sudo: 'root', reads: 'fail2ban jails' },
  'crontab-user': { group: 'cron', argv: ['crontab', '-l'], sudo: 'never', reads: "the login user's crontab" },
  'crontab-system': { group: 'cron', argv: ['cat', '/etc/crontab'], sudo: 'never', reads: 'the system crontab' },
  'cron-d': { group: 'cron', argv: ['find', '/etc/cron.d', '-maxdepth', '1', '-type', 'f'], sudo: 'never', reads: 'files in /etc/cron.d' },
  'list-backups': {
    group: 'backups',
    argv: ['find', P('path'), '-maxdepth', '2', '-type', 'f', '-printf', '%T@\\t%s\\t%p\\n'],
    sudo: 'better',
    reads: 'backup files: modification time, size, path',
  },
  'gzip-test': { group: 'backups', argv: ['gzip', '-t', P('path')], sudo: 'better', reads: 'integrity of the newest gzip backup' },
  'pg-restore-list': {
    group: 'backups',
    argv: ['pg_restore', '--list', P('path')],
    sudo: 'better',
    reads: 'the table of contents of the newest pg_dump custom-format backup',
  },
  'fetch-backup': {
    group: 'backups',
    argv: ['cat', '--', P('path')],
    sudo: 'better',
    reads: 'the newest backup, streamed to the auditing machine for a throwaway restore there (only with --verify-backups)',
    timeoutMs: 60 * 60_000,
  },
  'logrotate-conf': { group: 'logs', argv: ['cat', '/etc/logrotate.conf'], sudo: 'never', reads: 'the main logrotate configuration' },
  'logrotate-d': {
    group: 'logs',
    argv: ['find', '/etc/logrotate.d', '-maxdepth', '1', '-type', 'f'],
    sudo: 'never',
    reads: 'files in /etc/logrotate.d',
  },
  'log-files': {
    group: 'logs',
    argv: ['find', P('path'), '-maxdepth', '2', '-type', 'f', '-name', '*.log'],
    sudo: 'better',
    reads: 'application and nginx log files',
  },
  'journald-usage': { group: 'logs', argv: ['journalctl', '--disk-usage'], sudo: 'better', reads: 'journal disk usage' },
  'cert-files': {
    group: 'certificates',
    argv: ['find', P('path'), '-maxdepth', '2', '-name', 'cert.pem'],
    sudo: 'root',
    reads: "certbot's live certificates",
  },
  'cert-read': {
    group: 'certificates',
    argv: ['openssl', 'x509', '-noout', '-subject', '-enddate', '-in', P('path')],
    sudo: 'root',
    reads: "a certificate's subject and expiry",
  },
  'apt-upgradable': {
    group: 'updates',
    argv: ['apt', 'list', '--upgradable'],
    sudo: 'never',
    reads: 'pending package updates from the package lists already on the host (nothing is fetched or installed)',
    // Reading a large package cache takes several seconds on a small or busy host.
    timeoutMs: 120_000,
  },
  'reboot-required': {
    group: 'updates',
    argv: ['find', '/var/run', '-maxdepth', '1', '-name', 'reboot-required*'],
    sudo: 'never',
    reads: 'whether a reboot is pending',
  },
  timedatectl: { group: 'time', argv: ['timedatectl', 'show'], sudo: 'never', reads: 'clock synchronisation' },
  'cat-file': {
    group: 'files',
    argv: ['cat', P('path')],
    sudo: 'better',
    reads: 'one configuration file found by another probe (cron.d, logrotate.d, sshd_config.d)',
  },
  'git-reflog-head': {
    group: 'deploy',
    argv: ['tail', '-n', '1', P('path')],
    sudo: 'better',
    reads: 'the last entry of the deploy checkout\'s .git/logs/HEAD (when HEAD last moved)',
  },
} as const satisfies Record<string, Omit<CommandSpec, 'id'>>;

export type CommandId = keyof typeof COMMANDS;

/** The allowlist as a list, in declaration order. */
export function listCommands(): CommandSpec[] {
  return Object.entries(COMMANDS).map(([id, spec]) => ({ id, ...(spec as Omit<CommandSpec, 'id'>) }));
}

/** What a parameter value must look like; anything else is refused, never quoted "just in case". */
const VALID: Record<Param['param'], RegExp> = {
  // Absolute, printable, no `..` component (checked below), no shell metacharacters that would surprise a reader.
  path: /^\/[A-Za-z0-9._@%+=:,/ ~-]*$/,
  unit: /^[A-Za-z0-9@._:\\-]+\.(service|timer|socket)$/,
  container: /^[0-9a-f]{12,64}$/,
};

export class ParamError extends Error {
  override name = 'ParamError';
}

/** Checks one parameter value; throws ParamError with the reason when it is refused. */
export function validateParam(kind: Param['param'], value: string): string {
  if (value.length === 0 || value.length > 1024) throw new ParamError(`${kind} "${value.slice(0, 40)}" has an unusable length`);
  if (!VALID[kind].test(value)) throw new ParamError(`${kind} "${value}" contains characters opsaudit does not pass to commands`);
  if (kind === 'path' && value.split('/').includes('..')) throw new ParamError(`path "${value}" contains ".."`);
  return value;
}

/** Builds the argument vector of an allowlisted command; parameters fill the placeholders in order. */
export function buildArgv(id: CommandId, params: readonly (string | readonly string[])[] = []): string[] {
  const spec = COMMANDS[id] as Omit<CommandSpec, 'id'>;
  const out: string[] = [];
  let next = 0;
  for (const t of spec.argv) {
    if (typeof t === 'string') {
      out.push(t);
      continue;
    }
    const value = params[next++];
    if (value === undefined) throw new ParamError(`${id}: missing ${t.param} parameter`);
    const values = typeof value === 'string' ? [value] : value;
    if (!t.list && values.length !== 1) throw new ParamError(`${id}: ${t.param} takes one value`);
    if (values.length === 0) throw new ParamError(`${id}: ${t.param} list is empty`);
    for (const v of values) out.push(validateParam(t.param, v));
  }
  if (next !== params.length) throw new ParamError(`${id}: too many parameters`);
  return out;
}

/** The template as a reader sees it (`find <path> -maxdepth 2 ...`), for `opsaudit probes`. */
export function templateText(spec: Pick<CommandSpec, 'argv'>): string {
  return spec.argv.map((t) => (typeof t === 'string' ? (/[\s{}*%\\]/.test(t) ? `'${t}'` : t) : t.list ? `<${t.param}>...` : `<${t.param}>`)).join(' ');
}
