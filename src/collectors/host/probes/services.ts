// Probe: the stack's services (systemd units, or running processes where systemd is not PID 1), failed units, timers.
import type { FailedUnit, Probed, ServiceRole, ServiceState, TimerInfo } from '../../../facts/host.js';
import type { ProbeRunner, RunOutcome } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

/** Maps a unit or process name to its health_check key and role; null for services the stack does not care about. */
export function classifyService(name: string): { key: string; role: ServiceRole } | null {
  const n = name.toLowerCase().replace(/\.service$/, '');
  for (const app of ['gunicorn', 'uwsgi', 'daphne', 'uvicorn']) if (n.includes(app)) return { key: app, role: 'app-server' };
  if (n.includes('celery')) return { key: 'celery', role: 'celery' };
  if (/^nginx\b/.test(n)) return { key: 'nginx', role: 'nginx' };
  if (/^postgres(ql)?\b/.test(n)) return { key: 'postgresql', role: 'postgresql' };
  if (/^redis(-server)?\b/.test(n)) return { key: 'redis', role: 'redis' };
  if (n === 'docker' || n === 'dockerd') return { key: 'docker', role: 'docker' };
  return null;
}

/** Whether systemctl said that systemd does not run this host (containers, WSL, chroots). */
export function noSystemd(o: RunOutcome): boolean {
  return o.status === 'missing' || /not been booted with systemd|Failed to connect to bus|System has not been booted/i.test(o.stderr + o.stdout);
}

/** Parses `systemctl list-units --plain --no-legend` (UNIT LOAD ACTIVE SUB DESCRIPTION). */
export function parseUnits(text: string): { unit: string; load: string; active: string; sub: string; line: string }[] {
  const out = [];
  for (const line of lines(text)) {
    const m = /^[●*\s]*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(line);
    if (m) out.push({ unit: m[1], load: m[2], active: m[3], sub: m[4], line });
  }
  return out;
}

/** Services of the stack from systemd units; the umbrella postgresql.service is "active (exited)" by design. */
export function servicesFromUnits(text: string): ServiceState[] {
  const out: ServiceState[] = [];
  for (const u of parseUnits(text)) {
    if (u.load === 'not-found' || u.load === 'masked') continue;
    const c = classifyService(u.unit);
    if (!c) continue;
    const running = u.active === 'active' && (u.sub === 'running' || (u.sub === 'exited' && c.role === 'postgresql'));
    out.push({ name: u.unit, ...c, source: 'systemd', active: u.active, sub: u.sub, running, line: u.line });
  }
  return out;
}

/** Parses `ps -eo pid=,user=,etimes=,comm=,args=`. */
export function parsePs(text: string): { pid: number; user: string; comm: string; args: string; line: string }[] {
  const out = [];
  for (const line of lines(text)) {
    const m = /^\s*(\d+)\s+(\S+)\s+(\d+)\s+(\S+)\s*(.*)$/.exec(line);
    if (m) out.push({ pid: Number(m[1]), user: m[2], comm: m[4], args: m[5], line });
  }
  return out;
}

/** Services of the stack from the process list: one entry per key, pointing at its lowest-pid (main) process. */
export function servicesFromProcesses(text: string): ServiceState[] {
  const byKey = new Map<string, ServiceState>();
  for (const p of parsePs(text).sort((a, b) => a.pid - b.pid)) {
    // Kernel threads ("[kworker/0:1]") and zombies ("<defunct>") are not running services.
    if (p.args.startsWith('[') || p.args.includes('<defunct>')) continue;
    const exe = p.args.split(/\s+/)[0]?.split('/').pop() ?? '';
    let c = classifyService(p.comm) ?? classifyService(exe);
    // `python -m gunicorn`, `python3 /venv/bin/uvicorn`: the server is an argument of the interpreter.
    if (!c && /^python[\d.]*$/.test(p.comm)) {
      const m = /(?:^|[\s/])(gunicorn|uwsgi|daphne|uvicorn|celery)(?:\s|$|:)/.exec(p.args);
      if (m) c = classifyService(m[1]);
    }
    if (!c || byKey.has(c.key)) continue;
    byKey.set(c.key, { name: c.key === 'postgresql' ? 'postgres' : p.comm, ...c, source: 'process', active: 'running', sub: 'running', running: true, line: p.line });
  }
  return [...byKey.values()];
}

export interface ServicesProbe {
  services: Probed<ServiceState[]>;
  failedUnits: Probed<FailedUnit[] | null>;
  timers: Probed<TimerInfo[] | null>;
  systemd: boolean;
}

/** Parses `systemctl list-timers --plain --no-legend`; the last two columns are the timer and the unit it starts. */
export function parseTimers(text: string): TimerInfo[] {
  const out: TimerInfo[] = [];
  for (const line of lines(text)) {
    const words = line.trim().split(/\s+/);
    if (words.length < 2) continue;
    const activates = words[words.length - 1];
    const unit = words[words.length - 2];
    if (!unit.endsWith('.timer')) continue;
    out.push({ unit, activates, next: null, last: null });
  }
  return out;
}

export async function probeServices(r: ProbeRunner): Promise<ServicesProbe> {
  const units = await r.run('systemctl-services');
  if (noSystemd(units)) {
    const ps = await r.run('ps');
    const why = 'systemd is not running on this host (PID 1 is not systemd)';
    return {
      systemd: false,
      services: ps.status === 'ok' ? known(servicesFromProcesses(ps.stdout), units, ps) : unknownResult(`${why}, and the process list could not be read: ${ps.reason}`, units, ps),
      failedUnits: known(null, units),
      timers: known(null, units),
    };
  }
  const failed = await r.run('systemctl-failed');
  const timers = await r.run('systemctl-timers');
  return {
    systemd: true,
    services: units.status === 'ok' ? known(servicesFromUnits(units.stdout), units) : unknownResult(`systemd units could not be listed: ${units.reason}`, units),
    failedUnits:
      failed.status === 'ok'
        ? known(
            parseUnits(failed.stdout).map((u) => ({ unit: u.unit, line: u.line })),
            failed,
          )
        : unknownResult(`failed units could not be listed: ${failed.reason}`, failed),
    timers: timers.status === 'ok' ? known(parseTimers(timers.stdout), timers) : unknownResult(`timers could not be listed: ${timers.reason}`, timers),
  };
}
