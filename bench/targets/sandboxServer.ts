/**
 * The sandbox for the benches that need set-up the CLI cannot do: shops
 * filled with N products each (list scaling) and a raised endpoint cap (50
 * endpoints for fan-out plus the demo shop's fixture ones). Rate limits are
 * lifted. Prints one JSON line with the keys and cursors, then serves until
 * SIGTERM.
 *
 *   node bench/.build/bench/targets/sandboxServer.js --port <p> [--fill 100,1000] [--webhook-endpoints 64]
 */
import { parseArgs } from 'node:util';
import { createSandbox } from '../../src/index.js';
import { buildSeed } from '../../src/state/seed.js';
import { addProducts, cursorAt, mintFullKey } from './fill.js';

const { values } = parseArgs({
  options: { port: { type: 'string' }, fill: { type: 'string' }, 'webhook-endpoints': { type: 'string' } },
});
const sizes = (values.fill ?? '').split(',').filter(Boolean).map(Number);

const sandbox = createSandbox({
  rateLimits: { read: 1e9, write: 1e9 },
  caps: {
    resourcesPerTenant: Math.max(100_000, ...sizes),
    ...(values['webhook-endpoints'] ? { webhookEndpointsPerTenant: Number(values['webhook-endpoints']) } : {}),
  },
});

const shops: Record<string, { key: string; middleCursor: string | null }> = {};
for (const size of sizes) {
  // an empty shop, so the list holds exactly `size` products
  const tenant = sandbox.store.create(`tnt_bench_${size}`, buildSeed({ epoch: sandbox.seed.epoch }));
  const key = mintFullKey(sandbox, tenant);
  addProducts(sandbox, tenant, size);
  shops[size] = { key, middleCursor: cursorAt(sandbox, tenant, Math.floor(size / 2)) };
}

await sandbox.listen(Number(values.port), '127.0.0.1');
process.stdout.write(`${JSON.stringify({ demoKey: sandbox.demoKey, shops })}\n`);
process.on('SIGTERM', () => {
  sandbox.close().then(() => process.exit(0));
});
