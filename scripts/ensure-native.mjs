// Makes sure the native tree-sitter binding loads. Its prebuilt binary needs a newer libstdc++ than Debian 12
// ships, so on such machines it is compiled from source once (install scripts are off: see .npmrc).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loads() {
  try {
    require('tree-sitter');
    return true;
  } catch (err) {
    return err;
  }
}

const first = loads();
if (first !== true) {
  console.error(`tree-sitter does not load (${String(first.message ?? first).split('\n')[0]}); compiling it from source…`);
  const r = spawnSync('npm', ['rebuild', 'tree-sitter', '--ignore-scripts=false'], { stdio: 'inherit' });
  if (r.status !== 0 || loads() !== true) {
    console.error('tree-sitter could not be built: install g++, make and python3, then run `npm rebuild tree-sitter --ignore-scripts=false`.');
    process.exit(1);
  }
}
