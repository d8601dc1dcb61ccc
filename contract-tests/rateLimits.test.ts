import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect } from 'vitest';
import type { Client, Reply } from './harness/client.js';
import { harmlessPath } from './harness/invalid.js';
import { session } from './harness/session.js';
import { check, skipBecause } from './harness/skip.js';
import { operations, type SpecOperation } from './harness/spec.js';
import { hasRoute, target } from './harness/target.js';

/**
 * Rate limits, per key and class, as documented: 600 reads and 120 writes a
 * minute. The bursts use freshly minted keys with the courtesy wait turned
 * off, so they never eat into the budget of the keys other tests use.
 */
const s = session('rate-limits', { ownKey: false });

const POLICY = { read: { name: 'reads', quota: 600 }, write: { name: 'writes', quota: 120 } } as const;
const remaining = (reply: Reply) => Number(/;r=(\d+)/.exec(reply.headers.ratelimit ?? '')?.[1]);

const onTarget = operations.filter((op) => op.statuses.includes(429) && op.authenticated && (!op.sandboxOnly || hasRoute(op.operationId)));
const writes = onTarget.filter((op) => op.method !== 'GET');
const reads = onTarget.filter((op) => op.method === 'GET');

/** A request that changes nothing: unknown ids, a body the operation refuses. */
function harmless(api: Client, op: SpecOperation): Promise<Reply> {
  return api.call(op.method, harmlessPath(op), op.method === 'GET' ? undefined : op.body ? { contract_suite_probe: true } : undefined);
}

async function freshKey(what: string): Promise<Client> {
  const key = await s.mint(what);
  return s.admin.as(key.secret, false);
}

async function burst(send: () => Promise<Reply>, quota: number): Promise<{ accepted: Reply[]; limited: Reply }> {
  const accepted: Reply[] = [];
  // a limiter that refills (a token bucket) may admit more while the burst runs: allow for it, but not for ever
  for (let i = 0; i < quota * 2; i++) {
    const reply = await send();
    if (reply.status === 429) return { accepted, limited: reply };
    accepted.push(reply);
  }
  throw new Error(`no 429 after ${quota * 2} requests on one key`);
}

/** Every operation of the class answers 429 while the key's bucket is empty (a refilled token may let one through first). */
async function expectAllLimited(api: Client, ops: SpecOperation[]) {
  for (const op of ops) {
    let reply = await harmless(api, op);
    for (let tries = 0; reply.status !== 429 && tries < 3; tries++) reply = await harmless(api, op);
    expect(reply.status, `${op.operationId} while the key is out of quota`).toBe(429);
  }
}

function expectRateLimited(reply: Reply) {
  expect(reply.body.type).toBe('rate_limited');
  const retryAfter = Number(reply.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After '${reply.headers['retry-after']}' is whole seconds ≥ 1`).toBe(true);
  if (reply.body.retry_after !== undefined) expect(reply.body.retry_after).toBe(retryAfter);
  return retryAfter;
}

function slowOnly(ops: SpecOperation[]) {
  if (!target.slow) {
    skipBecause('tagged slow (a burst past the quota); off against a deployment unless SX_SLOW=1', {
      operationIds: ops.map((op) => op.operationId),
      statuses: [429],
    });
  }
}

describe('RateLimit headers', () => {
  check('every authenticated answer names its class policy, and the remaining count goes down', async () => {
    const api = await freshKey('headers');
    const read = await api.get('/v1/products?limit=1');
    expect(read.headers['ratelimit-policy']).toBe(`"${POLICY.read.name}";q=${POLICY.read.quota};w=60`);
    expect(read.headers.ratelimit).toMatch(new RegExp(`^"${POLICY.read.name}";r=\\d+;t=\\d+$`));
    const write = await api.post('/v1/products', { contract_suite_probe: true });
    expect(write.status).toBe(400); // refused requests count too
    expect(write.headers['ratelimit-policy']).toBe(`"${POLICY.write.name}";q=${POLICY.write.quota};w=60`);
    expect(write.headers.ratelimit).toMatch(new RegExp(`^"${POLICY.write.name}";r=\\d+;t=\\d+$`));
    for (const [cls, first] of [
      ['read', read],
      ['write', write],
    ] as const) {
      expect(remaining(first), `a fresh key starts at ${POLICY[cls].quota} - 1`).toBe(POLICY[cls].quota - 1);
      // six more at once: all are counted; a quota that refills as it goes may give back a couple meanwhile
      const send = () => (cls === 'read' ? api.get('/v1/products?limit=1') : api.post('/v1/products', { contract_suite_probe: true }));
      const more = await Promise.all(Array.from({ length: 6 }, send));
      for (const reply of more) expect(reply.headers['ratelimit-policy']).toBe(`"${POLICY[cls].name}";q=${POLICY[cls].quota};w=60`);
      const lowest = Math.min(...more.map(remaining));
      expect(lowest, `${cls}: remaining goes down as requests are made`).toBeLessThanOrEqual(POLICY[cls].quota - 1 - 4);
    }
  });
});

describe('429 rate_limited', () => {
  check(
    `a burst past ${POLICY.write.quota} writes a minute is refused with Retry-After, on every write, and not before; the shared client waits it out`,
    async () => {
      slowOnly(writes);
      // Two keys, so the two waits (each up to a whole window where the window is exact) run side by side.
      const [api, patient] = await Promise.all([freshKey('write-burst'), freshKey('write-burst-courtesy')]);
      const probe = (client: Client) => () => client.post('/v1/products', { contract_suite_probe: true });
      const [{ accepted, limited }, second] = await Promise.all([burst(probe(api), POLICY.write.quota), burst(probe(patient), POLICY.write.quota)]);
      expect(accepted.length, 'the whole documented quota is granted first').toBeGreaterThanOrEqual(POLICY.write.quota);
      expect(accepted.every((r) => r.status === 400)).toBe(true);
      const retryAfter = expectRateLimited(limited);
      expectRateLimited(second.limited);
      await expectAllLimited(api, writes);
      // reads are another class, with their own budget
      expect((await api.get('/v1/products?limit=1')).status).toBe(200);
      await Promise.all([
        (async () => {
          // Retry-After is honest: once it has passed, the next write gets through
          await sleep(retryAfter * 1000 + 100);
          expect((await probe(api)()).status).toBe(400);
        })(),
        (async () => {
          // and the suite's shared client, out of quota, waits it out by itself
          expect((await patient.as(patient.key, true).post('/v1/products', { contract_suite_probe: true })).status).toBe(400);
        })(),
      ]);
    },
    90_000,
  );

  check(
    `a burst past ${POLICY.read.quota} reads a minute is refused on every read`,
    async () => {
      slowOnly(reads);
      const api = await freshKey('read-burst');
      const { accepted, limited } = await burst(() => api.get('/v1/products?limit=1'), POLICY.read.quota);
      expect(accepted.length).toBeGreaterThanOrEqual(POLICY.read.quota);
      expectRateLimited(limited);
      await expectAllLimited(api, reads);
    },
    90_000,
  );
});
