// Helpers shared by the host rules: iterate audited hosts, unwrap probe results, name targets.
import type { RuleContext } from '../../core/types/rule.js';
import type { CommandProof } from '../../core/types/proof.js';
import type { Facts, HostFacts, Probed } from '../../facts/index.js';

/**
 * Calls `fn` for each host that could be audited. Hosts that could not be reached are reported `unknown` by the
 * engine (their collector issue); with no host at all the rule is not applicable.
 */
export function eachHost(facts: Facts, ctx: RuleContext, fn: (h: HostFacts) => void): void {
  const hosts = facts.host ?? [];
  if (hosts.length === 0) return ctx.notApplicable('no server was audited (use --host user@server or --host local)');
  for (const h of hosts) if (!h.failure) fn(h);
}

/** `host#what`, the target of a host check ("deploy@web1#disk /var"). */
export function target(h: HostFacts, what: string): string {
  return `${h.name}#${what}`;
}

/** The probe's value, or null after reporting `unknown` with the probe's reason. */
export function need<T>(ctx: RuleContext, h: HostFacts, p: Probed<T>, what: string): T | null {
  if (p.ok) return p.value;
  ctx.unknown(target(h, what), p.reason);
  return null;
}

/** A proof showing only the given lines of a command's output (what a finding is about). */
export function focus(p: CommandProof, lines: readonly string[]): CommandProof {
  return { ...p, output: lines.join('\n') };
}

/** The first proof of a probe (the command a finding cites). */
export function mainProof(p: Probed<unknown>): CommandProof {
  const first = p.proof[0];
  if (!first) throw new Error('a probe result without its command proof');
  return first;
}

export function percent(n: number): string {
  return `${Math.round(n * 10) / 10}`;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Math.round(v * 10) / 10} ${units[i]}`;
}

/** Whether a logrotate pattern covers a file (shell glob semantics: `*` and `?` stay within a directory). */
export function globCovers(pattern: string, file: string): boolean {
  const body = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`).test(file);
}
