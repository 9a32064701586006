// Audits one host: connects (local or SSH), runs the probe groups, and returns its HostFacts. Never throws for
// an unreachable or misbehaving host: the failure becomes `failure` and every probe is unknown with the reason.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CommandProof } from '../../core/types/proof.js';
import { DEFAULT_THRESHOLDS, type HostFacts, type HostThresholds, type Probed } from '../../facts/host.js';
import { ProbeRunner } from './runner.js';
import { ConnectError, LocalTransport, connectSsh, type Transport } from './transport.js';
import { resolveSshTarget, type HostSpec, type ResolveOptions } from './target.js';
import { probeSystem } from './probes/system.js';
import { probeDisks, probeMemory } from './probes/resources.js';
import { probeServices } from './probes/services.js';
import { probeDocker } from './probes/docker.js';
import { probeNetwork } from './probes/network.js';
import { probeFirewall } from './probes/firewall.js';
import { probeFail2ban, probeSshd } from './probes/ssh.js';
import { probeCron } from './probes/cron.js';
import { probeBackups } from './probes/backups.js';
import { probeJournald, probeLogrotate } from './probes/logs.js';
import { probeCertificates } from './probes/certificates.js';
import { probeTimeSync, probeUpdates } from './probes/updates.js';
import { probeDeploy } from './probes/deploy.js';

export interface HostAuditOptions {
  /** Use `sudo -n` for the probes that need root. */
  sudo?: boolean;
  /** Per command (default 20 s). */
  commandTimeoutMs?: number;
  /** SSH handshake (default 10 s; ConnectTimeout in ~/.ssh/config wins). */
  connectTimeoutMs?: number;
  thresholds?: Partial<HostThresholds>;
  backupDirs?: readonly string[];
  deployDirs?: readonly string[];
  appLogDirs?: readonly string[];
  /** certbot's live directory (default /etc/letsencrypt/live). */
  certDir?: string;
  ssh?: ResolveOptions & { agent?: string | null };
  /** Commands in flight at once on one host (default 8 locally; 64 over SSH, where they travel in batches). */
  parallelCommands?: number;
  onProgress?: (message: string) => void;
  now?: Date;
  /** Tests: a ready transport instead of connecting. */
  transport?: Transport;
  /**
   * --verify-backups: a local folder where the newest backup found on an SSH host is copied (streamed with `cat`)
   * for a throwaway restore here; on `--host local` the file is verified where it is.
   */
  backupCopiesTo?: string;
}

/** A backup of the host to verify on this machine. */
export interface HostBackupCopy {
  /** The path on the host. */
  remotePath: string;
  /** Where it can be read here: the copy, or the file itself for `--host local`. */
  localPath: string;
  /** True for a copy fetched over SSH (its lines cannot be quoted by path). */
  fetched: boolean;
  /** The copy command, for a fetched copy. */
  proof: CommandProof | null;
}

export interface HostAudit {
  facts: HostFacts;
  /** Literal secrets seen in outputs (masked in every report format). */
  secrets: Set<string>;
  /** With backupCopiesTo: the backups to verify here, and why one could not be (notes). */
  backupCopies?: HostBackupCopy[];
  backupNotes?: string[];
}

function unknownAll(reason: string): Probed<never> {
  return { ok: false, reason, proof: [] };
}

/** HostFacts for a host that could not be audited at all. */
export function failedHost(name: string, transport: 'ssh' | 'local', reason: string, thresholds: HostThresholds, now: Date): HostFacts {
  const u = unknownAll(`the host could not be audited: ${reason}`);
  return {
    name,
    transport,
    failure: reason,
    root: false,
    sudo: 'off',
    auditedAt: now.toISOString(),
    thresholds,
    system: u,
    disks: u,
    memory: u,
    services: u,
    failedUnits: u,
    containers: u,
    sockets: u,
    addresses: u,
    firewall: u,
    sshd: u,
    fail2ban: u,
    cron: u,
    timers: u,
    backups: u,
    logrotate: u,
    journald: u,
    certificates: u,
    updates: u,
    timeSync: u,
    deploy: u,
    commands: [],
  };
}

async function open(spec: HostSpec, options: HostAuditOptions): Promise<Transport> {
  if (options.transport) return options.transport;
  if (spec.local) return new LocalTransport(spec.label);
  const target = resolveSshTarget(spec, options.ssh);
  return connectSsh(target, { connectTimeoutMs: options.connectTimeoutMs ?? 10_000, agent: options.ssh?.agent });
}

/** Audits one host (read-only). */
export async function collectHost(spec: HostSpec, options: HostAuditOptions = {}): Promise<HostAudit> {
  const now = options.now ?? new Date();
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const secrets = new Set<string>();
  const progress = (m: string) => options.onProgress?.(`${spec.label}: ${m}`);
  progress(spec.local ? 'starting' : 'connecting');
  let transport: Transport;
  try {
    transport = await open(spec, options);
  } catch (e) {
    const reason = e instanceof ConnectError ? e.message : `cannot connect: ${(e as Error).message}`;
    return { facts: failedHost(spec.label, spec.local ? 'local' : 'ssh', reason, thresholds, now), secrets };
  }
  try {
    const extra: Pick<HostAudit, 'backupCopies' | 'backupNotes'> = {};
    const facts = await audit(spec, transport, options, thresholds, secrets, now, progress, extra);
    return { facts, secrets, ...extra };
  } finally {
    transport.close();
  }
}

/** Directory-format dumps are folders of files: one file of them is not a backup to restore. */
const DIRECTORY_DUMP_PART = /(^|\/)(toc\.dat|\d+\.dat(\.gz)?)$/;

/** The newest backup of the host, where this machine can read it (copied over SSH when needed). */
async function copyNewestBackup(r: ProbeRunner, backups: HostFacts['backups'], dir: string, progress: (m: string) => void): Promise<Pick<HostAudit, 'backupCopies' | 'backupNotes'>> {
  if (!backups.ok) return { backupCopies: [], backupNotes: [`${r.host}: no backup verified: ${backups.reason}`] };
  const newest = backups.value?.files[0];
  if (!newest) return { backupCopies: [], backupNotes: [`${r.host}: no backup verified: ${backups.value ? `no file in ${backups.value.dir}` : 'no backup directory configured or found'}`] };
  if (DIRECTORY_DUMP_PART.test(newest.path))
    return { backupCopies: [], backupNotes: [`${r.host}: ${newest.path} is part of a directory-format dump; directory dumps are verified with opsaudit verify-backup on the host or on a copy`] };
  if (r.transport.kind === 'local') return { backupCopies: [{ remotePath: newest.path, localPath: newest.path, fetched: false, proof: null }], backupNotes: [] };
  // A folder per copy: the verifier compares a backup with its siblings, which must not be another host's.
  const folder = join(dir, createHash('sha1').update(`${r.host}\0${newest.path}`).digest('hex').slice(0, 12));
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const dest = join(folder, basename(newest.path));
  const total = newest.sizeBytes;
  const got = await r.fetch('fetch-backup', [newest.path], dest, (n) => progress(`copying ${newest.path}: ${(n / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MB`));
  if (got.status !== 'ok') return { backupCopies: [], backupNotes: [`${r.host}: ${newest.path} could not be copied for verification: ${got.reason}`] };
  return {
    backupCopies: [{ remotePath: newest.path, localPath: dest, fetched: true, proof: got.proof }],
    backupNotes: [`${r.host}:${newest.path}: copied to this machine with \`${got.proof?.command}\` (${got.bytes} bytes) and restored here, never on the server`],
  };
}

async function audit(
  spec: HostSpec,
  transport: Transport,
  options: HostAuditOptions,
  thresholds: HostThresholds,
  secrets: Set<string>,
  now: Date,
  progress: (m: string) => void,
  extra: Pick<HostAudit, 'backupCopies' | 'backupNotes'>,
): Promise<HostFacts> {
  const timeoutMs = options.commandTimeoutMs ?? 30_000;
  // Over SSH the transport batches what is asked for together, so let every probe ask at once.
  const parallel = options.parallelCommands ?? (transport.kind === 'ssh' ? 64 : 8);
  const probe = new ProbeRunner(transport, { timeoutMs, root: false, sudo: false, secrets });
  const id = await probe.run('id-u');
  if (id.status === 'timeout' || (id.status !== 'ok' && id.exitCode === null && !id.stdout))
    return { ...failedHost(spec.label, transport.kind, `the first command did not complete: ${id.reason}`, thresholds, now), commands: probe.commands };
  const root = id.status === 'ok' && id.stdout.trim() === '0';
  let sudo: HostFacts['sudo'] = 'off';
  let sudoRefused: string | null = null;
  if (options.sudo && !root) {
    const s = await probe.run('sudo-check');
    sudo = s.status === 'ok' ? 'works' : 'refused';
    if (s.status !== 'ok') sudoRefused = s.reason;
  }
  const r = new ProbeRunner(transport, { timeoutMs, root, sudo: sudo === 'works', sudoRefused, secrets, parallel });
  r.commands.push(...probe.commands);
  // Every group starts at once; the runner caps the commands in flight. Progress reports groups as they finish.
  const total = 17;
  let done = 0;
  const step = <T>(group: string, fn: () => Promise<T>) => async () => {
    const out = await fn();
    progress(`${++done}/${total} probe groups (${group} done)`);
    return out;
  };
  const all = <T>(jobs: (() => Promise<T>)[]) => Promise.all(jobs.map((j) => j()));
  progress(`0/${total} probe groups`);
  const [system, disks, memory, services, containers, network, firewall, sshd, fail2ban, cron, logrotate, journald, updates, timeSync] = await all<unknown>(
    [
      step('system', () => probeSystem(r)),
      step('disks', () => probeDisks(r)),
      step('memory', () => probeMemory(r)),
      step('services', () => probeServices(r)),
      step('containers', () => probeDocker(r)),
      step('network', () => probeNetwork(r)),
      step('firewall', () => probeFirewall(r)),
      step('sshd', () => probeSshd(r)),
      step('fail2ban', () => probeFail2ban(r)),
      step('cron', () => probeCron(r)),
      step('logrotate', () => probeLogrotate(r, options.appLogDirs ?? [])),
      step('journald', () => probeJournald(r)),
      step('updates', () => probeUpdates(r)),
      step('time sync', () => probeTimeSync(r)),
    ],
  );
  const svc = services as Awaited<ReturnType<typeof probeServices>>;
  const ctr = containers as HostFacts['containers'];
  const cronP = cron as HostFacts['cron'];
  const [backups, certificates, deploy] = await all<unknown>(
    [
      step('backups', () => probeBackups(r, { dirs: options.backupDirs ?? [] }, cronP)),
      step('certificates', () => probeCertificates(r, options.certDir ?? '/etc/letsencrypt/live', svc.timers, cronP)),
      step('deploy', () => probeDeploy(r, { dirs: options.deployDirs ?? [] }, svc.services, ctr, svc.systemd)),
    ],
  );
  const net = network as Awaited<ReturnType<typeof probeNetwork>>;
  if (options.backupCopiesTo) Object.assign(extra, await copyNewestBackup(r, backups as HostFacts['backups'], options.backupCopiesTo, progress));
  const commands: CommandProof[] = r.commands;
  return {
    name: spec.label,
    transport: transport.kind,
    failure: null,
    root,
    sudo,
    auditedAt: now.toISOString(),
    thresholds,
    system: system as HostFacts['system'],
    disks: disks as HostFacts['disks'],
    memory: memory as HostFacts['memory'],
    services: svc.services,
    failedUnits: svc.failedUnits,
    containers: ctr,
    sockets: net.sockets,
    addresses: net.addresses,
    firewall: firewall as HostFacts['firewall'],
    sshd: sshd as HostFacts['sshd'],
    fail2ban: fail2ban as HostFacts['fail2ban'],
    cron: cronP,
    timers: svc.timers,
    backups: backups as HostFacts['backups'],
    logrotate: logrotate as HostFacts['logrotate'],
    journald: journald as HostFacts['journald'],
    certificates: certificates as HostFacts['certificates'],
    updates: updates as HostFacts['updates'],
    timeSync: timeSync as HostFacts['timeSync'],
    deploy: deploy as HostFacts['deploy'],
    commands,
  };
}
