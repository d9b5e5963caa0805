/**
 * Hostile anonymous clients, run as their own process: CONCURRENCY clients each POST a deeply nested
 * JSON body of about 1.8 MB to URL, again and again, for SECONDS. Usage:
 * node --import tsx bench/flood.ts URL SECONDS CONCURRENCY. Prints JSON { requests, statuses }.
 */
import http from 'node:http';

const [url = '', secondsArg = '5', concArg = '8'] = process.argv.slice(2);
const depth = 450_000;
const body = Buffer.from(`${'{"a":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}`);
const statuses: Record<string, number> = {};
let requests = 0;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => {
        statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
        requests += 1;
        resolve();
      });
    });
    req.on('error', () => {
      statuses.error = (statuses.error ?? 0) + 1;
      requests += 1;
      resolve();
    });
    req.end(body);
  });
}

const deadline = Date.now() + Number(secondsArg) * 1000;
await Promise.all(Array.from({ length: Number(concArg) }, async () => {
  while (Date.now() < deadline) await once();
}));
process.stdout.write(JSON.stringify({ requests, statuses, bytes: body.length }));
