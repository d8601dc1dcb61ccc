import { describe, expect, it } from 'vitest';
import { ABILITIES } from '../../src/state/records.js';
import { walk } from '../support/pages.js';
import { TestSandbox } from '../support/sandbox.js';

const ADOBE = 'prod_01J2PVQR41';
const TRON = 'TXo4VDpPCrjY4cBGT3C9B6XJwVv8LZk3Qm';

/** `type id @time` for every event from now on. */
function record(t: TestSandbox) {
  const seen: string[] = [];
  t.sandbox.bus.subscribe((_tenant, e) => seen.push(`${e.type} ${(e.data.object as { id: string }).id} @${e.created_at.slice(11, 19)}`));
  return seen;
}

/** Every page of every fixture list, as the client sees it. */
async function snapshot(t: TestSandbox): Promise<string[]> {
  const out: string[] = [];
  for (const path of ['/v1/products', '/v1/orders', '/v1/customers', '/v1/payouts']) out.push(...(await walk(t, path)).pages);
  out.push((await t.get('/v1/webhooks')).text);
  return out;
}

describe('sandbox clock: POST /v1/test_helpers/clock/advance', () => {
  it('moves the shop clock and runs everything due on the way, in time order, each at its own moment', async () => {
    const t = new TestSandbox();
    const fixtures = (await t.get('/v1/payouts?limit=2')).body.data.map((p: { id: string }) => p.id);
    const refund = (await t.post('/v1/orders/ord_01J2PVP4XJ/refund', { amount_cents: 1000 })).body;
    const payout = (await t.post('/v1/payouts', { chain: 'tron', asset: 'USDT', amount_cents: 5000, destination_address: TRON })).body;
    const seen = record(t);
    const reply = await t.post('/v1/test_helpers/clock/advance', { seconds: 600 });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ object: 'clock', now: '2026-05-26T08:40:00Z', advanced_seconds: 600, jobs_run: 6 });
    const [queued, broadcast] = fixtures;
    expect(seen).toEqual([
      `payout.broadcast ${queued} @08:30:12`,
      `payout.broadcast ${payout.id} @08:30:20`,
      'order.refunded ord_01J2PVP4XJ @08:31:00',
      `payout.confirmed ${broadcast} @08:31:10`,
      `payout.confirmed ${queued} @08:32:12`,
      `payout.confirmed ${payout.id} @08:32:20`,
    ]);
    const order = (await t.get('/v1/orders/ord_01J2PVP4XJ')).body;
    expect(order.refunds).toEqual([{ ...refund, status: 'succeeded', succeeded_at: '2026-05-26T08:31:00Z', destination_tx: expect.any(String) }]);
    const next = await t.post('/v1/test_helpers/clock/advance', { seconds: 3600 });
    expect(next.body).toEqual({ object: 'clock', now: '2026-05-26T09:40:00Z', advanced_seconds: 3600, jobs_run: 0 });
    // new work is stamped with the moved clock
    const later = await t.post('/v1/test_helpers/orders', { product: ADOBE, email: 'later@example.com' });
    expect(later.body.created_at).toBe('2026-05-26T09:40:00Z');
  });

  it('needs a full-access key and a whole number of seconds from 1 to a year', async () => {
    const t = new TestSandbox();
    const { secret } = t.sandbox.store.mint(t.sandbox.demo, { name: 'almost', abilities: ABILITIES.filter((a) => a !== 'webhooks:write'), mode: 'test' });
    const denied = await t.post('/v1/test_helpers/clock/advance', { seconds: 60 }, { key: secret });
    expect(denied.status).toBe(403);
    expect(denied.body.required_ability).toBe('*');
    expect((await t.post('/v1/test_helpers/clock/advance', { seconds: 60 }, { key: null })).status).toBe(401);
    expect((await t.post('/v1/test_helpers/clock/advance', { seconds: 0 })).status).toBe(422);
    expect((await t.post('/v1/test_helpers/clock/advance', { seconds: 31536001 })).status).toBe(422);
    expect((await t.post('/v1/test_helpers/clock/advance', {})).status).toBe(400);
    expect(t.sandbox.demo.now()).toBe('2026-05-26T08:30:00Z');
  });

  it("moves only the caller's shop", async () => {
    const t = new TestSandbox();
    const other = t.sandbox.store.create('tnt_clock_other', t.sandbox.seed);
    const { secret } = t.sandbox.store.mint(other, { name: 'all', abilities: [...ABILITIES], mode: 'test' });
    await t.post('/v1/test_helpers/clock/advance', { seconds: 86400 }, { key: secret });
    expect(other.now()).toBe('2026-05-27T08:30:00Z');
    expect(t.sandbox.demo.now()).toBe('2026-05-26T08:30:00Z');
  });
});

describe('sandbox reset: POST /v1/test_helpers/reset', () => {
  it('after selling, refunding, paying out and moving the clock, puts the shop back to its fixtures; API keys stay', async () => {
    const t = new TestSandbox();
    const fresh = await snapshot(new TestSandbox());
    const { secret } = t.sandbox.store.mint(t.sandbox.demo, { name: 'kept', abilities: ['orders:read'], mode: 'test' });
    const sold = (await t.post('/v1/test_helpers/orders', { product: ADOBE, email: 'someone@example.com', quantity: 2 })).body;
    await t.post('/v1/orders/ord_01J2PVP4XJ/refund', {});
    await t.post('/v1/payouts', { chain: 'tron', asset: 'USDT', amount_cents: 5000, destination_address: TRON });
    const product = (await t.post('/v1/products', { name: 'Temp', type: 'license_key', price_cents: 100, currency: 'USD' })).body;
    await t.post('/v1/test_helpers/clock/advance', { seconds: 30 });
    expect((await t.get(`/v1/products/${ADOBE}`)).body.stock).toBe(45);

    const reset = await t.post('/v1/test_helpers/reset', {});
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ object: 'reset', reset_at: '2026-05-26T08:30:00Z' });
    expect(await snapshot(t)).toEqual(fresh);
    expect((await t.get(`/v1/orders/${sold.id}`)).status).toBe(404);
    expect((await t.get(`/v1/customers/${sold.customer_id}`)).status).toBe(404);
    expect((await t.get(`/v1/products/${product.id}`)).status).toBe(404);
    expect((await t.get(`/v1/products/${ADOBE}`)).body.stock).toBe(47);
    expect((await t.get('/v1/orders/ord_01J2PVP4XJ', { key: secret })).body).toMatchObject({ status: 'paid', refunds: [] });
    expect((await t.get('/v1/api-keys')).body.data.map((k: { id: string }) => k.id)).toContain(t.sandbox.store.lookup(secret)!.key.id);

    // pending work was dropped with the state: only the fixtures' own in-flight payouts move
    const seen = record(t);
    expect((await t.post('/v1/test_helpers/clock/advance', { seconds: 600 })).body.jobs_run).toBe(3);
    expect(seen.every((e) => e.startsWith('payout.'))).toBe(true);
    // the customer index follows the reset too
    const again = (await t.post('/v1/test_helpers/orders', { product: ADOBE, email: 'someone@example.com' })).body;
    const customer = (await t.get(`/v1/customers/${again.customer_id}`)).body;
    expect(customer).toMatchObject({ orders_count: 1, lifetime_cents: 12900 });
    expect(customer.orders.map((o: { id: string }) => o.id)).toEqual([again.id]);
  });

  it('needs a full-access key', async () => {
    const t = new TestSandbox();
    const { secret } = t.sandbox.store.mint(t.sandbox.demo, { name: 'writer', abilities: ['orders:read', 'orders:write'], mode: 'test' });
    const denied = await t.post('/v1/test_helpers/reset', {}, { key: secret });
    expect(denied.status).toBe(403);
    expect((await t.post('/v1/test_helpers/reset', { everything: true })).status).toBe(400);
  });
});
