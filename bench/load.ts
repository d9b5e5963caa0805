/**
 * Closed-loop HTTP load generator, run as its own process so it does not share the
 * server's event loop. Usage: node --import tsx bench/load.ts URL SECONDS CONCURRENCY
 * URL may be several URLs separated by `|`, requested in turn (a mix, or many ids of one route).
 * Prints JSON: { requests, errors, rps, p50, p99 } (latencies in ms).
 */
import http from 'node:http';

const [url = '', secondsArg = '5', concArg = '10'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const concurrency = Number(concArg);
const urls = url.split('|');
let next = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies: number[] = [];
let errors = 0;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const target = urls[next++ % urls.length] ?? url;
    const req = http.get(target, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors += 1;
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        resolve();
      });
    });
    req.on('error', () => {
      errors += 1;
      resolve();
    });
  });
}

async function worker(deadline: number): Promise<void> {
  while (Date.now() < deadline) await once();
}

const warmupEnd = Date.now() + 1000;
await Promise.all(Array.from({ length: concurrency }, () => worker(warmupEnd)));
latencies.length = 0;
errors = 0;
const start = Date.now();
await Promise.all(Array.from({ length: concurrency }, () => worker(start + seconds * 1000)));
const elapsed = (Date.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
process.stdout.write(JSON.stringify({ requests: latencies.length, errors, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99) }));
agent.destroy();
