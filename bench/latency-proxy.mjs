// A TCP relay that delays every chunk by half a round-trip time in each direction, so that a benchmark's loopback
// servers answer as servers across a network would. Runs as its own process: its CPU is counted with the machine's,
// never with the auditor's. (No netem here: the kernel module is not on every test machine.)
// Usage: node bench/latency-proxy.mjs <rtt-ms> <target-port>...  — prints one listening port per target, then "ready".
import { createServer, connect } from 'node:net';

const [rtt, ...targets] = process.argv.slice(2).map(Number);
const half = rtt / 2;

/** Copies a socket's data to another after `half` ms, in order (timers of equal delay fire in order). */
function delayed(from, to) {
  from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), half));
  from.on('end', () => setTimeout(() => to.end(), half));
  from.on('error', () => to.destroy());
}

const ports = [];
for (const target of targets) {
  const server = createServer((client) => {
    client.setNoDelay(true);
    const upstream = connect({ host: '127.0.0.1', port: target });
    upstream.setNoDelay(true);
    delayed(client, upstream);
    delayed(upstream, client);
  });
  await new Promise((res) => server.listen(0, '127.0.0.1', res));
  ports.push(server.address().port);
}
process.stdout.write(`${ports.join('\n')}\nready\n`);
