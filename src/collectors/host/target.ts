// Host specs (`user@server[:port]`, `local`) and their resolution through ~/.ssh/config, as ssh would resolve them.
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type SSHConfigType from 'ssh-config';

// Loaded on first use: repository-only scans should not pay for it at start-up.
const requireCjs = createRequire(import.meta.url);
const sshConfig = () => requireCjs('ssh-config') as typeof SSHConfigType;

/** What the user wrote for --host. */
export interface HostSpec {
  /** As given ("deploy@web1:2222", "local"), used to name the host in the report. */
  label: string;
  local: boolean;
  user: string | null;
  host: string;
  port: number | null;
  /** A private key for this host only (an inventory's ansible_ssh_private_key_file). */
  identity?: string;
}

export class HostSpecError extends Error {
  override name = 'HostSpecError';
}

/** Parses `local`, `host`, `user@host`, `user@host:port`, `user@[::1]:port`. */
export function parseHostSpec(text: string): HostSpec {
  const label = text.trim();
  if (label === 'local' || label === 'localhost-local') return { label: 'local', local: true, user: null, host: 'local', port: null };
  const m = /^(?:([^@\s/]+)@)?(\[[0-9a-fA-F:.]+\]|[^@\s:/[\]]+)(?::(\d{1,5}))?$/.exec(label);
  if (!m) throw new HostSpecError(`--host ${text}: expected user@server[:port] or "local"`);
  const host = m[2].startsWith('[') ? m[2].slice(1, -1) : m[2];
  const port = m[3] !== undefined ? Number(m[3]) : null;
  if (port !== null && (port < 1 || port > 65535)) throw new HostSpecError(`--host ${text}: port ${port} is out of range`);
  if (host.startsWith('-')) throw new HostSpecError(`--host ${text}: a host name cannot start with "-"`);
  return { label, local: false, user: m[1] ?? null, host, port };
}

/** Connection settings after ~/.ssh/config. */
export interface SshTarget {
  label: string;
  /** The name written (and looked up in known_hosts when HostKeyAlias is not set). */
  alias: string;
  hostname: string;
  port: number;
  user: string;
  identityFiles: string[];
  /** The explicit IdentityFile list only (IdentitiesOnly yes). */
  identitiesOnly: boolean;
  knownHostsFiles: string[];
  /** The name used for known_hosts lookups (HostKeyAlias, else the HostName). */
  hostKeyAlias: string | null;
  connectTimeoutMs: number | null;
}

export interface ResolveOptions {
  /** ~/.ssh/config by default; tests point elsewhere. */
  sshConfigPath?: string;
  /** Extra known_hosts files (tried before the defaults). */
  knownHosts?: string[];
  identity?: string[];
  home?: string;
}

function expandTilde(p: string, home: string): string {
  return p === '~' ? home : p.startsWith('~/') ? join(home, p.slice(2)) : p;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function all(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(/\s+/)).filter(Boolean);
}

/** Applies ~/.ssh/config (Host/Match blocks; `Match exec` is never run) to a spec. */
export function resolveSshTarget(spec: HostSpec, options: ResolveOptions = {}): SshTarget {
  const home = options.home ?? homedir();
  const configPath = options.sshConfigPath ?? join(home, '.ssh', 'config');
  let computed: Record<string, string | string[]> = {};
  if (existsSync(configPath)) {
    const config = sshConfig().parse(readFileSync(configPath, 'utf8'));
    computed = config.compute(spec.user ? { Host: spec.host, User: spec.user } : { Host: spec.host }, { ignoreCase: true, matchExec: false });
  }
  const get = (k: string) => computed[k.toLowerCase()] ?? computed[k];
  const port = spec.port ?? Number(first(get('Port')) ?? 22);
  const user = spec.user ?? first(get('User')) ?? userInfo().username;
  const hostname = (first(get('HostName')) ?? spec.host).replace(/%h/g, spec.host);
  const configured = all(get('IdentityFile')).map((p) => expandTilde(p.replace(/%d/g, home).replace(/%u/g, user), home));
  const defaults = ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((n) => join(home, '.ssh', n));
  const identityFiles = [...(spec.identity ? [expandTilde(spec.identity, home)] : []), ...(options.identity ?? []), ...configured];
  const identitiesOnly = (first(get('IdentitiesOnly')) ?? '').toLowerCase() === 'yes';
  if (!identitiesOnly || identityFiles.length === 0) for (const d of defaults) if (!identityFiles.includes(d)) identityFiles.push(d);
  const userKnown = all(get('UserKnownHostsFile')).map((p) => expandTilde(p, home));
  const knownHostsFiles = [
    ...(options.knownHosts ?? []),
    ...(userKnown.length > 0 ? userKnown : [join(home, '.ssh', 'known_hosts'), join(home, '.ssh', 'known_hosts2')]),
    ...all(get('GlobalKnownHostsFile')),
    '/etc/ssh/ssh_known_hosts',
  ].filter((p, i, a) => a.indexOf(p) === i);
  const timeout = first(get('ConnectTimeout'));
  return {
    label: spec.label,
    alias: spec.host,
    hostname,
    port,
    user,
    identityFiles,
    identitiesOnly,
    knownHostsFiles,
    hostKeyAlias: first(get('HostKeyAlias')) ?? null,
    connectTimeoutMs: timeout && /^\d+$/.test(timeout) ? Number(timeout) * 1000 : null,
  };
}
