// Probe: sshd's effective settings (`sshd -T` as root, else the config files as sshd reads them) and fail2ban.
import type { Fail2banState, Probed, SshdSettings } from '../../../facts/host.js';
import type { ProbeRunner, RunOutcome } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

const KEYS = { passwordauthentication: 'passwordAuthentication', permitrootlogin: 'permitRootLogin', kbdinteractiveauthentication: 'kbdInteractive' } as const;

/** Parses `sshd -T` (lowercase `key value` lines, every setting resolved). */
export function parseSshdT(text: string): SshdSettings {
  const s: SshdSettings = { source: 'sshd -T', passwordAuthentication: null, permitRootLogin: null, kbdInteractive: null, ports: [], lines: {} };
  for (const line of lines(text)) {
    const [k, ...rest] = line.trim().split(/\s+/);
    const v = rest.join(' ');
    if (k === 'port') s.ports.push(Number(v));
    if (k === 'challengeresponseauthentication' && s.kbdInteractive === null) {
      s.kbdInteractive = v;
      s.lines.kbdInteractive = line;
    }
    const key = KEYS[k as keyof typeof KEYS];
    if (key) {
      s[key] = v;
      s.lines[key] = line;
    }
  }
  return s;
}

/**
 * Resolves settings from config text as sshd does: the first value of a keyword wins, `Match` blocks are
 * conditional (ignored here), and the OpenSSH defaults apply to what is not set.
 */
export function resolveSshdFiles(files: readonly { path: string; text: string }[]): SshdSettings {
  const s: SshdSettings = { source: 'files', passwordAuthentication: null, permitRootLogin: null, kbdInteractive: null, ports: [], lines: {} };
  for (const f of files) {
    let inMatch = false;
    f.text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) return;
      const m = /^(\w+)\s*(?:=\s*|\s+)(.*)$/.exec(line);
      if (!m) return;
      const k = m[1].toLowerCase();
      if (k === 'match') inMatch = true;
      if (inMatch) return;
      const where = `${f.path}:${i + 1}: ${raw.trim()}`;
      if (k === 'port') {
        if (!s.lines.port) {
          s.ports.push(Number(m[2]));
          s.lines.port = where;
        }
        return;
      }
      const key = KEYS[k as keyof typeof KEYS] ?? (k === 'challengeresponseauthentication' ? 'kbdInteractive' : undefined);
      if (key && s[key] === null) {
        s[key] = m[2].trim().toLowerCase();
        s.lines[key] = where;
      }
    });
  }
  if (s.ports.length === 0) s.ports.push(22);
  if (s.passwordAuthentication === null) {
    s.passwordAuthentication = 'yes';
    s.lines.passwordAuthentication = 'PasswordAuthentication is not set: the OpenSSH default is yes';
  }
  if (s.permitRootLogin === null) {
    s.permitRootLogin = 'prohibit-password';
    s.lines.permitRootLogin = 'PermitRootLogin is not set: the OpenSSH default is prohibit-password';
  }
  return s;
}

/** Expands `Include` lines of the main file that point into sshd_config.d with the drop-ins found there. */
export function orderSshdFiles(mainText: string, dropIns: readonly { path: string; text: string }[]): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  let buf: string[] = [];
  let included = false;
  for (const line of mainText.split('\n')) {
    if (/^\s*Include\s+\S*sshd_config\.d/i.test(line) && !included) {
      out.push({ path: '/etc/ssh/sshd_config', text: buf.join('\n') });
      out.push(...[...dropIns].sort((a, b) => a.path.localeCompare(b.path)));
      included = true;
      // Blank lines keep the main file's line numbers right in messages.
      buf = new Array(buf.length + 1).fill('');
      continue;
    }
    buf.push(line);
  }
  out.push({ path: '/etc/ssh/sshd_config', text: buf.join('\n') });
  return out;
}

export async function probeSshd(r: ProbeRunner): Promise<Probed<SshdSettings | null>> {
  const t = await r.run('sshd-effective');
  if (t.status === 'ok') return known(parseSshdT(t.stdout), t);
  const main = await r.run('sshd-config');
  if (main.status !== 'ok') {
    if (main.status === 'failed' && /No such file/i.test(main.stderr) && (t.status === 'missing' || t.status === 'skipped'))
      return known(null, t, main);
    return unknownResult(`the sshd configuration could not be read: ${t.reason}; ${main.reason}`, t, main);
  }
  const outcomes: RunOutcome[] = [t, main];
  const dropIns: { path: string; text: string }[] = [];
  const list = await r.run('sshd-config-d');
  outcomes.push(list);
  for (const path of list.status === 'ok' ? lines(list.stdout) : []) {
    const c = await r.run('cat-file', [path]);
    outcomes.push(c);
    if (c.status === 'ok') dropIns.push({ path, text: c.stdout });
    else return unknownResult(`the sshd drop-in ${path} could not be read: ${c.reason}`, ...outcomes);
  }
  return known(resolveSshdFiles(orderSshdFiles(main.stdout, dropIns)), ...outcomes);
}

/** Parses `fail2ban-client status` ("`- Jail list:\tsshd, nginx-http-auth"). */
export function parseFail2ban(text: string): string[] {
  const m = /Jail list:\s*(.*)$/m.exec(text);
  return m ? m[1].split(/[,\s]+/).filter(Boolean) : [];
}

export async function probeFail2ban(r: ProbeRunner): Promise<Probed<Fail2banState>> {
  const o = await r.run('fail2ban-status');
  if (o.status === 'missing') return known({ installed: false, running: false, jails: [] }, o);
  if (o.status === 'ok') return known({ installed: true, running: true, jails: parseFail2ban(o.stdout) }, o);
  if (/Failed to access socket|Is fail2ban running/i.test(o.stderr + o.stdout)) return known({ installed: true, running: false, jails: [] }, o);
  return unknownResult(`fail2ban could not be queried: ${o.reason}`, o);
}
