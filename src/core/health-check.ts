// The seed-000 `health_check` block (services, resources, ssl, last_backup, last_deploy), computed from host facts.
import type { HostFacts } from '../facts/host.js';

/** One host's block, exactly in the seed's shape; a value that could not be read is null. */
export interface HealthCheck {
  services: Record<string, string> | null;
  resources: { disk_usage: string | null; memory_usage: string | null; cpu_load: string | null };
  ssl: { valid: boolean; expires: string } | null;
  last_backup: string | null;
  last_deploy: string | null;
}

const day = (iso: string) => iso.slice(0, 10);

/** State words as the seed writes them: running, stopped, failed, or the systemd/docker state. */
function stateWord(running: boolean, active: string): string {
  if (running) return 'running';
  if (active === 'failed') return 'failed';
  if (active === 'inactive' || active === 'exited' || active === 'dead') return 'stopped';
  return active;
}

/** The health_check block of one host. */
export function hostHealthCheck(h: HostFacts): HealthCheck {
  let services: Record<string, string> | null = null;
  if (h.services.ok) {
    services = {};
    // Several units may share a key (two gunicorn sites): the worst state wins, so a down one is never hidden.
    for (const s of h.services.value) {
      const word = stateWord(s.running, s.active);
      if (services[s.key] === undefined || services[s.key] === 'running') services[s.key] = word;
    }
  }
  if (h.containers.ok && h.containers.value) {
    services ??= {};
    for (const c of h.containers.value) {
      const key = c.composeService ?? c.name;
      const word = c.state === 'running' && c.health === 'unhealthy' ? 'unhealthy' : c.state === 'exited' ? 'stopped' : c.state;
      if (services[key] === undefined || services[key] === 'running') services[key] = word;
    }
  }
  const root = h.disks.ok ? (h.disks.value.find((d) => d.mount === '/') ?? [...h.disks.value].sort((a, b) => b.usedPercent - a.usedPercent)[0]) : undefined;
  const load = h.system.ok ? h.system.value.load : null;
  const certs = h.certificates.ok ? [...h.certificates.value.certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter)) : [];
  const soonest = certs[0];
  const newestBackup = h.backups.ok && h.backups.value ? h.backups.value.files[0] : undefined;
  return {
    services,
    resources: {
      disk_usage: root ? `${root.usedPercent}%` : null,
      memory_usage: h.memory.ok ? `${Math.round(h.memory.value.usedPercent)}%` : null,
      cpu_load: load ? String(load.one) : null,
    },
    ssl: soonest ? { valid: soonest.notAfter > h.auditedAt, expires: day(soonest.notAfter) } : null,
    last_backup: newestBackup ? day(newestBackup.modified) : null,
    last_deploy: h.deploy.ok && h.deploy.value ? day(h.deploy.value.time) : null,
  };
}

/**
 * The report's health_check: one host gives the seed's block itself; several give one block per host under
 * `hosts` plus a `fleet` summary. Null when no host was audited.
 */
export function buildHealthCheck(hosts: readonly HostFacts[]): Record<string, unknown> | null {
  if (hosts.length === 0) return null;
  if (hosts.length === 1) return hosts[0].failure ? { ...hostHealthCheck(hosts[0]), error: hosts[0].failure } : { ...hostHealthCheck(hosts[0]) };
  const blocks: Record<string, unknown> = {};
  const down: string[] = [];
  let maxDisk: { host: string; value: number } | null = null;
  let soonest: { host: string; expires: string } | null = null;
  for (const h of hosts) {
    const hc = hostHealthCheck(h);
    blocks[h.name] = h.failure ? { ...hc, error: h.failure } : hc;
    for (const [k, v] of Object.entries(hc.services ?? {})) if (v !== 'running') down.push(`${h.name}: ${k} ${v}`);
    if (h.disks.ok) for (const d of h.disks.value) if (!maxDisk || d.usedPercent > maxDisk.value) maxDisk = { host: h.name, value: d.usedPercent };
    if (hc.ssl && (!soonest || hc.ssl.expires < soonest.expires)) soonest = { host: h.name, expires: hc.ssl.expires };
  }
  const unreachable = hosts.filter((h) => h.failure).map((h) => h.name);
  return {
    fleet: {
      hosts: hosts.length,
      audited: hosts.length - unreachable.length,
      unreachable,
      services_not_running: down,
      max_disk_usage: maxDisk ? `${maxDisk.value}% (${maxDisk.host})` : null,
      first_certificate_expiry: soonest ? `${soonest.expires} (${soonest.host})` : null,
    },
    hosts: blocks,
  };
}

/** Hosts of a report that could not be audited at all, with the reason (read back from its health_check). */
export function unauditedHosts(report: { health_check?: Record<string, unknown>; server?: string | null }): { host: string; reason: string }[] {
  const hc = report.health_check;
  if (!hc) return [];
  const hosts = hc.hosts as Record<string, { error?: string }> | undefined;
  if (hosts) return Object.entries(hosts).flatMap(([host, b]) => (b.error ? [{ host, reason: b.error }] : []));
  return typeof hc.error === 'string' ? [{ host: report.server ?? 'the host', reason: hc.error }] : [];
}
