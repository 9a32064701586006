// Benchmark: audit 20 real sshd instances on loopback ports in one run, against auditing one of them.
// Two modes, both over real SSH (handshake, host key check, one channel per command):
//  - real:   every command really runs. All "hosts" are this machine, so the commands' own CPU cost is paid N times
//            on the same cores: the ratio is an upper bound, not what a fleet of separate servers costs.
//  - replay: sshd answers each command with the output it gave in the real single-host audit (ForceCommand), so
//            the figure measures opsaudit and SSH themselves — what auditing separate servers costs this machine.
// Usage: npx tsx bench/fleet-ssh.ts [--hosts 20] [--concurrency 20] [--mode real|replay|both]
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { auditHosts } from '../src/collectors/host/fleet.js';
import { parseHostSpec } from '../src/collectors/host/target.js';
import type { HostAudit } from '../src/collectors/host/collect.js';
import { keygen, labDir, startSshd, stopAll, type SshdLab } from '../test/lab/lab.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const count = Number(arg('--hosts', '20'));
const concurrency = Number(arg('--concurrency', '20'));
const mode = arg('--mode', 'both');

const root = labDir();
mkdirSync(join(root, 'client'));
const userKey = join(root, 'client', 'id_ed25519');
keygen(userKey);
const started: SshdLab[] = [];

async function fleet(n: number, forceCommand?: string): Promise<{ labs: SshdLab[]; knownHosts: string }> {
  const dir = join(root, `${forceCommand ? 'replay' : 'real'}-${Date.now()}`);
  mkdirSync(dir);
  const labs: SshdLab[] = [];
  for (let i = 0; i < n; i++) labs.push(await startSshd(join(dir, `h${i}`), { userKey, forceCommand }));
  started.push(...labs);
  const knownHosts = join(dir, 'known_hosts');
  for (const l of labs) appendFileSync(knownHosts, `[127.0.0.1]:${l.port} ${l.hostKeyPub.split(' ').slice(0, 2).join(' ')}\n`);
  return { labs, knownHosts };
}

async function measure(label: string, labs: SshdLab[], knownHosts: string): Promise<HostAudit> {
  const options = { concurrency, commandTimeoutMs: 300_000, ssh: { identity: [userKey], knownHosts: [knownHosts], sshConfigPath: '/nonexistent', agent: null } };
  const specs = labs.map((l) => parseHostSpec(`root@127.0.0.1:${l.port}`));
  let t = performance.now();
  const [one] = await auditHosts(specs.slice(0, 1), options);
  const single = performance.now() - t;
  t = performance.now();
  const cpu = process.cpuUsage();
  const all = await auditHosts(specs, options);
  const many = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const failed = [one, ...all].filter((a) => a.facts.failure);
  console.log(`[${label}] ${labs.length} hosts, concurrency ${concurrency}, ${one.facts.commands.length} commands per host`);
  console.log(`[${label}] one host: ${(single / 1000).toFixed(1)} s; ${labs.length} hosts: ${(many / 1000).toFixed(1)} s; ratio ${(many / single).toFixed(2)}× (target ≤ 3×)`);
  // opsaudit's own CPU for the fleet run: what is left of the wall time is the hosts' side (sshd sessions, commands).
  console.log(`[${label}] opsaudit CPU for the ${labs.length}-host run: ${((used.user + used.system) / 1e6).toFixed(1)} s; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);
  if (failed.length > 0) console.log(`[${label}] FAILED: ${failed.map((a) => `${a.facts.name}: ${a.facts.failure}`).join('; ')}`);
  return one;
}

/** A ForceCommand script answering each command with its recorded output and exit status. */
function replayScript(one: HostAudit): string {
  const dir = join(root, 'replay-data');
  mkdirSync(dir);
  for (const c of one.facts.commands) {
    const key = createHash('sha1').update(c.command).digest('hex');
    writeFileSync(join(dir, `${key}.out`), c.output === '(no output)' ? '' : `${c.output}\n`);
    writeFileSync(join(dir, `${key}.code`), String(c.exit_code ?? 1));
  }
  const script = join(root, 'replay.sh');
  writeFileSync(
    script,
    `#!/bin/sh\ncmd=\${SSH_ORIGINAL_COMMAND#*LANG=C }\nkey=$(printf %s "$cmd" | sha1sum | cut -c1-40)\nif [ -f "${dir}/$key.out" ]; then cat "${dir}/$key.out"; exit "$(cat "${dir}/$key.code")"; fi\necho "$cmd: command not found" >&2\nexit 127\n`,
  );
  chmodSync(script, 0o755);
  chmodSync(root, 0o755);
  return script;
}

try {
  const real = await fleet(mode === 'replay' ? 1 : count);
  const one = await measure('real', mode === 'replay' ? real.labs : real.labs, real.knownHosts);
  if (mode !== 'real') {
    const replay = await fleet(count, replayScript(one));
    await measure('replay', replay.labs, replay.knownHosts);
  }
} finally {
  await stopAll(
    started.map((l) => l.process),
    [root],
  );
}
