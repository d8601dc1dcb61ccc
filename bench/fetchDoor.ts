/**
 * `npm run bench:fetch`: the in-process doors, no HTTP. Requests per second
 * and p50/p99 latency through `sandbox.fetch` (a `Request` in, a `Response`
 * out, body read to the end) and through `engine.handle` (plain values), on
 * the same routes as the HTTP bench (throughput.ts), with 50 requests in
 * flight. Bounded: BENCH_SECONDS (4) per route and door after a 1 s
 * warm-up. Rate limits are lifted so no run measures 429s; the headers are
 * still computed. Figures go to bench/results/fetch-door.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '../src/index.js';
import { envNumber, FILL, LIFTED } from './lib/sandbox.js';
import { CREATE_BODY, INVALID_BODY, PRODUCT_ID } from './throughput.js';

process.env.SX_SANDBOX_QUIET ??= '1';
const SECONDS = envNumber('BENCH_SECONDS', 4);
const IN_FLIGHT = envNumber('BENCH_CONNECTIONS', 50);
const ORIGIN = 'http://sandbox.local';

const sandbox = createSandbox({
  rateLimits: { read: Number(LIFTED), write: Number(LIFTED) },
  caps: { resourcesPerTenant: 10_000_000 },
  clockMode: 'frozen',
});
const auth = { authorization: `Bearer ${sandbox.demoKey}` };
const json = { ...auth, 'content-type': 'application/json' };
let serial = 0;

interface Route {
  method: string;
  path: string;
  status: number;
  headers: () => Record<string, string>;
  body?: string;
}

const ROUTES: Record<string, Route> = {
  list: { method: 'GET', path: '/v1/products', status: 200, headers: () => auth },
  get: { method: 'GET', path: `/v1/products/${PRODUCT_ID}`, status: 200, headers: () => auth },
  create: { method: 'POST', path: '/v1/products', status: 201, headers: () => ({ ...json, 'idempotency-key': `bench-${++serial}` }), body: JSON.stringify(CREATE_BODY) },
  invalid: { method: 'POST', path: '/v1/products', status: 422, headers: () => json, body: JSON.stringify(INVALID_BODY) },
};

type Call = (route: Route) => Promise<number>;

const DOORS: Record<string, Call> = {
  fetch: async (route) => {
    const response = await sandbox.fetch(new Request(ORIGIN + route.path, { method: route.method, headers: route.headers(), body: route.body }));
    await response.arrayBuffer();
    return response.status;
  },
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
    sandbox.fetch(new Request(ORIGIN + path, { method, headers: json, body: body === undefined ? undefined : JSON.stringify(body) }));
  if ((await call('POST', '/v1/test_helpers/reset')).status !== 200) throw new Error('reset failed');
  for (let i = 1; i <= FILL; i++) {
    const created = await call('POST', '/v1/products', { ...CREATE_BODY, name: `Listed product ${i}`, price_cents: 100 * i });
    if (created.status !== 201) throw new Error(`fill answered ${created.status}`);
  }
}

async function load(call: Call, route: Route, seconds: number) {
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
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: Math.round(latencies.length / elapsed), p50_ms: +at(0.5).toFixed(2), p99_ms: +at(0.99).toFixed(2), errors };
}

const results: Record<string, Record<string, Awaited<ReturnType<typeof load>>>> = {};
for (const [door, call] of Object.entries(DOORS)) {
  results[door] = {};
  for (const [name, route] of Object.entries(ROUTES)) {
    await load(call, route, 1);
    await resetDemoShop();
    results[door][name] = await load(call, route, SECONDS);
    process.stdout.write(`${door.padEnd(7)} ${name.padEnd(8)} ${String(results[door][name].rps).padStart(7)} req/s  p50 ${results[door][name].p50_ms} ms  p99 ${results[door][name].p99_ms} ms${results[door][name].errors ? `  ! ${results[door][name].errors} wrong statuses` : ''}\n`);
  }
}
await sandbox.close();

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'fetch-door.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ when: new Date().toISOString(), cpus: cpus().length, seconds: SECONDS, in_flight: IN_FLIGHT, results }, null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
