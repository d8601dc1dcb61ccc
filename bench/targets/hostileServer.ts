/**
 * The sandbox under attack, for `npm run bench:hostile`. Every limit is the
 * `--public` default (caps, shop budget, memory ceiling, visitor shops, body
 * size, rate limits). By default one thing differs from `--public`: webhook
 * targets on loopback are allowed, so the bench's hanging receiver on
 * 127.0.0.1 can take deliveries (a public host would refuse it, and the bench
 * must never connect anywhere else). `--strict-public` runs `--public`
 * exactly; registrations of the receiver are then 422s.
 *
 * `--trust-proxy` (always given by bench/hostile.ts) makes it a host behind a
 * proxy: the attacker's requests carry its visitor address in
 * X-Forwarded-For (one address, or many with HOSTILE_IPS to fill the process
 * up to its memory ceiling), and the steady reader is another visitor.
 *
 *   node bench/.build/bench/targets/hostileServer.js --port <p> [--strict-public] [--trust-proxy]
 */
import { parseArgs } from 'node:util';
import { createSandbox } from '../../src/index.js';
import { PUBLIC_BODY_LIMIT_BYTES, PUBLIC_CAPS } from '../../src/config.js';
import { PUBLIC_IP_RATE_LIMITS } from '../../src/engine/stages/rateLimit.js';
import { PUBLIC_MEMORY } from '../../src/state/budget.js';
import { PUBLIC_EPHEMERAL } from '../../src/state/expiry.js';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'strict-public': { type: 'boolean' }, 'trust-proxy': { type: 'boolean' } } });

const trustProxy = values['trust-proxy'] ?? false;
const sandbox = values['strict-public']
  ? createSandbox({ public: true, trustProxy })
  : createSandbox({
      caps: PUBLIC_CAPS,
      ipRateLimits: PUBLIC_IP_RATE_LIMITS,
      memory: PUBLIC_MEMORY,
      ephemeral: PUBLIC_EPHEMERAL,
      bodyLimitBytes: PUBLIC_BODY_LIMIT_BYTES,
      trustProxy,
    });

const { url } = await sandbox.listen(Number(values.port ?? 0), '127.0.0.1');
// what the orchestrator reads: where, and the demo shop's key for the steady reader
process.stdout.write(`${JSON.stringify({ url, demoKey: sandbox.demoKey })}\n`);
setInterval(() => {
  const { store, services } = sandbox;
  process.stdout.write(`${JSON.stringify({ accounted: store.memory.used, shops: store.size, evicted: services.ephemeral.evicted })}\n`);
}, 1000).unref();
process.on('SIGTERM', () => {
  sandbox.close().then(() => process.exit(0));
});
