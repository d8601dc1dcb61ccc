/**
 * The Express door against bare Express 5 alone, for work on the door and
 * the pipeline: the built sandbox CLI and bench/targets/bareExpress.js side
 * by side, the same workloads in alternating rounds, and each server's CPU
 * time per request from /proc. CPU per request is what other load on a
 * shared machine disturbs least (it takes wall time from a server, not CPU
 * time), so its ratio is the figure to read there; req/s needs a quiet one.
 *
 *   npx tsx bench/expressDoor.ts                 # after npm run build and tsc -p bench/tsconfig.json
 *   BENCH_PROFILE=<dir> npx tsx bench/expressDoor.ts   # the sandbox alone, under --cpu-prof (read it with profileSummary.ts)
 *
 * Environment: BENCH_ROUTES (list,get,create,invalid), BENCH_SECONDS (3),
 * BENCH_ROUNDS (2), BENCH_CONNECTIONS (50). Bounded: 2 targets × 4 routes ×
 * (3 s + a 1 s warm-up in the first round) per round ≈ 40 s with the resets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_KEY_SECRET } from '../fixtures/index.js';
import { expectCall } from './lib/api.js';
import { freePort, startServer, stopAll, type Server } from './lib/processes.js';
import { envNumber, resetDemoShop, sandboxCli } from './lib/sandbox.js';
import { CREATE_BODY, INVALID_BODY, measureThroughput, PRODUCT_ID, ROUTE_LABELS, ROUTES, type RouteName, type ThroughputTarget } from './throughput.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEY = DEMO_KEY_SECRET;
const routes = (process.env.BENCH_ROUTES ? process.env.BENCH_ROUTES.split(',') : ROUTES) as RouteName[];
const profileDir = process.env.BENCH_PROFILE;
const log = (line: string) => process.stdout.write(`${line}\n`);
const servers: Server[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'sx-door-'));

async function start(name: string, args: (port: number) => string[]): Promise<Server> {
  const port = await freePort();
  const server = await startServer({
    name,
    command: process.execPath,
    args: args(port),
    readyUrl: `http://127.0.0.1:${port}/v1/products`,
    readyHeaders: { authorization: `Bearer ${KEY}` },
    cwd: ROOT,
    timeoutMs: 60_000,
  });
  servers.push(server);
  return server;
}

try {
  const cli = sandboxCli(ROOT);
  const sandbox = await start('sandbox', (p) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...cli(p)] : cli(p)));
  const reset = () => resetDemoShop(sandbox.url, KEY, CREATE_BODY);
  await reset();
  // bare Express answers the sandbox's own bytes
  const payloads = join(scratch, 'payloads.json');
  writeFileSync(
    payloads,
    JSON.stringify({
      list: await expectCall(200, sandbox.url, 'GET', '/v1/products', KEY),
      product: await expectCall(200, sandbox.url, 'GET', `/v1/products/${PRODUCT_ID}`, KEY),
      created: await expectCall(201, sandbox.url, 'POST', '/v1/products', KEY, CREATE_BODY),
      invalid: await expectCall(422, sandbox.url, 'POST', '/v1/products', KEY, INVALID_BODY),
    }),
  );
  const targets: ThroughputTarget[] = [{ name: 'sandbox', origin: sandbox.url, pid: sandbox.child.pid, routes, before: reset }];
  if (!profileDir) {
    const bare = await start('bare Express 5', (p) => [
      join(ROOT, 'bench', '.build', 'bench', 'targets', 'bareExpress.js'),
      '--port',
      String(p),
      '--payloads',
      payloads,
    ]);
    targets.push({ name: 'bare Express 5', origin: bare.url, pid: bare.child.pid, routes });
  }
  const figures = await measureThroughput(targets, {
    seconds: envNumber('BENCH_SECONDS', 3),
    rounds: envNumber('BENCH_ROUNDS', 2),
    warmupSeconds: 1,
    connections: envNumber('BENCH_CONNECTIONS', 50),
    key: KEY,
    log,
  });
  if (!profileDir) {
    log('');
    for (const route of routes) {
      const [ours, bare] = [figures.sandbox[route]!, figures['bare Express 5'][route]!];
      const cpu =
        ours.cpuUs && bare.cpuUs
          ? `CPU/request ${Math.round(ours.cpuUs)} vs ${Math.round(bare.cpuUs)} µs = ${(ours.cpuUs / bare.cpuUs).toFixed(2)}×`
          : 'CPU/request n/a';
      log(`${ROUTE_LABELS[route].padEnd(26)} req/s ${(ours.rps / bare.rps).toFixed(2)}×  ${cpu}  p99 ${ours.p99} vs ${bare.p99} ms`);
    }
  }
} finally {
  await stopAll(servers);
  rmSync(scratch, { recursive: true, force: true });
}
