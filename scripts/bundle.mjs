// Builds the CLI into one ESM file: one module to load instead of hundreds keeps start-up short.
// Native tree-sitter bindings stay external (they load their prebuilt binaries from node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/opsaudit.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // PGlite (verify-backup's embedded engine) loads its WASM and data files next to its own module: it stays external too.
  external: ['tree-sitter', 'tree-sitter-python', 'tree-sitter-bash', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
