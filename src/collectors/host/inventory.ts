// Reads the servers of an Ansible inventory (INI or YAML), the format teams already keep their hosts in:
// groups, children, `ansible_host`, `ansible_user`, `ansible_port`, `ansible_ssh_private_key_file`, `[group:vars]`.
// Written by hand for INI: Ansible's INI dialect (bare host lines with key=value vars, `:vars`/`:children`
// sections, `[01:03]` ranges) is not plain INI, so generic INI parsers mangle it. YAML goes through `yaml`.
import { parse as parseYaml } from 'yaml';
import { HostSpecError, type HostSpec } from './target.js';

type Vars = Record<string, string>;

interface Inventory {
  /** Host name -> its own vars. */
  hosts: Map<string, Vars>;
  /** Group -> direct member hosts. */
  members: Map<string, Set<string>>;
  children: Map<string, Set<string>>;
  groupVars: Map<string, Vars>;
}

function empty(): Inventory {
  return { hosts: new Map(), members: new Map(), children: new Map(), groupVars: new Map() };
}

function add<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k) ?? new Set<V>();
  s.add(v);
  m.set(k, s);
}

/** Expands Ansible host ranges: `web[01:03]` -> web01, web02, web03; `db-[a:c]` -> db-a, db-b, db-c. */
export function expandRange(pattern: string): string[] {
  const m = /^(.*)\[([0-9a-z]+):([0-9a-z]+)(?::(\d+))?\](.*)$/.exec(pattern);
  if (!m) return [pattern];
  const [, pre, a, b, stepText, post] = m;
  const step = Number(stepText ?? 1);
  const out: string[] = [];
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    for (let i = Number(a); i <= Number(b) && out.length < 10_000; i += step) out.push(`${pre}${String(i).padStart(a.length, '0')}${post}`);
  } else {
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c += step) out.push(`${pre}${String.fromCharCode(c)}${post}`);
  }
  return out.flatMap(expandRange);
}

/** key=value pairs of an INI host line; values may be quoted. */
function parseVars(text: string): Vars {
  const out: Vars = {};
  for (const m of text.matchAll(/([A-Za-z_][\w.]*)=("[^"]*"|'[^']*'|\S+)/g)) out[m[1]] = m[2].replace(/^["'](.*)["']$/, '$1');
  return out;
}

/** Parses an INI inventory. */
export function parseIniInventory(text: string): Inventory {
  const inv = empty();
  let section: { group: string; kind: 'hosts' | 'vars' | 'children' } = { group: 'ungrouped', kind: 'hosts' };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s[;#].*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) return;
    const head = /^\[([^\]:]+)(?::(vars|children))?\]$/.exec(line);
    if (head) {
      section = { group: head[1], kind: (head[2] as 'vars' | 'children') ?? 'hosts' };
      if (!inv.members.has(section.group)) inv.members.set(section.group, new Set());
      return;
    }
    if (line.startsWith('[')) throw new HostSpecError(`inventory line ${i + 1}: unrecognised section ${line}`);
    if (section.kind === 'vars') {
      const m = /^([A-Za-z_][\w.]*)\s*=\s*(.*)$/.exec(line);
      if (m) inv.groupVars.set(section.group, { ...inv.groupVars.get(section.group), [m[1]]: m[2].replace(/^["'](.*)["']$/, '$1') });
      return;
    }
    if (section.kind === 'children') {
      add(inv.children, section.group, line.split(/\s+/)[0]);
      return;
    }
    const [pattern, ...rest] = line.split(/\s+/);
    const vars = parseVars(rest.join(' '));
    for (const name of expandRange(pattern)) {
      inv.hosts.set(name, { ...inv.hosts.get(name), ...vars });
      add(inv.members, section.group, name);
    }
  });
  return inv;
}

interface YamlGroup {
  hosts?: Record<string, Vars | null> | null;
  children?: Record<string, YamlGroup | null> | null;
  vars?: Vars | null;
}

/** Parses a YAML inventory (`all: { hosts, children, vars }`). */
export function parseYamlInventory(text: string): Inventory {
  const inv = empty();
  const doc = parseYaml(text) as Record<string, YamlGroup | null> | null;
  if (!doc || typeof doc !== 'object') throw new HostSpecError('the YAML inventory is empty or not a mapping');
  const walk = (name: string, g: YamlGroup | null) => {
    if (!inv.members.has(name)) inv.members.set(name, new Set());
    if (!g) return;
    for (const [pattern, vars] of Object.entries(g.hosts ?? {})) {
      for (const h of expandRange(pattern)) {
        inv.hosts.set(h, { ...inv.hosts.get(h), ...stringVars(vars ?? {}) });
        add(inv.members, name, h);
      }
    }
    if (g.vars) inv.groupVars.set(name, { ...inv.groupVars.get(name), ...stringVars(g.vars) });
    for (const [child, cg] of Object.entries(g.children ?? {})) {
      add(inv.children, name, child);
      walk(child, cg);
    }
  };
  for (const [name, g] of Object.entries(doc)) walk(name, g);
  return inv;
}

function stringVars(v: Record<string, unknown>): Vars {
  const out: Vars = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && typeof x !== 'object') out[k] = String(x);
  return out;
}

/** Groups a host belongs to, directly or through children (parents listed before children). */
function groupsOf(inv: Inventory, host: string): string[] {
  const parents = new Map<string, Set<string>>();
  for (const [g, kids] of inv.children) for (const k of kids) add(parents, k, g);
  const out: string[] = [];
  const visit = (g: string) => {
    if (out.includes(g)) return;
    for (const p of parents.get(g) ?? []) visit(p);
    out.push(g);
  };
  for (const [g, hs] of inv.members) if (hs.has(host)) visit(g);
  return out;
}

/** Hosts of a group, including its children's. */
function hostsOfGroup(inv: Inventory, group: string, seen = new Set<string>()): string[] {
  if (group === 'all') return [...inv.hosts.keys()];
  if (seen.has(group)) return [];
  seen.add(group);
  return [...(inv.members.get(group) ?? []), ...[...(inv.children.get(group) ?? [])].flatMap((c) => hostsOfGroup(inv, c, seen))];
}

/**
 * The hosts of an inventory as HostSpecs, optionally limited to groups or host names (Ansible's --limit,
 * comma-separated). Variables: all:vars, then group vars (parents before children), then the host's own.
 */
export function inventoryHosts(text: string, format: 'ini' | 'yaml', limit?: string): HostSpec[] {
  const inv = format === 'yaml' ? parseYamlInventory(text) : parseIniInventory(text);
  let names = [...inv.hosts.keys()];
  if (limit) {
    const wanted = new Set<string>();
    for (const part of limit.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (inv.hosts.has(part)) wanted.add(part);
      else if (inv.members.has(part) || part === 'all') for (const h of hostsOfGroup(inv, part)) wanted.add(h);
      else throw new HostSpecError(`--limit ${part}: no such host or group in the inventory`);
    }
    names = names.filter((n) => wanted.has(n));
  }
  return names.map((name) => {
    const vars: Vars = { ...inv.groupVars.get('all') };
    for (const g of groupsOf(inv, name)) if (g !== 'all') Object.assign(vars, inv.groupVars.get(g));
    Object.assign(vars, inv.hosts.get(name));
    if (vars.ansible_connection === 'local') return { label: name, local: true, user: null, host: 'local', port: null };
    const port = vars.ansible_port ?? vars.ansible_ssh_port;
    if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new HostSpecError(`inventory host ${name}: ansible_port "${port}" is not a port number`);
    const spec: HostSpec = {
      label: name,
      local: false,
      user: vars.ansible_user ?? vars.ansible_ssh_user ?? null,
      host: vars.ansible_host ?? vars.ansible_ssh_host ?? name,
      port: port !== undefined ? Number(port) : null,
    };
    const key = vars.ansible_ssh_private_key_file ?? vars.ansible_private_key_file;
    if (key) spec.identity = key;
    return spec;
  });
}

/** INI or YAML, by extension, else by content. */
export function inventoryFormat(path: string, text: string): 'ini' | 'yaml' {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.(ini|cfg)$/i.test(path) || /^\s*\[[^\]]+\]\s*$/m.test(text)) return 'ini';
  return /^\s*[\w-]+:\s*$/m.test(text) ? 'yaml' : 'ini';
}
