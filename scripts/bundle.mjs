// Builds the CLI into one ESM file: our few hundred modules load as one, which keeps start-up short.
// Dependencies stay external: several load native binaries (tree-sitter, ssh2) or WASM files (PGlite)
// relative to their own package, and all of them are installed next to dist/ anyway.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/opsaudit.mjs',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
