// Probe: pending (security) package updates by apt simulation, and whether a reboot is required.
import type { Probed, TimeSyncState, UpdatesState } from '../../../facts/host.js';
import type { ProbeRunner } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

/** Parses `apt list --upgradable`: "libssl3/stable-security 3.0.15-1~deb12u1 amd64 [upgradable from: 3.0.13-1~deb12u1]". */
export function parseAptUpgradable(text: string): { pending: number; security: string[]; lines: string[] } {
  const upgradable = lines(text).filter((l) => /^\S+\/\S+ .*\[upgradable from:/.test(l));
  const securityLines = upgradable.filter((l) => /^[^/\s]+\/\S*-security\b/.test(l));
  return { pending: upgradable.length, security: securityLines.map((l) => l.split('/')[0]), lines: securityLines };
}

export async function probeUpdates(r: ProbeRunner): Promise<Probed<UpdatesState>> {
  const [sim, reboot] = await Promise.all([r.run('apt-upgradable'), r.run('reboot-required')]);
  if (sim.status === 'missing') return unknownResult('apt is not installed: pending updates are only checked on Debian and Ubuntu', sim, reboot);
  if (sim.status !== 'ok') return unknownResult(`pending updates could not be listed: ${sim.reason}`, sim, reboot);
  if (reboot.status !== 'ok') return unknownResult(`whether a reboot is required could not be read: ${reboot.reason}`, sim, reboot);
  const { pending, security } = parseAptUpgradable(sim.stdout);
  const rebootRequired = lines(reboot.stdout).some((l) => /\/reboot-required$/.test(l));
  return known({ pending, security, rebootRequired, manager: 'apt' }, sim, reboot);
}

/** Parses `timedatectl show` (NTPSynchronized=yes, NTP=yes). */
export function parseTimedatectl(text: string): TimeSyncState | null {
  const sync = /^NTPSynchronized=(\w+)/m.exec(text);
  if (!sync) return null;
  const ntp = /^NTP=(\w+)/m.exec(text)?.[1];
  return { synchronized: sync[1] === 'yes', ntpService: ntp === undefined ? null : ntp === 'yes', line: sync[0] };
}

export async function probeTimeSync(r: ProbeRunner): Promise<Probed<TimeSyncState>> {
  const o = await r.run('timedatectl');
  const parsed = o.status === 'ok' ? parseTimedatectl(o.stdout) : null;
  if (parsed) return known(parsed, o);
  if (/not been booted with systemd|Failed to connect to bus/i.test(o.stderr))
    return unknownResult('clock synchronisation could not be read: timedatectl needs systemd, which is not running on this host', o);
  return unknownResult(`clock synchronisation could not be read: ${o.reason || 'no NTPSynchronized in the output'}`, o);
}
