// Probe: distribution, kernel, uptime, load averages and CPU count.
import type { Probed, SystemInfo } from '../../../facts/host.js';
import type { ProbeRunner } from '../runner.js';
import { known, unknownResult } from './result.js';

/** Parses /etc/os-release (KEY=value, values optionally quoted). */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return out;
}

/** Parses /proc/loadavg ("0.52 0.58 0.59 1/467 12345"). */
export function parseLoadavg(text: string): SystemInfo['load'] {
  const m = /^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(text);
  return m ? { one: Number(m[1]), five: Number(m[2]), fifteen: Number(m[3]) } : null;
}

export async function probeSystem(r: ProbeRunner): Promise<Probed<SystemInfo>> {
  const all = await Promise.all([r.run('os-release'), r.run('uname'), r.run('uptime'), r.run('loadavg'), r.run('nproc')]);
  const [osr, un, up, la, np] = all;
  if (all.every((o) => o.status !== 'ok')) return unknownResult(`system information could not be read: ${osr.reason}`, ...all);
  const os = osr.status === 'ok' ? parseOsRelease(osr.stdout) : {};
  const uptime = up.status === 'ok' ? Number(/^([\d.]+)/.exec(up.stdout)?.[1] ?? NaN) : NaN;
  const cpus = np.status === 'ok' ? Number(np.stdout.trim()) : NaN;
  return known(
    {
      os: os.PRETTY_NAME ?? null,
      osId: os.ID ?? null,
      osVersion: os.VERSION_ID ?? null,
      kernel: un.status === 'ok' ? un.stdout.trim() || null : null,
      uptimeSeconds: Number.isFinite(uptime) ? Math.round(uptime) : null,
      load: la.status === 'ok' ? parseLoadavg(la.stdout) : null,
      cpus: Number.isInteger(cpus) && cpus > 0 ? cpus : null,
    },
    ...all,
  );
}
