/**
 * Two servers under load at the same time, for a before/after on a machine
 * whose speed drifts (a shared VM: the same server's CPU per request moved
 * 1.5× between rounds of `npm run bench`). Both get the same workload at
 * once, half the connections each, so whatever the host does in a round it
 * does to both; the figure is B's CPU per request over A's, per round, and
 * their median. Not a throughput figure: the two share the CPU.
 *
 *   npx tsx bench/alongside.ts <dir-A> <dir-B | bare> [route=create]
 *
 * A directory is a package with a built dist/ (as for compare.ts); `bare`
 * is bench/targets/bareExpress.js answering A's bytes. Environment:
 * BENCH_SECONDS (3), BENCH_ROUNDS (6), BENCH_CONNECTIONS (50, split
 * between the two). Bounded: rounds × (seconds + resets), ~1.5 minutes.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_KEY_SECRET } from '../fixtures/index.js';
import { expectCall } from './lib/api.js';
import { fire } from './lib/load.js';
import { freePort, startServer, stopAll, type Server } from './lib/processes.js';
import { envNumber, resetDemoShop, sandboxCli } from './lib/sandbox.js';
import { median } from './lib/stats.js';
import { CREATE_BODY, INVALID_BODY, PRODUCT_ID, ROUTE_LABELS, ROUTES, type RouteName, workloads } from './throughput.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [aDir, bDir, routeName = 'create'] = process.argv.slice(2);
if (!aDir || !bDir || !(ROUTES as readonly string[]).includes(routeName)) {
  process.stderr.write(`usage: tsx bench/alongside.ts <dir-A> <dir-B | bare> [${ROUTES.join('|')}]\n`);
  process.exit(2);
}
const route = routeName as RouteName;
const seconds = envNumber('BENCH_SECONDS', 3);
const rounds = envNumber('BENCH_ROUNDS', 6);
const connections = Math.max(1, Math.floor(envNumber('BENCH_CONNECTIONS', 50) / 2));
const KEY = DEMO_KEY_SECRET;
const workload = workloads(KEY)[route];
const payloads = join(tmpdir(), `sx-alongside-${process.pid}.json`);
const servers: Server[] = [];

async function start(name: string, dir: string): Promise<Server> {
  const port = await freePort();
  const server =
    dir === 'bare'
      ? await startServer({
          name,
          command: process.execPath,
          args: [join(ROOT, 'bench', '.build', 'bench', 'targets', 'bareExpress.js'), '--port', String(port), '--payloads', payloads],
          readyUrl: `http://127.0.0.1:${port}/v1/products`,
          cwd: ROOT,
          timeoutMs: 20_000,
        })
      : await startServer({
          name,
          command: process.execPath,
          args: sandboxCli(resolve(dir))(port),
          readyUrl: `http://127.0.0.1:${port}/v1/products`,
          readyHeaders: { authorization: `Bearer ${KEY}` },
          cwd: resolve(dir),
          timeoutMs: 60_000,
        });
  servers.push(server);
  return server;
}

/** Back to the fixtures plus a page of products: the same state for every run (bare Express keeps none). */
async function reset(server: Server, dir: string): Promise<void> {
  if (dir !== 'bare') await resetDemoShop(server.url, KEY, CREATE_BODY);
}

try {
  const a = await start('A', aDir);
  await reset(a, aDir);
  writeFileSync(
    payloads,
    JSON.stringify({
      list: await expectCall(200, a.url, 'GET', '/v1/products', KEY),
      product: await expectCall(200, a.url, 'GET', `/v1/products/${PRODUCT_ID}`, KEY),
      created: await expectCall(201, a.url, 'POST', '/v1/products', KEY, CREATE_BODY),
      invalid: await expectCall(422, a.url, 'POST', '/v1/products', KEY, INVALID_BODY),
    }),
  );
  const b = await start('B', bDir);
  const ratios: number[] = [];
  process.stdout.write(`${ROUTE_LABELS[route]}: A ${aDir}, B ${bDir}; ${rounds} rounds × ${seconds} s, ${connections} connections each, at the same time\n`);
  for (let round = 0; round < rounds; round++) {
    if (round === 0) {
      // JIT warm-up, measured by nobody
      await Promise.all([reset(a, aDir), reset(b, bDir)]);
      await Promise.all([fire(a.url, workload, 1, connections), fire(b.url, workload, 1, connections)]);
    }
    await Promise.all([reset(a, aDir), reset(b, bDir)]);
    const [ra, rb] = await Promise.all([fire(a.url, workload, seconds, connections, a.child.pid), fire(b.url, workload, seconds, connections, b.child.pid)]);
    if (ra.cpuUs === undefined || rb.cpuUs === undefined) throw new Error('no CPU time per request (needs /proc)');
    ratios.push(rb.cpuUs / ra.cpuUs);
    process.stdout.write(
      `  round ${round + 1}/${rounds}  A ${Math.round(ra.rps)} req/s ${Math.round(ra.cpuUs)} µs/req${ra.wrong ? ` (${ra.wrong} unexpected)` : ''}  B ${Math.round(rb.rps)} req/s ${Math.round(rb.cpuUs)} µs/req${rb.wrong ? ` (${rb.wrong} unexpected)` : ''}  B ÷ A ${(rb.cpuUs / ra.cpuUs).toFixed(3)}\n`,
    );
  }
  process.stdout.write(
    `\nCPU per request, B ÷ A: median ${median(ratios).toFixed(3)} (rounds ${[...ratios]
      .sort((x, y) => x - y)
      .map((x) => x.toFixed(2))
      .join(' ')})\n`,
  );
} finally {
  await stopAll(servers);
}
