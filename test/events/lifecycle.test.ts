import { describe, expect, it } from 'vitest';
import { QUEUED_PER_ENDPOINT } from '../../src/events/dispatcher.js';
import { recordBytes } from '../../src/state/budget.js';
import { newProduct, receiver, register, settle, webhookSandbox } from './harness.js';
import type { TestSandbox } from '../support/sandbox.js';

const DAY = 24 * 3600 * 1000;

async function visitorShop(t: TestSandbox) {
  const reply = await t.post('/v1/test_helpers/tenants', {}, { key: null });
  expect(reply.status).toBe(201);
  return { id: reply.body.tenant_id as string, key: reply.body.secret as string };
}

async function log(t: TestSandbox, endpointId: string, key?: string) {
  const all: Record<string, any>[] = [];
  let cursor = '';
  for (;;) {
    const reply = await t.get(`/v1/webhooks/${endpointId}/deliveries?limit=100${cursor}`, { key });
    expect(reply.status).toBe(200);
    all.push(...reply.body.data);
    if (!reply.body.next_cursor) return all;
    cursor = `&cursor=${reply.body.next_cursor}`;
  }
}

/** The demo shop's endpoint on a receiver that hangs: ten events, eight attempts held open, two waiting their turn. */
async function eightInFlightTwoInLine() {
  const t = webhookSandbox();
  const r = await receiver();
  r.behaviour = 'hang';
  await register(t, r, ['product.created']);
  for (let i = 0; i < 10; i++) await t.post('/v1/products', newProduct(`P${i}`));
  await r.waitFor(8);
  return { t, r };
}

describe('a shop that ends stops its deliveries at once', () => {
  it('an expired visitor shop: attempts in flight are cut, queued ones and retries are never made', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    r.behaviour = 'hang';
    const shop = await visitorShop(t);
    await register(t, r, ['product.created'], { key: shop.key });
    for (let i = 0; i < 12; i++) expect((await t.post('/v1/products', newProduct(`P${i}`), { key: shop.key })).status).toBe(201);
    await r.waitFor(8); // eight in flight, four in line
    const tenant = t.sandbox.store.get(shop.id)!;

    // the shop idles past its TTL and the sweep removes it
    t.clock.advance(3600 * 1000);
    expect(t.sandbox.services.ephemeral.sweep()).toBe(1);
    expect((await t.get('/v1/products', { key: shop.key })).status).toBe(401);

    // nothing is left to wait for: the held connections were aborted, the line was dropped
    await settle(t);
    r.behaviour = 500;
    r.release(500);
    tenant.scheduler.advance(DAY);
    await settle(t);
    expect(r.arrivals).toHaveLength(8);
    expect(tenant.scheduler.pending).toBe(0);
    expect(tenant.budget.used).toBe(0);
  });

  it('a reset cuts the attempts in flight and drops the queued ones', async () => {
    const { t, r } = await eightInFlightTwoInLine();
    expect((await t.post('/v1/test_helpers/reset', {})).status).toBe(200);
    await settle(t);
    r.behaviour = 200;
    t.sandbox.demo.scheduler.advance(DAY);
    await settle(t);
    expect(r.arrivals).toHaveLength(8);
  });

  it('without the shop ending, the same line drains into the receiver (so the checks above can fail)', async () => {
    const { t, r } = await eightInFlightTwoInLine();
    // the same moment without an end: the line drains into the receiver
    r.behaviour = 200;
    r.release(200);
    await settle(t);
    expect(r.arrivals).toHaveLength(10);
  });
});

describe('a deleted endpoint', () => {
  it('cuts its attempts in flight at once: a receiver that hangs holds no socket of it', async () => {
    // a minute of patience per attempt: only the deletion can end these
    const t = webhookSandbox({ webhooks: { timeoutMs: 60_000 } });
    const r = await receiver();
    r.behaviour = 'hang';
    const endpoint = await register(t, r, ['product.created']);
    for (let i = 0; i < 3; i++) await t.post('/v1/products', newProduct(`D${i}`));
    await r.waitFor(3);
    expect(r.holding).toBe(3);
    expect((await t.delete(`/v1/webhooks/${endpoint.id}`)).status).toBe(200);
    await settle(t);
    while (r.holding > 0) await new Promise((resolve) => setImmediate(resolve));
    expect(r.arrivals).toHaveLength(3);
  });
});

describe('per-endpoint queues are bounded', () => {
  it(`an endpoint owes at most ${QUEUED_PER_ENDPOINT} attempts; one more is logged failed with its reason and never made`, async () => {
    const t = webhookSandbox();
    const r = await receiver();
    r.behaviour = 'hang';
    const endpoint = await register(t, r, ['product.created']);
    const extra = 5;
    for (let i = 0; i < QUEUED_PER_ENDPOINT + extra; i++) expect((await t.post('/v1/products', newProduct(`Q${i}`))).status).toBe(201);
    await r.waitFor(8);
    const entries = await log(t, endpoint.id);
    expect(entries).toHaveLength(QUEUED_PER_ENDPOINT + extra);
    const dropped = entries.filter((d) => d.status === 'failed');
    expect(dropped).toHaveLength(extra);
    for (const d of dropped) {
      expect(d.failure_reason).toMatch(/queue full/);
      expect(d.attempted_at).toBeNull();
      expect(d.next_retry_at).toBeNull();
    }
    // the newest are the dropped ones: the line was full when they came
    expect(entries.slice(0, extra).every((d) => d.status === 'failed')).toBe(true);
    r.behaviour = 200;
    r.release(200);
    await settle(t);
    expect(r.arrivals).toHaveLength(QUEUED_PER_ENDPOINT);
    const after = await log(t, endpoint.id);
    expect(after.filter((d) => d.status === 'succeeded')).toHaveLength(QUEUED_PER_ENDPOINT);
    // once the line has room, the next event is queued again
    await t.post('/v1/products', newProduct('After'));
    await settle(t);
    expect(r.arrivals).toHaveLength(QUEUED_PER_ENDPOINT + 1);
  });

  it('a failed attempt says why: no answer in time, or the status it got', async () => {
    const t = webhookSandbox({ webhooks: { timeoutMs: 200, retryScheduleMs: [0] } });
    const r = await receiver();
    r.respond(503, 'hang');
    const endpoint = await register(t, r, ['product.created']);
    await t.post('/v1/products', newProduct('Status'));
    await settle(t);
    await t.post('/v1/products', newProduct('Timeout'));
    await settle(t);
    const [timedOut, refused] = await log(t, endpoint.id);
    expect(refused.failure_reason).toBe('the endpoint answered 503');
    expect(timedOut.failure_reason).toBe('no answer within 200 ms');
    r.release(200);
  });
});

describe('deleted endpoints free what they held', () => {
  it('creating and deleting endpoints with deliveries leaves the shop budget where it was (but for the slots)', async () => {
    const t = webhookSandbox();
    const r = await receiver();
    const budget = t.sandbox.demo.budget;
    await t.post('/v1/products', newProduct('Warm-up'));
    const before = budget.state.used;
    const rounds = 10;
    for (let i = 0; i < rounds; i++) {
      const endpoint = await register(t, r, ['product.updated']);
      await t.patch('/v1/products/prod_01J2PVQR41', { description: `round ${i}` });
      await settle(t);
      expect((await t.delete(`/v1/webhooks/${endpoint.id}`)).status).toBe(200);
    }
    // each round leaves its records' places (16 bytes each: endpoint, delivery) and the product's new version
    const product = t.sandbox.demo.products.get('prod_01J2PVQR41')!;
    const left = budget.state.used - before;
    expect(left).toBeLessThan(rounds * 2 * 16 + recordBytes(product) + 1);
    expect(t.sandbox.demo.webhooks.ownSize).toBe(0);
  });
});
