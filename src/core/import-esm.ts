// Loads an ES module package on first use.
// The CLI launcher (scripts/launcher.mjs) runs the bundle from V8's code cache, and code restored from that
// cache cannot call import() itself (Node loses the callback that resolves it), so the launcher hands in its own.

type Importer = (specifier: string) => Promise<unknown>;

export function importEsm<T = Record<string, unknown>>(specifier: string): Promise<T> {
  const fromLauncher = (globalThis as { __opsauditImport?: Importer }).__opsauditImport;
  return (fromLauncher ? fromLauncher(specifier) : import(specifier)) as Promise<T>;
}
