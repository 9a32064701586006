// Facts about an audited server, gathered by read-only commands; every value carries the command proof it came from.
import type { CommandProof } from '../core/types/proof.js';

/** A probe's result: its value, or why it could not be known. Either way, the commands that were run. */
export type Probed<T> = { ok: true; value: T; proof: CommandProof[] } | { ok: false; reason: string; proof: CommandProof[] };

export interface SystemInfo {
  /** PRETTY_NAME from /etc/os-release ("Debian GNU/Linux 12 (bookworm)"), or null. */
  os: string | null;
  /** ID and VERSION_ID ("debian", "12"). */
  osId: string | null;
  osVersion: string | null;
  kernel: string | null;
  uptimeSeconds: number | null;
  load: { one: number; five: number; fifteen: number } | null;
  cpus: number | null;
}

export interface MountUsage {
  mount: string;
  device: string;
  sizeKb: number;
  usedKb: number;
  /** Percent used as df reports it (rounded up), 0..100. */
  usedPercent: number;
  /** Inode use in percent; null when the filesystem has no inode limit (btrfs, xfs dynamic). */
  inodesPercent: number | null;
}

export interface MemoryInfo {
  totalKb: number;
  availableKb: number;
  /** 100 × (total − available) / total, one decimal. */
  usedPercent: number;
  swapTotalKb: number;
  swapFreeKb: number;
}

export type ServiceRole = 'app-server' | 'nginx' | 'postgresql' | 'redis' | 'docker' | 'celery' | 'other';

/** A service that matters to a Django stack, from systemd or (without systemd) from the process list. */
export interface ServiceState {
  /** Unit name ("erp-gunicorn.service") or process name ("gunicorn"). */
  name: string;
  role: ServiceRole;
  /** The health_check key: gunicorn, uwsgi, daphne, uvicorn, nginx, postgresql, redis, docker, celery. */
  key: string;
  source: 'systemd' | 'process';
  /** systemd ActiveState (active, inactive, failed, activating...) or "running" for a process. */
  active: string;
  /** systemd SubState (running, dead, exited...) or "running". */
  sub: string;
  running: boolean;
  /** Line of the command output it was read from. */
  line: string;
}

export interface FailedUnit {
  unit: string;
  line: string;
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  /** running, exited, restarting, paused, created, dead. */
  state: string;
  /** healthy, unhealthy, starting, or null without a HEALTHCHECK. */
  health: string | null;
  restartCount: number | null;
  /** no, always, unless-stopped, on-failure; null when not inspected. */
  restartPolicy: string | null;
  /** Container creation time (ISO), i.e. the last `docker compose up` that recreated it. */
  created: string | null;
  composeProject: string | null;
  composeService: string | null;
  composeWorkingDir: string | null;
  /** Started by `docker compose run` (a one-off task, expected to exit). */
  oneoff: boolean;
}

export interface ListeningSocket {
  /** The address as ss shows it ("0.0.0.0", "127.0.0.1", "::", "*", "10.0.0.5"). */
  address: string;
  port: number;
  /** Process names when visible (root or own processes). */
  processes: string[];
  /** Bound to a loopback address only. */
  loopback: boolean;
  line: string;
}

export interface InterfaceAddress {
  interface: string;
  address: string;
  loopback: boolean;
}

export interface FirewallState {
  /** Which tool showed a filtering policy: ufw active, nftables or iptables with input rules, or none. */
  active: boolean;
  tool: 'ufw' | 'nftables' | 'iptables' | null;
  /** Incoming traffic dropped unless allowed (ufw "deny (incoming)", policy drop). */
  defaultDeny: boolean | null;
  /** TCP ports explicitly allowed from anywhere; null when the rules were not analysed. */
  allowedPorts: number[] | null;
  /** What was read, for messages ("ufw: Status: inactive"). */
  summary: string;
}

export interface SshdSettings {
  source: 'sshd -T' | 'files';
  passwordAuthentication: string | null;
  permitRootLogin: string | null;
  kbdInteractive: string | null;
  ports: number[];
  /** Lines the values came from, for messages. */
  lines: Record<string, string>;
}

export interface Fail2banState {
  installed: boolean;
  running: boolean;
  jails: string[];
}

/** A crontab line found on the host. */
export interface HostCronLine {
  /** /etc/crontab, /etc/cron.d/<file>, or "crontab -l". */
  source: string;
  schedule: string;
  command: string;
  line: string;
  /** The command looks like a backup (pg_dump, backup script, borg, restic...). */
  backup: boolean;
  /** Runs certbot / acme renewal. */
  certRenewal: boolean;
}

/** The crontabs that could be read, and those that could not (an absence is only certain when this is empty). */
export interface HostCrontabs {
  lines: HostCronLine[];
  /** Why a crontab source could not be read ("permission denied running `find /etc/cron.d ...`"). */
  unreadable: string[];
}

export interface TimerInfo {
  unit: string;
  activates: string;
  next: string | null;
  last: string | null;
}

export interface BackupFile {
  path: string;
  sizeBytes: number;
  /** Modification time, ISO. */
  modified: string;
}

export interface BackupState {
  /** Where the files were listed. */
  dir: string;
  /** How the directory was chosen ("--backup-dir", "from /etc/cron.d/backup line 3"). */
  origin: string;
  /** Newest first. */
  files: BackupFile[];
  /** The integrity test of the newest file (gzip -t or pg_restore --list), when one applies. */
  integrity: { tool: string; ok: boolean | null; reason: string; proof: CommandProof | null } | null;
  /** The listing command. */
  listing: CommandProof;
}

export interface LogFile {
  path: string;
}

export interface LogrotateRule {
  /** The file it came from. */
  source: string;
  /** Log file patterns of a stanza. */
  patterns: string[];
}

export interface LogrotateState {
  rules: LogrotateRule[];
  /** Log files of the app and nginx found on the host. */
  logFiles: string[];
}

export interface CertificateFile {
  path: string;
  subject: string;
  /** notAfter as ISO. */
  notAfter: string;
  proof: CommandProof;
}

export interface CertificateState {
  certificates: CertificateFile[];
  /** certbot.timer or a cron line renewing certificates, or null when none was found. */
  renewal: string | null;
}

export interface UpdatesState {
  /** Packages with an upgrade pending. */
  pending: number;
  /** Of those, from a security archive. */
  security: string[];
  rebootRequired: boolean;
  manager: 'apt';
}

export interface TimeSyncState {
  synchronized: boolean;
  ntpService: boolean | null;
  line: string;
}

export interface DeployInfo {
  /** When the deployed code or containers last changed (ISO). */
  time: string;
  /** Where it was read ("git reflog of /srv/app", "container web created"). */
  source: string;
}

export interface JournalUsage {
  bytes: number;
}

/** Thresholds the rules use; defaults follow the ops runbook (seed 003), overridable per run. */
export interface HostThresholds {
  diskHighPercent: number;
  diskCriticalPercent: number;
  inodeHighPercent: number;
  inodeCriticalPercent: number;
  memoryPercent: number;
  swapPercent: number;
  /** Load (15 min) per CPU above which the host is overloaded. */
  loadPerCpu: number;
  /** Recovery point objective: the newest backup must be younger. */
  backupRpoHours: number;
  /** The newest backup smaller than this fraction of the previous one is a sharp shrink. */
  backupShrinkRatio: number;
  certificateDays: number;
  journaldMaxBytes: number;
  containerRestarts: number;
}

export const DEFAULT_THRESHOLDS: HostThresholds = {
  diskHighPercent: 80,
  diskCriticalPercent: 90,
  inodeHighPercent: 80,
  inodeCriticalPercent: 90,
  memoryPercent: 85,
  swapPercent: 50,
  loadPerCpu: 1.5,
  backupRpoHours: 24,
  backupShrinkRatio: 0.5,
  certificateDays: 30,
  journaldMaxBytes: 4 * 1024 ** 3,
  containerRestarts: 5,
};

/** Everything learnt about one host. */
export interface HostFacts {
  /** How the host is named in the report ("deploy@web1:2222", "local"). */
  name: string;
  transport: 'ssh' | 'local';
  /** Why the host could not be audited at all (unreachable, auth refused, host key mismatch), else null. */
  failure: string | null;
  /** Commands ran as root (login as root, or --sudo with a working `sudo -n`). */
  root: boolean;
  sudo: 'off' | 'works' | 'refused';
  /** When the audit ran (ISO): ages are computed against it. */
  auditedAt: string;
  thresholds: HostThresholds;
  system: Probed<SystemInfo>;
  disks: Probed<MountUsage[]>;
  memory: Probed<MemoryInfo>;
  /** Whether systemd is PID 1; services then come from systemctl, else from ps. */
  services: Probed<ServiceState[]>;
  /** null when systemd is not running on the host. */
  failedUnits: Probed<FailedUnit[] | null>;
  /** null when docker is not installed. */
  containers: Probed<ContainerInfo[] | null>;
  sockets: Probed<ListeningSocket[]>;
  addresses: Probed<InterfaceAddress[]>;
  firewall: Probed<FirewallState>;
  sshd: Probed<SshdSettings | null>;
  fail2ban: Probed<Fail2banState>;
  cron: Probed<HostCrontabs>;
  /** null when systemd is not running on the host. */
  timers: Probed<TimerInfo[] | null>;
  /** null when no backup directory was configured or found. */
  backups: Probed<BackupState | null>;
  logrotate: Probed<LogrotateState>;
  journald: Probed<JournalUsage>;
  certificates: Probed<CertificateState>;
  updates: Probed<UpdatesState>;
  timeSync: Probed<TimeSyncState>;
  deploy: Probed<DeployInfo | null>;
  /** Every command run on the host, in order (also those no finding cites). */
  commands: CommandProof[];
}
