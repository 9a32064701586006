// Probe: the packet filter in front of the services — ufw, then nftables, then iptables (all need root).
import type { FirewallState, Probed } from '../../../facts/host.js';
import type { ProbeRunner, RunOutcome } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

function ports(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const range = /^(\d+):(\d+)$/.exec(part.trim());
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      for (let p = a; p <= b && p - a < 65536; p++) out.push(p);
    } else if (/^\d+$/.test(part.trim())) out.push(Number(part.trim()));
  }
  return out;
}

/** Parses `ufw status verbose`; null when the output is not ufw's. */
export function parseUfw(text: string): FirewallState | null {
  const status = /^Status:\s*(\w+)/m.exec(text)?.[1];
  if (!status) return null;
  if (status !== 'active') return { active: false, tool: 'ufw', defaultDeny: null, allowedPorts: [], summary: 'ufw: Status: inactive' };
  const def = /^Default:\s*(.*)$/m.exec(text)?.[1] ?? '';
  const defaultDeny = /(deny|reject) \(incoming\)/.test(def);
  const allowed: number[] = [];
  for (const line of lines(text)) {
    // "5432/tcp   ALLOW IN   Anywhere", "80,443/tcp (v6)  ALLOW IN  Anywhere (v6)"
    const m = /^(\S+?)(?:\/(tcp|udp))?(?:\s+\(v6\))?\s+ALLOW(?: IN)?\s+Anywhere/.exec(line);
    if (m && m[2] !== 'udp') allowed.push(...ports(m[1]));
  }
  return { active: true, tool: 'ufw', defaultDeny, allowedPorts: [...new Set(allowed)].sort((a, b) => a - b), summary: `ufw: active, ${def || 'default policy not shown'}` };
}

/** Reads `nft list ruleset`: an input-hook chain with policy drop, and `tcp dport ... accept` rules. */
export function parseNft(text: string): FirewallState | null {
  if (!/hook input/.test(text)) return null;
  const chains = text.split(/\n\s*chain\s+/).filter((c) => /hook input/.test(c));
  const defaultDeny = chains.some((c) => /policy drop/.test(c));
  const allowed: number[] = [];
  let hasRules = false;
  for (const c of chains) {
    for (const line of lines(c)) {
      if (/\b(accept|drop|reject)\b/.test(line) && !/policy/.test(line)) hasRules = true;
      // Rules limited to source addresses (`ip saddr 10.0.0.0/8 ...`) do not open a port to everyone.
      const m = /\bsaddr\b/.test(line) ? null : /tcp dport (\{[^}]*\}|\d+(?:-\d+)?).*\baccept\b/.exec(line);
      if (m) allowed.push(...ports(m[1].replace(/[{}\s]/g, '').replace(/-/g, ':')));
    }
  }
  if (!defaultDeny && !hasRules) return null;
  return { active: true, tool: 'nftables', defaultDeny, allowedPorts: [...new Set(allowed)].sort((a, b) => a - b), summary: `nftables: input chain ${defaultDeny ? 'policy drop' : 'policy accept with rules'}` };
}

/** Reads `iptables -S`: INPUT policy and ACCEPT rules for TCP ports from any source. */
export function parseIptables(text: string): FirewallState | null {
  const policy = /^-P INPUT (\w+)/m.exec(text)?.[1];
  if (!policy) return null;
  const input = lines(text).filter((l) => /^-A INPUT\b/.test(l));
  const defaultDeny = policy === 'DROP' || policy === 'REJECT' || input.some((l) => /^-A INPUT -j (DROP|REJECT)/.test(l));
  if (!defaultDeny && !input.some((l) => /-j (DROP|REJECT)/.test(l))) return null;
  const allowed: number[] = [];
  for (const l of input) {
    if (!/-j ACCEPT/.test(l) || /\s-s\s/.test(l) || /\s-i lo\b/.test(l)) continue;
    const m = /--dports? (\S+)/.exec(l);
    if (m && /-p tcp/.test(l)) allowed.push(...ports(m[1]));
  }
  return { active: true, tool: 'iptables', defaultDeny, allowedPorts: [...new Set(allowed)].sort((a, b) => a - b), summary: `iptables: INPUT policy ${policy}` };
}

export async function probeFirewall(r: ProbeRunner): Promise<Probed<FirewallState>> {
  const outcomes: RunOutcome[] = [];
  const tools: [Parameters<ProbeRunner['run']>[0], (t: string) => FirewallState | null][] = [
    ['ufw', parseUfw],
    ['nft', parseNft],
    ['iptables', parseIptables],
  ];
  let ufwInactive: FirewallState | null = null;
  for (const [id, parse] of tools) {
    const o = await r.run(id);
    outcomes.push(o);
    if (o.status !== 'ok') continue;
    const state = parse(o.stdout);
    if (state?.active) return known(state, ...outcomes);
    if (state && id === 'ufw') ufwInactive = state;
  }
  const undecided = outcomes.filter((o) => o.status !== 'ok' && o.status !== 'missing');
  if (undecided.length > 0) return unknownResult(`the firewall could not be read: ${undecided.map((o) => o.reason).join('; ')}`, ...outcomes);
  const installed = outcomes.filter((o) => o.status === 'ok').length;
  return known(
    {
      active: false,
      tool: null,
      defaultDeny: false,
      allowedPorts: [],
      summary: installed === 0 ? 'no firewall tool is installed (ufw, nft, iptables)' : `${ufwInactive ? 'ufw is inactive and ' : ''}no input filtering rules are loaded`,
    },
    ...outcomes,
  );
}
