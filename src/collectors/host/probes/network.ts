// Probe: listening TCP sockets (ss -tlnp) and interface addresses (ip -o addr).
import type { InterfaceAddress, ListeningSocket, Probed } from '../../../facts/host.js';
import type { ProbeRunner } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

/** Whether an address only accepts connections from this machine. */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  return a.startsWith('127.') || a === '::1' || a.startsWith('::ffff:127.') || a === 'localhost';
}

/** Splits ss's local address column ("0.0.0.0:80", "[::1]:6379", "*:22", "127.0.0.53%lo:53"). */
export function splitAddress(col: string): { address: string; port: number } | null {
  const m = /^(.*):(\d+|\*)$/.exec(col);
  if (!m || m[2] === '*') return null;
  const address = m[1].replace(/^\[(.*)\]$/, '$1').replace(/%[^%\]]*$/, '').replace(/^\[(.*)\]$/, '$1');
  return { address, port: Number(m[2]) };
}

/** Parses `ss -H -tlnp` (State Recv-Q Send-Q Local Peer [Process]). */
export function parseSs(text: string): ListeningSocket[] {
  const out: ListeningSocket[] = [];
  for (const line of lines(text)) {
    const words = line.trim().split(/\s+/);
    if (words.length < 5) continue;
    const local = splitAddress(words[3]);
    if (!local) continue;
    const processes = [...new Set([...line.matchAll(/\("([^"]+)",pid=/g)].map((m) => m[1]))];
    out.push({ address: local.address, port: local.port, processes, loopback: isLoopback(local.address), line });
  }
  return out;
}

/** Parses `ip -o addr show` ("2: eth0    inet 10.0.0.5/24 brd ..."). */
export function parseIpAddr(text: string): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const line of lines(text)) {
    const m = /^\d+:\s+(\S+?)(?:@\S+)?\s+inet6?\s+([0-9a-fA-F.:]+)\//.exec(line);
    if (m) out.push({ interface: m[1], address: m[2], loopback: isLoopback(m[2]) || m[1] === 'lo' });
  }
  return out;
}

export async function probeNetwork(r: ProbeRunner): Promise<{ sockets: Probed<ListeningSocket[]>; addresses: Probed<InterfaceAddress[]> }> {
  const [ss, ip] = await Promise.all([r.run('ss'), r.run('ip-addr')]);
  return {
    sockets: ss.status === 'ok' ? known(parseSs(ss.stdout), ss) : unknownResult(`listening sockets could not be listed: ${ss.reason}`, ss),
    addresses: ip.status === 'ok' ? known(parseIpAddr(ip.stdout), ip) : unknownResult(`interfaces could not be listed: ${ip.reason}`, ip),
  };
}
