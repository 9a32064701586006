// Runs the MDN HTTP Observatory's own tests (@mdn/mdn-http-observatory) on one host with explicit ports and prints
// { "<test>": { pass, result } } as JSON. Its `scan()` ignores ports, so this calls its retriever and tests the way
// scan() does. Started by observatory.test.ts with NODE_EXTRA_CA_CERTS set to the lab CA.
import fs from 'node:fs';

// The package's postinstall downloads Chromium's HSTS preload list (network). Installed with --ignore-scripts the file
// is absent, and loopback hosts are never on that list: an empty list is the true answer for them.
const readFileSync = fs.readFileSync;
fs.readFileSync = function patched(path, ...rest) {
  if (String(path).endsWith('hsts-preload.json') && !fs.existsSync(path)) return '{}';
  return readFileSync.call(this, path, ...rest);
};

const { retrieve } = await import('@mdn/mdn-http-observatory/src/retriever/retriever.js');
const { ALL_TESTS } = await import('@mdn/mdn-http-observatory/src/constants.js');

const [host, httpPort, httpsPort] = process.argv.slice(2);
const requests = await retrieve(host, { httpPort: Number(httpPort), httpsPort: Number(httpsPort) });
if (!requests.responses.auto) {
  process.stdout.write(JSON.stringify({ error: 'the site seems to be down' }));
  process.exit(1);
}
const out = {};
for (const test of ALL_TESTS) {
  const o = test(requests);
  out[o.name ?? o.constructor.name] = { pass: o.pass, result: o.result };
}
out.verified = requests.responses.https?.verified ?? null;
process.stdout.write(JSON.stringify(out));
