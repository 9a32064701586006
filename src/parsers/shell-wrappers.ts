// Looks through command runners (sudo, env, nohup, docker compose exec <svc>, kubectl exec, sh -c...) to the command that runs.
import type { ShellWord, ShellWrapper } from '../facts/scripts.js';

/** What unwrapping found: where the effective command starts, and what it was wrapped in. */
export interface Unwrapped {
  /** Index into the words of the effective command name (0 when nothing was unwrapped). */
  index: number;
  wrappers: ShellWrapper[];
  /** NAME=value words set for the wrapped command (`env X=1`, `sudo X=1`, `docker exec -e X=1`). */
  env: ShellWord[];
  /** A `-c` string to parse as shell (`sh -c '...'`, `su -c "..."`, `flock -c`), with the wrappers leading to it. */
  shellString: ShellWord | null;
}

/** Option syntax of one command: which options take a value (short letters and long names). */
interface OptionSpec {
  short: string;
  long: string[];
}

interface OptionHit {
  name: string;
  value: ShellWord | null;
}

/** Parses leading options from `words[i]`; returns the index of the first operand and the options seen. */
function skipOptions(words: ShellWord[], i: number, spec: OptionSpec, stopAtDoubleDash = true): { next: number; opts: OptionHit[] } {
  const opts: OptionHit[] = [];
  while (i < words.length) {
    const w = words[i].value;
    if (w === '--') return { next: stopAtDoubleDash ? i + 1 : i, opts };
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq >= 0 ? w.slice(2, eq) : w.slice(2);
      if (eq >= 0) {
        opts.push({ name, value: { ...words[i], value: w.slice(eq + 1), raw: words[i].raw } });
        i += 1;
      } else if (spec.long.includes(name)) {
        opts.push({ name, value: words[i + 1] ?? null });
        i += 2;
      } else {
        opts.push({ name, value: null });
        i += 1;
      }
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      i += 1;
      for (let k = 1; k < w.length; k++) {
        const letter = w[k];
        if (spec.short.includes(letter)) {
          if (k + 1 < w.length) opts.push({ name: letter, value: { ...words[i - 1], value: w.slice(k + 1) } });
          else {
            opts.push({ name: letter, value: words[i] ?? null });
            i += 1;
          }
          break;
        }
        opts.push({ name: letter, value: null });
      }
      continue;
    }
    break;
  }
  return { next: i, opts };
}

const opt = (hits: OptionHit[], ...names: string[]): ShellWord | null => {
  for (let k = hits.length - 1; k >= 0; k--) if (names.includes(hits[k].name)) return hits[k].value;
  return null;
};
const has = (hits: OptionHit[], ...names: string[]): boolean => hits.some((h) => names.includes(h.name));

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh', 'mksh']);

const SPECS = {
  sudo: { short: 'ugCDhprtUTcR', long: ['user', 'group', 'close-from', 'chdir', 'host', 'prompt', 'role', 'type', 'other-user', 'command-timeout', 'login-class', 'chroot'] },
  su: { short: 'csgGwC', long: ['command', 'shell', 'group', 'supp-group', 'whitelist-environment', 'session-command'] },
  runuser: { short: 'ucsgGw', long: ['user', 'command', 'shell', 'group', 'supp-group', 'whitelist-environment', 'session-command'] },
  env: { short: 'uCS', long: ['unset', 'chdir', 'split-string'] },
  exec: { short: 'a', long: [] },
  time: { short: 'fo', long: ['format', 'output'] },
  nice: { short: 'n', long: ['adjustment'] },
  ionice: { short: 'cnpPu', long: ['class', 'classdata', 'pid', 'pgid', 'uid'] },
  timeout: { short: 'sk', long: ['signal', 'kill-after'] },
  flock: { short: 'wEc', long: ['wait', 'timeout', 'conflict-exit-code', 'command'] },
  xargs: { short: 'adEILnPs', long: ['arg-file', 'delimiter', 'eof', 'replace', 'max-lines', 'max-args', 'max-procs', 'max-chars', 'process-slot-var'] },
  stdbuf: { short: 'ioe', long: ['input', 'output', 'error'] },
  setsid: { short: '', long: [] },
  plain: { short: '', long: [] },
  shell: { short: 'oO', long: ['init-file', 'rcfile'] },
  dockerGlobal: { short: 'Hcl', long: ['host', 'context', 'config', 'log-level', 'tlscacert', 'tlscert', 'tlskey'] },
  dockerExec: { short: 'euw', long: ['env', 'env-file', 'user', 'workdir', 'detach-keys'] },
  dockerRun: {
    short: 'eupvwlhmcaL',
    long: [
      'env', 'env-file', 'user', 'publish', 'volume', 'workdir', 'label', 'label-file', 'hostname', 'memory', 'cpu-shares', 'attach',
      'name', 'network', 'net', 'network-alias', 'entrypoint', 'mount', 'restart', 'cpus', 'add-host', 'link', 'log-driver', 'log-opt',
      'platform', 'pull', 'cap-add', 'cap-drop', 'security-opt', 'tmpfs', 'ulimit', 'device', 'dns', 'dns-search', 'dns-option', 'gpus',
      'shm-size', 'stop-signal', 'stop-timeout', 'health-cmd', 'health-interval', 'health-retries', 'health-timeout', 'health-start-period',
      'memory-swap', 'memory-reservation', 'pid', 'ipc', 'uts', 'userns', 'cgroupns', 'runtime', 'storage-opt', 'sysctl', 'cidfile', 'expose',
      'group-add', 'ip', 'ip6', 'mac-address', 'volumes-from', 'volume-driver', 'isolation', 'kernel-memory', 'cpuset-cpus', 'cpuset-mems',
      'blkio-weight', 'oom-score-adj', 'pids-limit', 'detach-keys',
    ],
  },
  composeGlobal: { short: 'fpH', long: ['file', 'project-name', 'project-directory', 'env-file', 'profile', 'ansi', 'progress', 'parallel', 'host', 'context', 'log-level'] },
  composeExec: { short: 'euw', long: ['env', 'user', 'workdir', 'index'] },
  composeRun: { short: 'euwvpl', long: ['env', 'user', 'workdir', 'name', 'entrypoint', 'volume', 'publish', 'label', 'cap-add', 'cap-drop', 'env-from-file', 'pull'] },
  kubectlGlobal: { short: 'ns', long: ['namespace', 'context', 'kubeconfig', 'cluster', 'user', 'server', 'token', 'as', 'as-group', 'request-timeout'] },
  kubectlExec: { short: 'cfns', long: ['container', 'filename', 'pod-running-timeout', 'namespace', 'context', 'kubeconfig', 'cluster', 'user', 'server', 'token', 'as'] },
  poetryGlobal: { short: 'CP', long: ['directory', 'project'] },
  uvRun: {
    short: 'pPf',
    long: [
      'with', 'with-editable', 'with-requirements', 'python', 'env-file', 'directory', 'project', 'package', 'extra', 'group', 'only-group',
      'no-group', 'index', 'index-url', 'extra-index-url', 'find-links', 'refresh-package', 'upgrade-package', 'reinstall-package',
      'config-file', 'cache-dir', 'module',
    ],
  },
} satisfies Record<string, OptionSpec>;

function base(word: ShellWord): string {
  const v = word.value;
  return v.slice(v.lastIndexOf('/') + 1);
}

function wrapperText(words: ShellWord[], from: number, to: number): string {
  return words
    .slice(from, to)
    .map((w) => w.raw)
    .join(' ');
}

interface Step {
  next: number;
  wrapper: ShellWrapper;
  env?: ShellWord[];
  shellString?: ShellWord | null;
}

type Handler = (words: ShellWord[], i: number) => Step | null;

const make = (kind: ShellWrapper['kind'], words: ShellWord[], i: number, next: number, extra: Partial<ShellWrapper> = {}): ShellWrapper => ({
  kind,
  text: wrapperText(words, i, next),
  user: null,
  target: null,
  ...extra,
});

/** `sh -c 'string'`: the string, if the options include -c. */
function shellC(words: ShellWord[], i: number): Step | null {
  const { next, opts } = skipOptions(words, i + 1, SPECS.shell, false);
  if (!has(opts, 'c')) return null;
  const str = words[next];
  if (!str || str.value === '--') return null;
  return { next: next + 1, wrapper: make('shell-c', words, i, next), shellString: str };
}

/** Options-then-command wrappers that only change how the command is run. */
function simple(kind: ShellWrapper['kind'], spec: OptionSpec): Handler {
  return (words, i) => {
    const { next } = skipOptions(words, i + 1, spec);
    return next < words.length ? { next, wrapper: make(kind, words, i, next) } : null;
  };
}

const HANDLERS: Record<string, Handler> = {
  sudo: (words, i) => {
    const { next, opts } = skipOptions(words, i + 1, SPECS.sudo);
    if (has(opts, 'e', 'edit', 'l', 'list', 'v', 'validate', 'k', 'K')) return null;
    let j = next;
    const env: ShellWord[] = [];
    while (j < words.length && ASSIGNMENT.test(words[j].value)) env.push(words[j++]);
    if (j >= words.length) return null;
    return { next: j, env, wrapper: make('sudo', words, i, j, { user: opt(opts, 'u', 'user')?.value ?? 'root' }) };
  },
  su: (words, i) => {
    const { next, opts } = skipOptions(words, i + 1, SPECS.su, false);
    let j = next;
    if (words[j]?.value === '-') j++;
    const user = words[j] && !words[j].value.startsWith('-') ? words[j].value : 'root';
    // Options may follow the user name (`su - postgres -s /bin/bash -c "..."`).
    const after = words[j] && !words[j].value.startsWith('-') ? skipOptions(words, j + 1, SPECS.su, false).opts : [];
    const cmd = opt([...opts, ...after], 'c', 'command', 'C', 'session-command');
    if (!cmd) return null;
    return { next: words.length, wrapper: make('su', words, i, words.length, { user }), shellString: cmd };
  },
  runuser: (words, i) => {
    const { next, opts } = skipOptions(words, i + 1, SPECS.runuser);
    const u = opt(opts, 'u', 'user');
    if (u) return next < words.length ? { next, wrapper: make('runuser', words, i, next, { user: u.value }) } : null;
    const cmd = opt(opts, 'c', 'command');
    if (!cmd) return null;
    return { next: words.length, wrapper: make('runuser', words, i, words.length, { user: words[next]?.value ?? 'root' }), shellString: cmd };
  },
  gosu: (words, i) => (i + 2 < words.length ? { next: i + 2, wrapper: make('gosu', words, i, i + 2, { user: words[i + 1].value }) } : null),
  env: (words, i) => {
    const { next, opts } = skipOptions(words, i + 1, SPECS.env);
    if (has(opts, 'S', 'split-string')) return null;
    let j = next;
    const env: ShellWord[] = [];
    while (j < words.length && (ASSIGNMENT.test(words[j].value) || words[j].value === '-')) {
      if (words[j].value !== '-') env.push(words[j]);
      j++;
    }
    return j < words.length ? { next: j, env, wrapper: make('env', words, i, j) } : null;
  },
  nohup: simple('nohup', SPECS.plain),
  setsid: simple('setsid', SPECS.setsid),
  chronic: simple('chronic', SPECS.plain),
  exec: simple('exec', SPECS.exec),
  time: simple('time', SPECS.time),
  nice: simple('nice', SPECS.nice),
  ionice: (words, i) => {
    const { next, opts } = skipOptions(words, i + 1, SPECS.ionice);
    if (has(opts, 'p', 'pid', 'P', 'pgid', 'u', 'uid')) return null;
    return next < words.length ? { next, wrapper: make('ionice', words, i, next) } : null;
  },
  timeout: (words, i) => {
    const { next } = skipOptions(words, i + 1, SPECS.timeout);
    return next + 1 < words.length ? { next: next + 1, wrapper: make('timeout', words, i, next + 1) } : null;
  },
  flock: (words, i) => {
    const { next, opts } = skipOptions(words, i + 1, SPECS.flock, false);
    const cmd = opt(opts, 'c', 'command');
    const lock = words[next];
    if (!lock) return null;
    // `flock lockfile -c 'cmd'`: options may follow the lock file.
    const after = skipOptions(words, next + 1, SPECS.flock);
    const c = cmd ?? opt(after.opts, 'c', 'command');
    if (c) return { next: words.length, wrapper: make('flock', words, i, words.length), shellString: c };
    return after.next < words.length ? { next: after.next, wrapper: make('flock', words, i, after.next) } : null;
  },
  command: (words, i) => {
    const { next, opts } = skipOptions(words, i + 1, SPECS.plain);
    if (has(opts, 'v', 'V')) return null;
    return next < words.length ? { next, wrapper: make('command', words, i, next) } : null;
  },
  xargs: simple('xargs', SPECS.xargs),
  stdbuf: simple('stdbuf', SPECS.stdbuf),
  docker: docker,
  podman: docker,
  'docker-compose': (words, i) => compose(words, i, i + 1),
  'podman-compose': (words, i) => compose(words, i, i + 1),
  kubectl: kubectl,
  oc: kubectl,
  poetry: pythonRunner(SPECS.poetryGlobal, SPECS.plain),
  pipenv: pythonRunner(SPECS.plain, SPECS.plain),
  pdm: pythonRunner(SPECS.plain, SPECS.plain),
  uv: pythonRunner(SPECS.plain, SPECS.uvRun),
};
// `eval 'string'`: the string is parsed like `sh -c`.
HANDLERS.eval = (words, i) => (words.length === i + 2 ? { next: i + 2, wrapper: make('shell-c', words, i, i + 1), shellString: words[i + 1] } : null);
HANDLERS.doas = HANDLERS.sudo;
HANDLERS['su-exec'] = HANDLERS.gosu;

function envWords(opts: OptionHit[]): ShellWord[] {
  return opts.filter((o) => (o.name === 'e' || o.name === 'env') && o.value && ASSIGNMENT.test(o.value.value)).map((o) => o.value as ShellWord);
}

function docker(words: ShellWord[], i: number): Step | null {
  let { next: j } = skipOptions(words, i + 1, SPECS.dockerGlobal);
  let sub = words[j]?.value;
  if (sub === 'container') sub = words[++j]?.value;
  if (sub === 'compose') return compose(words, i, j + 1);
  if (sub === 'exec' || sub === 'run') {
    const run = sub === 'run';
    const { next, opts } = skipOptions(words, j + 1, run ? SPECS.dockerRun : SPECS.dockerExec);
    const target = words[next];
    if (!target || next + 1 >= words.length) return null;
    return {
      next: next + 1,
      env: envWords(opts),
      wrapper: make(run ? 'docker-run' : 'docker-exec', words, i, next + 1, { target: target.value, user: opt(opts, 'u', 'user')?.value ?? null }),
    };
  }
  return null;
}

function compose(words: ShellWord[], i: number, from: number): Step | null {
  const { next: j } = skipOptions(words, from, SPECS.composeGlobal);
  const sub = words[j]?.value;
  if (sub !== 'exec' && sub !== 'run') return null;
  const run = sub === 'run';
  const { next, opts } = skipOptions(words, j + 1, run ? SPECS.composeRun : SPECS.composeExec);
  const service = words[next];
  if (!service || next + 1 >= words.length) return null;
  return {
    next: next + 1,
    env: envWords(opts),
    wrapper: make(run ? 'compose-run' : 'compose-exec', words, i, next + 1, { target: service.value, user: opt(opts, 'u', 'user')?.value ?? null }),
  };
}

function kubectl(words: ShellWord[], i: number): Step | null {
  const { next: j } = skipOptions(words, i + 1, SPECS.kubectlGlobal);
  if (words[j]?.value !== 'exec') return null;
  const { next, opts } = skipOptions(words, j + 1, SPECS.kubectlExec, false);
  const pod = words[next];
  if (!pod) return null;
  // Flags may also follow the pod name (`kubectl exec pod -c app -- cmd`).
  const after = skipOptions(words, next + 1, SPECS.kubectlExec);
  const k = after.next;
  if (k >= words.length) return null;
  const container = opt([...opts, ...after.opts], 'c', 'container')?.value;
  return { next: k, wrapper: make('kubectl-exec', words, i, k, { target: container ? `${pod.value}/${container}` : pod.value }) };
}

function pythonRunner(global: OptionSpec, run: OptionSpec): Handler {
  return (words, i) => {
    const { next: j } = skipOptions(words, i + 1, global);
    if (words[j]?.value !== 'run') return null;
    const { next } = skipOptions(words, j + 1, run);
    return next < words.length ? { next, wrapper: make('python-runner', words, i, next) } : null;
  };
}

/** Follows wrappers from the command name; stops at the first word that is not one (or a `-c` string to parse). */
export function unwrap(words: ShellWord[]): Unwrapped {
  const out: Unwrapped = { index: 0, wrappers: [], env: [], shellString: null };
  let i = 0;
  for (let guard = 0; guard < 12 && i < words.length; guard++) {
    const name = base(words[i]);
    const step = SHELLS.has(name) ? shellC(words, i) : Object.hasOwn(HANDLERS, name) ? HANDLERS[name](words, i) : null;
    if (!step) break;
    out.wrappers.push(step.wrapper);
    if (step.env) out.env.push(...step.env);
    if (step.shellString) {
      // The wrapper's text stops before the string it runs.
      const at = words.indexOf(step.shellString);
      if (at > i) step.wrapper.text = wrapperText(words, i, at);
      out.shellString = step.shellString;
      out.index = i;
      return out;
    }
    i = step.next;
    out.index = i;
  }
  return out;
}
