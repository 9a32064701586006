// Teardown that must happen whatever the way out: normal return, exception, process exit, Ctrl-C or SIGTERM.
// Throwaway clusters, temp directories and scratch databases each register a synchronous teardown here.

type Teardown = () => void;

const pending = new Map<number, Teardown>();
let nextId = 1;
let installed = false;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs every registered teardown once, newest first (a database before its cluster, a cluster before its directory). */
export function runAllTeardowns(): void {
  const ids = [...pending.keys()].sort((a, b) => b - a);
  for (const id of ids) {
    const fn = pending.get(id);
    pending.delete(id);
    try {
      fn?.();
    } catch {
      // Best effort: one failed teardown must not stop the others.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runAllTeardowns();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Re-raise so the process ends the way the signal asked (exit status 128 + n), now that nothing is left behind.
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAllTeardowns);
  for (const s of SIGNALS) process.on(s, onSignal);
}

/**
 * Registers a synchronous teardown and returns the function that runs it now (and unregisters it).
 * Synchronous because 'exit' and signal handlers cannot wait for promises.
 */
export function registerTeardown(fn: Teardown): () => void {
  install();
  const id = nextId++;
  pending.set(id, fn);
  return () => {
    if (!pending.has(id)) return;
    pending.delete(id);
    fn();
  };
}

/** Teardowns still registered (tests check that none is left). */
export function pendingTeardowns(): number {
  return pending.size;
}
