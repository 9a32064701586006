// The scan options of the live server audit (--host, --inventory, --sudo, ...): declared and validated in one place.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { FleetOptions } from '../collectors/host/fleet.js';
import { inventoryFormat, inventoryHosts } from '../collectors/host/inventory.js';
import { HostSpecError, parseHostSpec, type HostSpec } from '../collectors/host/target.js';
import { UsageError } from '../core/errors.js';
import { DEFAULT_THRESHOLDS, type HostThresholds } from '../facts/host.js';

export interface HostCliOptions {
  host?: string[];
  inventory?: string;
  limit?: string;
  sudo?: boolean;
  concurrency?: string;
  identity?: string[];
  knownHosts?: string[];
  sshConfig?: string;
  connectTimeout?: string;
  commandTimeout?: string;
  backupDir?: string[];
  deployDir?: string[];
  appLogDir?: string[];
  certDir?: string;
  threshold?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--threshold` names (kebab-case) for the HostThresholds keys. */
export const THRESHOLD_NAMES: Record<string, keyof HostThresholds> = {
  'disk-high': 'diskHighPercent',
  'disk-critical': 'diskCriticalPercent',
  'inode-high': 'inodeHighPercent',
  'inode-critical': 'inodeCriticalPercent',
  memory: 'memoryPercent',
  swap: 'swapPercent',
  'load-per-cpu': 'loadPerCpu',
  'rpo-hours': 'backupRpoHours',
  'backup-shrink': 'backupShrinkRatio',
  'cert-days': 'certificateDays',
  'journald-bytes': 'journaldMaxBytes',
  'container-restarts': 'containerRestarts',
};

/** Adds the --host options to the scan command. */
export function addHostOptions(cmd: Command): Command {
  const names = Object.entries(THRESHOLD_NAMES)
    .map(([k, v]) => `${k}=${DEFAULT_THRESHOLDS[v]}`)
    .join(', ');
  return cmd
    .option('--host <target>', 'audit a live server, read-only: user@server[:port] over SSH, or "local" (repeatable)', collect)
    .option('--inventory <file>', 'audit the hosts of an Ansible inventory (INI or YAML: groups, ansible_host, ansible_user, ansible_port)')
    .option('--limit <hosts>', 'with --inventory: only these groups or hosts (comma-separated)')
    .option('--sudo', 'run the probes that need root through `sudo -n` (never prompts for a password)')
    .option('--concurrency <n>', 'hosts audited at once (default 8)')
    .option('--identity <file>', 'SSH private key to try first (repeatable; ~/.ssh/config and ssh-agent are used too)', collect)
    .option('--known-hosts <file>', 'known_hosts file to trust in addition to ~/.ssh/known_hosts (repeatable)', collect)
    .option('--ssh-config <file>', 'ssh client configuration (default ~/.ssh/config)')
    .option('--connect-timeout <seconds>', 'SSH connection timeout (default 10)')
    .option('--command-timeout <seconds>', 'time limit per command on the host (default 30)')
    .option('--backup-dir <dir>', 'backup directory on the host (default: found from the backup cron line) (repeatable)', collect)
    .option('--deploy-dir <dir>', "the app's checkout on the host, for the last deploy time (default: the app unit's WorkingDirectory)", collect)
    .option('--app-log-dir <dir>', 'application log directory on the host, checked for log rotation (repeatable)', collect)
    .option('--cert-dir <dir>', "certbot's live directory on the host (default /etc/letsencrypt/live)")
    .option('--threshold <name=value>', `override a host threshold (repeatable): ${names}`, collect);
}

function seconds(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} ${raw}: expected a number of seconds above 0.`);
  return Math.round(n * 1000);
}

function absolute(flag: string, values: string[] | undefined): string[] | undefined {
  for (const v of values ?? []) if (!v.startsWith('/')) throw new UsageError(`${flag} ${v}: expected an absolute path on the host.`);
  return values;
}

function thresholds(raw: string[] | undefined): Partial<HostThresholds> {
  const out: Partial<HostThresholds> = {};
  for (const item of raw ?? []) {
    const m = /^([a-z-]+)=([\d.]+)$/.exec(item);
    const key = m ? THRESHOLD_NAMES[m[1]] : undefined;
    if (!m || !key) throw new UsageError(`--threshold ${item}: expected NAME=NUMBER with NAME one of ${Object.keys(THRESHOLD_NAMES).join(', ')}.`);
    out[key] = Number(m[2]);
  }
  return out;
}

/** Validates the options; host specs and the inventory are read here so a typo is a usage error before anything runs. */
export function hostOptions(opts: HostCliOptions): { specs: HostSpec[]; host: FleetOptions } {
  const specs: HostSpec[] = [];
  try {
    for (const h of opts.host ?? []) specs.push(parseHostSpec(h));
    if (opts.inventory) {
      let text: string;
      try {
        text = readFileSync(opts.inventory, 'utf8');
      } catch (err) {
        throw new UsageError(`--inventory ${opts.inventory}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
      }
      const found = inventoryHosts(text, inventoryFormat(opts.inventory, text), opts.limit);
      if (found.length === 0) throw new UsageError(`--inventory ${opts.inventory}: no host${opts.limit ? ` matches --limit ${opts.limit}` : ''}.`);
      specs.push(...found);
    } else if (opts.limit) throw new UsageError('--limit only applies with --inventory.');
  } catch (err) {
    if (err instanceof HostSpecError) throw new UsageError(err.message);
    throw err;
  }
  const labels = new Set<string>();
  for (const s of specs) {
    if (labels.has(s.label)) throw new UsageError(`--host ${s.label} is given twice.`);
    labels.add(s.label);
  }
  if (specs.length === 0) {
    const stray = (['sudo', 'concurrency', 'identity', 'knownHosts', 'sshConfig', 'connectTimeout', 'commandTimeout', 'backupDir', 'deployDir', 'appLogDir', 'certDir', 'threshold'] as const).filter(
      (k) => opts[k] !== undefined,
    );
    if (stray.length > 0) throw new UsageError(`--${stray[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} only applies with --host or --inventory.`);
  }
  const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)) throw new UsageError(`--concurrency ${opts.concurrency}: expected a whole number from 1 to 256.`);
  const certDir = absolute('--cert-dir', opts.certDir ? [opts.certDir] : undefined)?.[0];
  return {
    specs,
    host: {
      sudo: opts.sudo === true,
      concurrency,
      connectTimeoutMs: seconds('--connect-timeout', opts.connectTimeout),
      commandTimeoutMs: seconds('--command-timeout', opts.commandTimeout),
      backupDirs: absolute('--backup-dir', opts.backupDir),
      deployDirs: absolute('--deploy-dir', opts.deployDir),
      appLogDirs: absolute('--app-log-dir', opts.appLogDir),
      certDir,
      thresholds: thresholds(opts.threshold),
      ssh: { identity: opts.identity, knownHosts: opts.knownHosts, sshConfigPath: opts.sshConfig },
    },
  };
}
