import { describe, expect } from 'vitest';
import { session } from './harness/session.js';
import { Shop } from './harness/shop.js';
import { check as contractCheck, skipBecause } from './harness/skip.js';

/** Every test here is about the sandbox's own operations. */
const check = (name: string, fn: Parameters<typeof contractCheck>[1]) => contractCheck(name, fn, { kind: 'sandbox-only' });
import { hasRoute } from './harness/target.js';

/**
 * The sandbox-only operations (x-sx-sandbox-only). A deployment does not
 * have them: each test skips, saying so, where the route is missing.
 */
const s = session('test-helpers');
const shop = new Shop(s);

function needRoute(operationId: string) {
  if (!hasRoute(operationId)) skipBecause(`the target has no ${operationId} (sandbox-only)`, { operationIds: [operationId] });
}

async function newShop() {
  const reply = await s.admin.post('/v1/test_helpers/tenants', undefined, { key: null });
  expect(reply.status, reply.text).toBe(201);
  return { reply, api: s.admin.as(reply.body.secret) };
}

describe('createEphemeralTenant', () => {
  check('creates a shop seeded like the demo shop, with a full-access test key shown once', async () => {
    needRoute('createEphemeralTenant');
    const { reply, api } = await newShop();
    expect(reply.body.secret).toMatch(/^sx_test_/);
    expect(reply.body.idle_ttl_seconds).toBeGreaterThanOrEqual(1);
    expect((await api.get('/v1/api-keys')).status, 'the key holds all nine abilities').toBe(200);
    expect((await api.get('/v1/products/prod_01J2PVQR41')).status, 'the documented fixtures resolve').toBe(200);
  });
});

describe('resetTenant', () => {
  check('brings a shop back to its fixtures and keeps the caller key', async () => {
    needRoute('resetTenant');
    // Only ever on a shop of its own: resetting the shared shop would pull the floor from under other runs.
    needRoute('createEphemeralTenant');
    const { api } = await newShop();
    const product = await api.post('/v1/products', { name: s.unique('Gone after reset'), type: 'account', price_cents: 1, currency: 'USD' });
    expect(product.status).toBe(201);
    const reset = await api.post('/v1/test_helpers/reset');
    expect(reset.status).toBe(200);
    expect(reset.body.object).toBe('reset');
    expect((await api.get(`/v1/products/${product.body.id}`)).status).toBe(404);
    expect((await api.get('/v1/products/prod_01J2PVQR41')).status).toBe(200);
  });
});

describe('advanceClock', () => {
  check('moves the shop clock forward by the seconds asked for', async () => {
    needRoute('advanceClock');
    const first = await s.admin.post('/v1/test_helpers/clock/advance', { seconds: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: 'clock', advanced_seconds: 1, jobs_run: expect.any(Number) });
    const second = await s.admin.post('/v1/test_helpers/clock/advance', { seconds: 3600 });
    expect(Date.parse(second.body.now) - Date.parse(first.body.now)).toBeGreaterThanOrEqual(3600_000);
  });
});

describe('simulateOrder', () => {
  check('walks a checkout to completed, failed or awaiting_payment', async () => {
    needRoute('simulateOrder');
    const completed = (await shop.simulate({ outcome: 'completed' }))!;
    expect(completed).toMatchObject({ status: 'completed', paid_at: expect.any(String), payment: { provider: 'blockpn' }, delivery: { state: 'delivered' } });
    const failed = (await shop.simulate({ outcome: 'failed' }))!;
    expect(failed).toMatchObject({ status: 'failed', paid_at: null });
    const waiting = (await shop.simulate({ outcome: 'awaiting_payment' }))!;
    expect(waiting).toMatchObject({ status: 'awaiting_payment', paid_at: null, payment: null });
  });

  check("takes license keys from the product's pool; a pool too small fails the delivery after payment, taking nothing", async () => {
    needRoute('simulateOrder');
    const product = await s.api.post('/v1/products', { name: s.unique('Pooled'), type: 'license_key', price_cents: 300, currency: 'USD' });
    s.defer('archive pooled product', () => s.api.delete(`/v1/products/${product.body.id}`));
    await s.api.post(`/v1/products/${product.body.id}/keys`, { keys: [s.unique('K1'), s.unique('K2')] });
    const order = (await shop.simulate({ product: product.body.id, quantity: 1 }))!;
    expect(order).toMatchObject({ status: 'completed', total_cents: 300, delivery: { kind: 'license_key', state: 'delivered' } });
    expect((await s.api.get(`/v1/products/${product.body.id}`)).body.stock).toBe(1);
    const short = (await shop.simulate({ product: product.body.id, quantity: 2 }))!;
    expect(short).toMatchObject({ status: 'failed', total_cents: 600, paid_at: expect.any(String), delivery: { state: 'failed', delivered_at: null } });
    expect((await s.api.get(`/v1/products/${product.body.id}`)).body.stock).toBe(1);
    // it was paid, so it can be refunded
    expect((await s.api.post(`/v1/orders/${short.id}/refund`, {})).status).toBe(200);
  });

  check('an unknown or archived product is 422', async () => {
    needRoute('simulateOrder');
    const product = await s.api.post('/v1/products', { name: s.unique('Archived'), type: 'account', price_cents: 300, currency: 'USD' });
    await s.api.delete(`/v1/products/${product.body.id}`);
    for (const id of [product.body.id, 'prod_0NOSUCHPRODUCT']) {
      const reply = await s.api.post('/v1/test_helpers/orders', { product: id, email: shop.email('archived') });
      expect(reply.status, id).toBe(422);
      expect(Object.keys(reply.body.errors)).toContain('body.product');
    }
  });

  check('an asset the chain does not carry is 422', async () => {
    needRoute('simulateOrder');
    const product = await s.api.post('/v1/products', { name: s.unique('Chain'), type: 'account', price_cents: 300, currency: 'USD' });
    s.defer('archive chain product', () => s.api.delete(`/v1/products/${product.body.id}`));
    const reply = await s.api.post('/v1/test_helpers/orders', { product: product.body.id, email: shop.email('chain'), chain: 'bitcoin', asset: 'USDT' });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.errors)).toContain('body.asset');
  });
});
