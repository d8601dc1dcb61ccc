/**
 * Before/after for a hot-spot fix: two builds of the sandbox (each a package
 * directory with a built dist/, e.g. `git archive <commit> | tar -x -C dir`,
 * `ln -s $PWD/node_modules dir/`, `npx tsc -p dir/tsconfig.build.json`),
 * measured in turns on the same routes and workloads as `npm run bench`.
 *
 *   npx tsx bench/compare.ts <before-dir> <after-dir> [routes=list,get,create,invalid]
 *
 * Environment: BENCH_SECONDS (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50), BENCH_COLD_RUNS (7).
 */
import { resolve } from 'node:path';
import { DEMO_KEY_SECRET } from '../fixtures/index.js';
import { measureColdStart } from './coldStart.js';
import { freePort, startServer, stopAll, type Server } from './lib/processes.js';
import { envNumber as env, resetDemoShop, sandboxCli } from './lib/sandbox.js';
import { CREATE_BODY, measureThroughput, ROUTE_LABELS, ROUTES, type RouteName } from './throughput.js';

const [beforeDir, afterDir, routeList] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  process.stderr.write('usage: tsx bench/compare.ts <before-dir> <after-dir> [routes]\n');
  process.exit(2);
}
const routes = (routeList ? routeList.split(',') : ROUTES) as RouteName[];
const KEY = DEMO_KEY_SECRET;
const log = (line: string) => process.stdout.write(`${line}\n`);
const cli = (dir: string) => sandboxCli(resolve(dir));
const resetShop = (origin: string) => resetDemoShop(origin, KEY, CREATE_BODY);

const servers: Server[] = [];
try {
  for (const [name, dir] of [
    ['before', beforeDir],
    ['after', afterDir],
  ] as const) {
    const port = await freePort();
    servers.push(
      await startServer({
        name,
        command: process.execPath,
        args: cli(dir)(port),
        readyUrl: `http://127.0.0.1:${port}/v1/products`,
        readyHeaders: { authorization: `Bearer ${KEY}` },
        cwd: resolve(dir),
      }),
    );
  }
  const figures = await measureThroughput(
    servers.map((s) => ({ name: s.name, origin: s.url, pid: s.child.pid, routes, before: () => resetShop(s.url) })),
    { seconds: env('BENCH_SECONDS', 5), rounds: env('BENCH_ROUNDS', 3), warmupSeconds: 2, connections: env('BENCH_CONNECTIONS', 50), key: KEY, log },
  );
  await stopAll(servers);
  log('');
  for (const route of routes) {
    const [b, a] = [figures.before[route]!, figures.after[route]!];
    const cpu = b.cpuUs && a.cpuUs ? `; CPU/request ${Math.round(b.cpuUs)} → ${Math.round(a.cpuUs)} µs (${(a.cpuUs / b.cpuUs).toFixed(2)}×)` : '';
    log(
      `${ROUTE_LABELS[route].padEnd(26)} before ${Math.round(b.rps)} req/s p99 ${b.p99} ms → after ${Math.round(a.rps)} req/s p99 ${a.p99} ms  (${(a.rps / b.rps).toFixed(2)}×)${cpu}`,
    );
  }
  const cold = await measureColdStart(
    [
      { name: 'before', command: process.execPath, args: cli(beforeDir), path: '/v1/products', headers: { authorization: `Bearer ${KEY}` } },
      { name: 'after', command: process.execPath, args: cli(afterDir), path: '/v1/products', headers: { authorization: `Bearer ${KEY}` } },
    ],
    env('BENCH_COLD_RUNS', 7),
    process.cwd(),
    log,
  );
  log(`cold start                 before ${Math.round(cold.before.medianMs)} ms → after ${Math.round(cold.after.medianMs)} ms`);
} finally {
  await stopAll(servers);
}
