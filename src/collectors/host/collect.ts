// Audits one host: connects (local or SSH), runs the probe groups, and returns its HostFacts. Never throws for
// an unreachable or misbehaving host: the failure becomes `failure` and every probe is unknown with the reason.
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
}

export interface HostAudit {
  facts: HostFacts;
  /** Literal secrets seen in outputs (masked in every report format). */
  secrets: Set<string>;
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
    return { facts: await audit(spec, transport, options, thresholds, secrets, now, progress), secrets };
  } finally {
    transport.close();
  }
}

async function audit(
  spec: HostSpec,
  transport: Transport,
  options: HostAuditOptions,
  thresholds: HostThresholds,
  secrets: Set<string>,
  now: Date,
  progress: (m: string) => void,
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
