/**
 * Resident memory of the sandbox, measured in a fresh process started with
 * --expose-gc (full GC before every reading). Prints one JSON object.
 *
 *   node --expose-gc bench/.build/bench/targets/memoryProbe.js tenants   # 0, 1,000, 10,000 ephemeral shops
 *   node --expose-gc bench/.build/bench/targets/memoryProbe.js products  # one shop, 0 → 100,000 products
 */
import { createSandbox } from '../../src/index.js';
import { addProducts } from './fill.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

interface Reading {
  label: string;
  rss: number;
  heapUsed: number;
  external: number;
}

async function reading(label: string): Promise<Reading> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { label, rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

const mode = process.argv[2];
const TENANTS = [1_000, 10_000];
const PRODUCTS = [1_000, 10_000, 100_000];
const sandbox =
  mode === 'tenants'
    ? // public mode, as the docs host runs; room for 10,000 shops so none is evicted while counting
      createSandbox({ public: true, clockMode: 'frozen', ephemeral: { maxTenants: Math.max(...TENANTS) } } as Parameters<typeof createSandbox>[0])
    : createSandbox({ clockMode: 'frozen', caps: { resourcesPerTenant: 2 * Math.max(...PRODUCTS) } });
const readings: Reading[] = [await reading('start')];
let method: string;

if (mode === 'tenants') {
  method = 'services.ephemeral.create(), what POST /v1/test_helpers/tenants runs, called in process (no 10,000 HTTP round trips, no per-IP limit)';
  let created = 0;
  for (const target of TENANTS) {
    for (; created < target; created++) sandbox.services.ephemeral.create();
    readings.push(await reading(`${target} tenants`));
  }
} else if (mode === 'products') {
  method = 'the createProduct handler, called directly, into the demo shop';
  let created = 0;
  for (const target of PRODUCTS) {
    addProducts(sandbox, sandbox.demo, target - created);
    created = target;
    readings.push(await reading(`${target} products`));
  }
} else {
  throw new Error(`mode must be tenants or products, got '${mode}'`);
}

process.stdout.write(`${JSON.stringify({ mode, method, readings })}\n`);
await sandbox.close();
