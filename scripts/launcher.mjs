#!/usr/bin/env node
// The `opsaudit` command. It loads the bundled CLI (opsaudit.cjs, next to this file) through V8's code cache,
// which `npm run build` writes after a warm-up scan: compiling the 2 MB bundle from scratch is about a third of
// a typical scan's wall time. Node 20 has no built-in compile cache for ES modules (module.enableCompileCache
// arrived in Node 22), hence this small loader; a cache V8 rejects (another Node version) only costs the compile.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const filename = join(here, 'opsaudit.cjs');
const cacheFile = `${filename}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The same wrapper Node puts around a CommonJS module; the shebang line is not JavaScript.
const source = readFileSync(filename, 'utf8').replace(/^#!/, '//');
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
// Code restored from a V8 cache cannot call import() (Node loses the callback that resolves it): the bundle
// loads its ES-module dependencies (PGlite) through this function instead (src/core/import-esm.ts).
globalThis.__opsauditImport = (specifier) => import(specifier);
if (process.env.OPSAUDIT_CODE_CACHE_REPORT === '1') {
  process.stderr.write(`code cache: ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
}
if (process.env.OPSAUDIT_WRITE_CODE_CACHE === '1') {
  // Written at exit, so that the functions the warm-up ran are in the cache too.
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, here);
