// Builds the CLI: one CommonJS bundle (dist/opsaudit.cjs) with our modules and the pure-JavaScript dependencies,
// the launcher dist/opsaudit.mjs (the `bin`), and V8's code cache for the bundle from a warm-up scan of the
// bundled example. Loading one pre-compiled file instead of hundreds of modules keeps start-up short.
// Kept external: packages that load native binaries (tree-sitter, ssh2) or WASM (PGlite) relative to their own
// directory, and those loaded only on first use (ajv, ssh-config).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const EXTERNAL = [
  'tree-sitter', 'tree-sitter-bash', 'tree-sitter-python', 'ssh2', 'ssh-config', 'ajv', 'ajv-formats',
  '@electric-sql/pglite', '@electric-sql/pglite/*',
];

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/opsaudit.cjs',
  bundle: true,
  external: EXTERNAL,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Our sources are ES modules; in the CommonJS bundle their module URL is the bundle's.
  define: { 'import.meta.url': '__opsauditModuleUrl' },
  banner: { js: "const __opsauditModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
copyFileSync('scripts/launcher.mjs', 'dist/opsaudit.mjs');
chmodSync('dist/opsaudit.mjs', 0o755);
rmSync('dist/opsaudit.cjs.cache', { force: true });
rmSync('dist/opsaudit.mjs.map', { force: true });

// Warm-up: best effort. Without a cache the CLI works the same, only its start-up is slower.
const warm = spawnSync(process.execPath, ['dist/opsaudit.mjs', 'scan', 'examples/onespirit', '--format', 'json', '--quiet', '--output', '/dev/null'], {
  env: { ...process.env, OPSAUDIT_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
if (warm.status !== 0 && warm.status !== 1) {
  console.warn(`bundle: no code cache written (warm-up scan exited ${warm.status}): ${String(warm.stderr).slice(0, 300)}`);
}
