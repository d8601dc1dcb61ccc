/**
 * The in-process doors, no HTTP: requests per second, p50/p99 latency and
 * CPU µs per request through
 *   - `sandbox.fetch` (a `Request` in, a `Response` out, body read to the end),
 *   - the MSW door: msw's `setupServer` with the sandbox's `sxHandlers`, called
 *     with plain `fetch` as a frontend test calls it,
 *   - `engine.handle` (plain values: what every door costs on top of this),
 * on the same routes as the HTTP bench (throughput.ts), 50 requests in flight.
 *
 * `npm run bench:fetch` runs it alone and writes bench/results/fetch-door.json;
 * `npm run bench` runs it in a child process (measureDoors) for its report.
 * Bounded: BENCH_SECONDS (4) per route and door after a 1 s warm-up
 * (3 doors × 4 routes × 5 s ≈ 65 s with the resets). Rate limits are lifted
 * so no run measures 429s; the headers are still computed. The MSW door's
 * base URL is on loopback (`http://127.0.0.1:9/v1`, a port nothing listens
 * on), so even a request MSW failed to catch could not leave the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { envNumber, FILL, LIFTED } from './lib/sandbox.js';
import { CREATE_BODY, INVALID_BODY, PRODUCT_ID, ROUTE_LABELS, ROUTES, type RouteName } from './throughput.js';

export const DOORS = ['fetch', 'msw', 'engine'] as const;
export type DoorName = (typeof DOORS)[number];

export const DOOR_LABELS: Record<DoorName, string> = {
  fetch: 'fetch door (sandbox.fetch)',
  msw: 'MSW door (setupServer + sxHandlers, plain fetch)',
  engine: 'engine.handle (plain values)',
};

export interface DoorFigure {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  /** process CPU (user + system) per request, µs */
  cpu_us: number;
  errors: number;
}

export type DoorFigures = Record<DoorName, Partial<Record<RouteName, DoorFigure>>>;

const HERE = dirname(fileURLToPath(import.meta.url));

/** What `npm run bench` calls: the doors in a fresh process of their own, so the bench's own load generator is not in it. */
export function measureDoors(root: string, seconds: number, inFlight: number, log: (line: string) => void): DoorFigures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--json'], {
    cwd: root,
    timeout: 300_000,
    maxBuffer: 1 << 20,
    env: { ...process.env, SX_SANDBOX_QUIET: '1', BENCH_SECONDS: String(seconds), BENCH_CONNECTIONS: String(inFlight) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out.toString().trim().split('\n');
  for (const line of lines.slice(0, -1)) log(`  ${line}`);
  return JSON.parse(lines[lines.length - 1]) as DoorFigures;
}

interface Route {
  method: string;
  path: string;
  status: number;
  headers: () => Record<string, string>;
  body?: string;
}

async function run(): Promise<void> {
  const { setupServer } = await import('msw/node');
  const { createSandbox } = await import('../src/index.js');
  const { sxHandlers } = await import('../src/doors/msw.js');
  const SECONDS = envNumber('BENCH_SECONDS', 4);
  const IN_FLIGHT = envNumber('BENCH_CONNECTIONS', 50);
  const json = process.argv.includes('--json');
  const ORIGIN = 'http://sandbox.local';
  const MSW_BASE = 'http://127.0.0.1:9/v1';

  const sandbox = createSandbox({
    rateLimits: { read: Number(LIFTED), write: Number(LIFTED) },
    caps: { resourcesPerTenant: 10_000_000 },
    clockMode: 'frozen',
  });
  const msw = setupServer(...sxHandlers({ sandbox, baseUrl: MSW_BASE }));
  const auth = { authorization: `Bearer ${sandbox.demoKey}` };
  const typed = { ...auth, 'content-type': 'application/json' };
  let serial = 0;

  const routes: Record<RouteName, Route> = {
    list: { method: 'GET', path: '/v1/products', status: 200, headers: () => auth },
    get: { method: 'GET', path: `/v1/products/${PRODUCT_ID}`, status: 200, headers: () => auth },
    create: {
      method: 'POST',
      path: '/v1/products',
      status: 201,
      headers: () => ({ ...typed, 'idempotency-key': `bench-${++serial}` }),
      body: JSON.stringify(CREATE_BODY),
    },
    invalid: { method: 'POST', path: '/v1/products', status: 422, headers: () => typed, body: JSON.stringify(INVALID_BODY) },
  };

  type Call = (route: Route) => Promise<number>;
  const fetchThrough =
    (origin: string, handler: (request: Request) => Promise<Response>): Call =>
    async (route) => {
      const response = await handler(new Request(origin + route.path, { method: route.method, headers: route.headers(), body: route.body }));
      await response.arrayBuffer();
      return response.status;
    };
  const calls: Record<DoorName, Call> = {
    fetch: fetchThrough(ORIGIN, (request) => sandbox.fetch(request)),
    // MSW_BASE ends in /v1 and the routes start with it: the origin is what comes before
    msw: fetchThrough(new URL(MSW_BASE).origin, (request) => fetch(request)),
    engine: async (route) => {
      const reply = await sandbox.engine.handle({
        method: route.method,
        path: route.path,
        query: {},
        headers: route.headers(),
        body: route.body ?? null,
        ip: '127.0.0.1',
      });
      return reply.status;
    },
  };

  /** The demo shop at its fixtures plus FILL products before every run, as in the HTTP bench (a page of 25). */
  async function resetDemoShop(): Promise<void> {
    const call = (method: string, path: string, body?: unknown) =>
      sandbox.fetch(new Request(ORIGIN + path, { method, headers: typed, body: body === undefined ? undefined : JSON.stringify(body) }));
    if ((await call('POST', '/v1/test_helpers/reset')).status !== 200) throw new Error('reset failed');
    for (let i = 1; i <= FILL; i++) {
      const created = await call('POST', '/v1/products', { ...CREATE_BODY, name: `Listed product ${i}`, price_cents: 100 * i });
      if (created.status !== 201) throw new Error(`fill answered ${created.status}`);
    }
  }

  async function load(call: Call, route: Route, seconds: number): Promise<DoorFigure> {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const status = await call(route);
        latencies.push(performance.now() - started);
        if (status !== route.status) errors++;
      }
    };
    const began = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const used = process.cpuUsage(cpu);
    const elapsed = (performance.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return {
      rps: Math.round(latencies.length / elapsed),
      p50_ms: +at(0.5).toFixed(2),
      p99_ms: +at(0.99).toFixed(2),
      cpu_us: +((used.user + used.system) / Math.max(1, latencies.length)).toFixed(1),
      errors,
    };
  }

  const results = { fetch: {}, msw: {}, engine: {} } as DoorFigures;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    for (const door of DOORS) {
      if (door === 'msw') msw.listen({ onUnhandledRequest: 'error' });
      for (const name of ROUTES) {
        await load(calls[door], routes[name], 1);
        await resetDemoShop();
        const f = (results[door][name] = await load(calls[door], routes[name], SECONDS));
        say(
          `${door.padEnd(7)} ${ROUTE_LABELS[name].padEnd(26)} ${String(f.rps).padStart(7)} req/s  p50 ${f.p50_ms} ms  p99 ${f.p99_ms} ms  ${f.cpu_us} µs CPU/req${f.errors ? `  ! ${f.errors} wrong statuses` : ''}`,
        );
      }
      if (door === 'msw') msw.close();
    }
  } finally {
    msw.close();
    await sandbox.close();
  }

  if (json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  const file = join(HERE, 'results', 'fetch-door.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ when: new Date().toISOString(), cpus: cpus().length, seconds: SECONDS, in_flight: IN_FLIGHT, results }, null, 2)}\n`);
  say(`wrote ${file}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
