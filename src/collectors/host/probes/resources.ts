// Probe: disk and inode use per mount (df -P), memory and swap (/proc/meminfo).
import type { MemoryInfo, MountUsage, Probed } from '../../../facts/host.js';
import type { ProbeRunner } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

/** Pseudo and memory-backed filesystems: their "use" says nothing about the disk. */
const PSEUDO_DEVICES = /^(tmpfs|devtmpfs|udev|none|overlay|shm|proc|sysfs|cgroup2?|squashfs|efivarfs|nsfs|ramfs|devpts|mqueue|hugetlbfs|tracefs|debugfs|securityfs|pstore|bpf|configfs|fusectl|binfmt_misc|autofs|rpc_pipefs|nfsd)$/;
const PSEUDO_MOUNTS = /^\/(proc|sys|dev|run)(\/|$)|^\/snap\//;

export interface DfRow {
  device: string;
  total: number;
  used: number;
  percent: number | null;
  mount: string;
  line: string;
}

/** Parses `df -P` output (blocks or inodes): device, total, used, available, capacity, mount (may contain spaces). */
export function parseDf(text: string): DfRow[] {
  const out: DfRow[] = [];
  for (const line of lines(text).slice(1)) {
    const m = /^(\S+)\s+(\d+|-)\s+(\d+|-)\s+(\d+|-)\s+(\d+%|-)\s+(\/.*)$/.exec(line);
    if (!m) continue;
    out.push({
      device: m[1],
      total: m[2] === '-' ? 0 : Number(m[2]),
      used: m[3] === '-' ? 0 : Number(m[3]),
      percent: m[5] === '-' ? null : Number(m[5].slice(0, -1)),
      mount: m[6],
      line,
    });
  }
  return out;
}

/** Real disks only: drops pseudo filesystems, bind duplicates and zero-size mounts. */
export function realMounts(rows: readonly DfRow[]): DfRow[] {
  return rows.filter((r) => r.total > 0 && !PSEUDO_DEVICES.test(r.device) && !PSEUDO_MOUNTS.test(r.mount));
}

export async function probeDisks(r: ProbeRunner): Promise<Probed<MountUsage[]>> {
  const [df, di] = await Promise.all([r.run('df'), r.run('df-inodes')]);
  if (df.status !== 'ok' && !df.stdout.trim()) return unknownResult(`disk use could not be read: ${df.reason}`, df);
  const inodes = new Map(parseDf(di.stdout).map((x) => [x.mount, x]));
  const rows = realMounts(parseDf(df.stdout));
  if (rows.length === 0) return unknownResult('df listed no disk-backed filesystem', df, di);
  return known(
    rows.map((x) => {
      const i = inodes.get(x.mount);
      return {
        mount: x.mount,
        device: x.device,
        sizeKb: x.total,
        usedKb: x.used,
        usedPercent: x.percent ?? Math.ceil((100 * x.used) / x.total),
        inodesPercent: i && i.total > 0 ? i.percent : null,
      };
    }),
    df,
    di,
  );
}

/** Parses /proc/meminfo (values in kB). */
export function parseMeminfo(text: string): MemoryInfo | null {
  const v: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+(?:\(\w+\))?):\s+(\d+)/.exec(line);
    if (m) v[m[1]] = Number(m[2]);
  }
  const total = v.MemTotal;
  if (!total) return null;
  // MemAvailable exists since Linux 3.14; older kernels: free + buffers + page cache.
  const available = v.MemAvailable ?? (v.MemFree ?? 0) + (v.Buffers ?? 0) + (v.Cached ?? 0);
  return {
    totalKb: total,
    availableKb: available,
    usedPercent: Math.round((1000 * (total - available)) / total) / 10,
    swapTotalKb: v.SwapTotal ?? 0,
    swapFreeKb: v.SwapFree ?? 0,
  };
}

export async function probeMemory(r: ProbeRunner): Promise<Probed<MemoryInfo>> {
  const mi = await r.run('meminfo');
  if (mi.status !== 'ok') return unknownResult(`memory use could not be read: ${mi.reason}`, mi);
  const parsed = parseMeminfo(mi.stdout);
  return parsed ? known(parsed, mi) : unknownResult('/proc/meminfo has no MemTotal line', mi);
}
