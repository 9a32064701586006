// Benchmark: audit 20 real sshd instances on loopback ports in one run, against auditing one of them.
// Two modes, both over real SSH (handshake, host key check, login shell, batched sessions):
//  - real:   every command really runs. All "hosts" are this machine, so the commands' own CPU cost is paid N times
//            on the same cores: the ratio is an upper bound, not what a fleet of separate servers costs.
//  - replay: each allowlisted command is answered by a stand-in (a shell function of builtins) that prints what the
//            real command printed in a recorded single-host audit; sessions, login shells and batch framing stay real.
//            The figure measures opsaudit and SSH themselves — what auditing separate servers costs this machine.
// Replay runs twice: on loopback, and behind a relay adding a network's round trip (--rtt, 20 ms by default; 0 skips
// it), since a fleet is reached over a network and on loopback the 20 servers' own work shares this machine's cores.
// Usage: npx tsx bench/fleet-ssh.ts [--hosts 20] [--concurrency 20] [--mode real|replay|both] [--runs 3] [--rtt 20]
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { auditHosts } from '../src/collectors/host/fleet.js';
import { parseHostSpec, resolveSshTarget } from '../src/collectors/host/target.js';
import { collectHost, type HostAudit } from '../src/collectors/host/collect.js';
import { connectSsh, type ExecResult, type Transport } from '../src/collectors/host/transport.js';
import { LAB_USER, keygen, labDir, startSshd, stopAll, userExists, type SshdLab } from '../test/lab/lab.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const count = Number(arg('--hosts', '20'));
const concurrency = Number(arg('--concurrency', '20'));
const mode = arg('--mode', 'both');
const runs = Number(arg('--runs', '3'));
const rtt = Number(arg('--rtt', '20'));

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(label: string, ports: number[], knownHosts: string, user = 'root'): Promise<void> {
  const options = { concurrency, commandTimeoutMs: 300_000, ssh: { identity: [userKey], knownHosts: [knownHosts], sshConfigPath: '/nonexistent', agent: null } };
  const specs = ports.map((port) => parseHostSpec(`${user}@127.0.0.1:${port}`));
  const singles: number[] = [];
  const fleets: { wall: number; ours: number; busy: number }[] = [];
  const failed: HostAudit[] = [];
  let commands = 0;
  // Alternating runs, medians: the machine is shared and noisy, a ratio from one pair of runs is not a figure.
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const [one] = await auditHosts(specs.slice(0, 1), options);
    singles.push(performance.now() - t);
    commands = one.facts.commands.length;
    const cpu = process.cpuUsage();
    const busyBefore = busyCpuSeconds();
    t = performance.now();
    const all = await auditHosts(specs, options);
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    fleets.push({ wall, ours: (used.user + used.system) / 1e6, busy: busyCpuSeconds() - busyBefore });
    failed.push(...[one, ...all].filter((a) => a.facts.failure));
  }
  const single = median(singles);
  const many = median(fleets.map((f) => f.wall));
  const at = fleets.find((f) => f.wall === many)!;
  console.log(`[${label}] ${ports.length} hosts, concurrency ${concurrency}, ${commands} commands per host, login ${user}, median of ${runs} runs`);
  console.log(`[${label}] one host: ${(single / 1000).toFixed(2)} s; ${ports.length} hosts: ${(many / 1000).toFixed(2)} s; ratio ${(many / single).toFixed(2)}× (target ≤ 3×)   [one: ${singles.map((x) => x.toFixed(0)).join(', ')} ms; all: ${fleets.map((f) => f.wall.toFixed(0)).join(', ')} ms]`);
  // What the fleet run cost: opsaudit itself, and the whole machine (sshd, login shells and commands of all hosts).
  console.log(`[${label}] CPU for the ${ports.length}-host run: opsaudit ${at.ours.toFixed(2)} s, whole machine ${at.busy.toFixed(2)} s over ${(many / 1000).toFixed(2)} s on ${cpus().length} CPUs`);
  if (failed.length > 0) console.log(`[${label}] FAILED: ${failed.map((a) => `${a.facts.name}: ${a.facts.failure}`).join('; ')}`);
}

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat). */
function busyCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) / 100;
}

interface Recorded {
  argv: readonly string[];
  result: ExecResult;
}

/** Audits one host through a transport that records every command's argument vector and result. */
async function record(lab: SshdLab, knownHosts: string): Promise<Recorded[]> {
  const target = resolveSshTarget(parseHostSpec(`root@127.0.0.1:${lab.port}`), { identity: [userKey], knownHosts: [knownHosts], sshConfigPath: '/nonexistent' });
  const inner = await connectSsh(target, { connectTimeoutMs: 10_000, agent: null });
  const seen: Recorded[] = [];
  const recording: Transport = {
    host: inner.host,
    kind: inner.kind,
    exec: async (argv, timeoutMs) => {
      const result = await inner.exec(argv, timeoutMs);
      seen.push({ argv, result });
      return result;
    },
    close: () => inner.close(),
  };
  await collectHost(parseHostSpec(`root@127.0.0.1:${lab.port}`), { transport: recording, commandTimeoutMs: 300_000 });
  recording.close();
  return seen;
}

/** Quotes a string for sh (single quotes). */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A ForceCommand answering every recorded argument vector with its stdout, stderr and exit status. The stand-ins
 * are shell functions made of builtins only: on a real fleet each server runs its commands on its own CPUs, so
 * here they must cost next to nothing, or the figure would measure 20 servers' commands sharing this machine's
 * cores. Login shell, session, the batch framing and the stream splitting stay real. A session asking for a shell
 * (`exec /bin/sh`, how opsaudit sends its batches) gets a bash reading the script line by line with the stand-ins
 * defined; a single command runs with them as well.
 */
function replayForceCommand(recorded: Recorded[]): string {
  const byName = new Map<string, Recorded[]>();
  for (const r of recorded) byName.set(r.argv[0], [...(byName.get(r.argv[0]) ?? []), r]);
  const functions = [...byName].map(([name, runs]) => {
    const cases = runs.map(({ argv, result }) => {
      const args = argv.slice(1);
      return `  ${q(`${args.length}|${args.join(' ')}`)}) printf '%s' ${q(result.stdout)}; printf '%s' ${q(result.stderr)} >&2; return ${result.exitCode ?? 1};;`;
    });
    return [`function ${name} {`, '  case "$#|$*" in', ...cases, '  esac', `  echo "${name}: command not found" >&2`, '  return 127', '}'].join('\n');
  });
  const file = join(root, 'replay.bash');
  writeFileSync(file, `${functions.join('\n')}\n`, { mode: 0o644 });
  chmodSync(root, 0o755);
  return `. ${file}; if [ "$SSH_ORIGINAL_COMMAND" = "exec /bin/sh" ]; then while IFS= read -r line; do eval "$line"; done; else eval "$SSH_ORIGINAL_COMMAND"; fi`;
}

/**
 * The same servers behind a relay that adds `rtt` ms of round trip (bench/latency-proxy.mjs, its own process):
 * a fleet is reached over a network, and on loopback the 20 servers' CPU work on this machine's cores is all
 * the figure shows. Returns the relay's ports and a known_hosts naming the same keys at those ports.
 */
async function behindLatency(labs: SshdLab[], dir: string): Promise<{ ports: number[]; knownHosts: string; relay: ChildProcess }> {
  const relay = spawn(process.execPath, [join(import.meta.dirname, 'latency-proxy.mjs'), String(rtt), ...labs.map((l) => String(l.port))], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of relay.stdout!) {
    out += chunk;
    if (out.includes('ready\n')) break;
  }
  const ports = out.split('\n').slice(0, labs.length).map(Number);
  const knownHosts = join(dir, 'known_hosts_relay');
  writeFileSync(knownHosts, labs.map((l, i) => `[127.0.0.1]:${ports[i]} ${l.hostKeyPub.split(' ').slice(0, 2).join(' ')}\n`).join(''));
  return { ports, knownHosts, relay };
}

const relays: ChildProcess[] = [];
try {
  const real = await fleet(mode === 'replay' ? 1 : count);
  if (mode !== 'replay') await measure('real, loopback', real.labs.map((l) => l.port), real.knownHosts);
  if (mode !== 'real') {
    const replay = await fleet(count, replayForceCommand(await record(real.labs[0], real.knownHosts)));
    // The stand-ins answer as root did; the login itself uses a plain account when there is one, since root's
    // shell start-up files on a developer machine (pyenv, cargo...) are not what a server's login costs.
    const user = userExists(LAB_USER) ? LAB_USER : 'root';
    await measure('replay, loopback', replay.labs.map((l) => l.port), replay.knownHosts, user);
    if (rtt > 0) {
      const relayed = await behindLatency(replay.labs, root);
      relays.push(relayed.relay);
      await measure(`replay, ${rtt} ms round trip`, relayed.ports, relayed.knownHosts, user);
    }
  }
} finally {
  for (const r of relays) r.kill();
  await stopAll(
    started.map((l) => l.process),
    [root],
  );
}
